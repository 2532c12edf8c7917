// Next answers a method a route file does not export with an empty 405 that a client cannot read.
// Each route file exports these handlers for the methods it does not serve, so the answer is
// problem+json naming the methods that are allowed, and OPTIONS tells the truth as well.
import 'server-only';
import { problem } from './problem';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (req: Request) => Response;

/**
 * Handlers for every method, each refusing with 405 and `Allow: <allowed>`, plus an OPTIONS that
 * lists them. A route exports only the ones it does not implement itself:
 * `export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET', 'POST');`
 */
export function refuseOtherMethods(...allowed: Method[]): Record<Method | 'OPTIONS', Handler> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse: Handler = (req) =>
    problem(
      405,
      `${req.method} is not supported on this path. Use ${allowed.join(' or ')}; see /api/v1/openapi.json.`,
      {},
      { allow },
    );
  const options: Handler = () => new Response(null, { status: 204, headers: { allow } });
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
}
