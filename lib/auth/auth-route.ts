// What stands between the HTTP request and Better Auth's handler:
// - a state change from another site (sign-in, sign-out) is refused with 403 like our own routes;
//   Better Auth checks Origin only when cookies come along, which leaves login CSRF open;
// - the resolved client address goes in a header of our own, for the lockout and Better Auth's
//   rate limiter (./client-address.ts);
// - session tokens are taken out of JSON answers: the httpOnly cookie is the only place a token lives,
//   so script on the page can never read one.
import 'server-only';
import { checkCrossSite } from '@/lib/server/csrf';
import { problem } from '@/lib/server/problem';
import { CLIENT_HEADER, clientAddressOf } from './client-address';

export const INVALID_ORIGIN_CODE = 'INVALID_ORIGIN';

/** Identity-provider redirects arrive from the provider's site; their `state` protects them. */
function isProviderCallback(pathname: string): boolean {
  return /\/callback\//.test(pathname);
}

/** Drops every `token` property, at any depth. */
export function withoutTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'token')
      .map(([key, inner]) => [key, withoutTokens(inner)]),
  );
}

async function scrubTokens(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('application/json') || !response.body) {
    return response;
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(withoutTokens(body)), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export async function handleAuthRequest(
  request: Request,
  handler: (request: Request) => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url);
  if (!isProviderCallback(url.pathname)) {
    const refusal = checkCrossSite(request.method, request.headers, url.origin);
    if (refusal) return problem(403, refusal, { code: INVALID_ORIGIN_CODE });
  }
  const headers = new Headers(request.headers);
  headers.set(CLIENT_HEADER, clientAddressOf(request.headers));
  return scrubTokens(await handler(new Request(request, { headers })));
}
