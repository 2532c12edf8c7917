// RFC 9457 problem+json answers. Every error the API gives goes through here, so a client always
// gets `type`, `title`, `status`, `detail` and, for validation, an `errors` list naming each field.
import 'server-only';
import { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(
  status: number,
  detail: string,
  extra: Partial<ProblemBody> = {},
  headers: Record<string, string> = {},
): Response {
  const body: ProblemBody = {
    type: extra.type ?? `https://regwatch.example/problems/${status}`,
    title: extra.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  });
}

export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

/** Thrown anywhere below a route handler to answer with a problem instead of a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Partial<ProblemBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function toResponse(error: unknown): Response {
  if (error instanceof HttpError) return problem(error.status, error.detail, error.extra, error.headers);
  const mapped = classifyDatabaseError(error);
  if (mapped) {
    console.error(`[api] database ${mapped.kind} (${mapped.code})`);
    return mapped.kind === 'unavailable'
      ? problem(
          503,
          'The database is not reachable or too busy right now. Nothing was changed; retry in a few seconds.',
          { type: 'https://regwatch.example/problems/database-unavailable' },
          { 'retry-after': String(RETRY_AFTER_SECONDS) },
        )
      : problem(400, mapped.detail, { type: 'https://regwatch.example/problems/invalid-value' });
  }
  // The message may name personal data, so only the class of the error is logged.
  console.error(`[api] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return problem(500, 'The server could not complete the request. Nothing was changed; please try again.');
}

export const RETRY_AFTER_SECONDS = 5;

type DatabaseErrorClass =
  { kind: 'unavailable'; code: string } | { kind: 'input'; code: string; detail: string };

// Node socket errors and postgres-js client errors that mean "no usable connection".
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

// SQLSTATEs caused by a value the client sent. The routes validate first; this is the safety net
// that keeps a value that slipped through a 400 rather than a 500.
const INPUT_STATES: Record<string, string> = {
  '22P02': 'A value in the request has the wrong format (for example an id that is not a UUID).',
  '22021': 'A text value in the request holds a NUL character or invalid UTF-8; remove it.',
  '22003': 'A number in the request is out of the range the server can store.',
  '22007': 'A date or time in the request is not valid; use ISO 8601 (2025-11-24T09:30:00+03:00).',
  '22008': 'A date or time in the request is out of range; use a real date such as 2025-11-24.',
  '22001': 'A text value in the request is too long.',
  '22023': 'A value in the request is not valid for its parameter.',
  '2201B': 'A pattern in the request is not a valid regular expression.',
  '54000': 'A value in the request is too large to process.',
};

/**
 * Sorts a database error (possibly wrapped by drizzle as `cause`) into "the database is unavailable"
 * (connection lost, server shutting down or starting, timeouts, lock waits) or "the input was bad".
 */
export function classifyDatabaseError(error: unknown): DatabaseErrorClass | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code)) return { kind: 'unavailable', code };
    // 08: connection exception; 57P01-57P05: admin/crash shutdown, cannot connect now, idle session
    // timeout; 57014: statement timeout; 55P03: lock timeout; 53: insufficient resources;
    // 40001/40P01: serialization failure or deadlock, which a retry resolves.
    if (/^(08...|57P0[1-5]|57014|55P03|53...|40001|40P01)$/.test(code)) return { kind: 'unavailable', code };
    const input = INPUT_STATES[code];
    if (input) return { kind: 'input', code, detail: input };
    e = 'cause' in e ? e.cause : undefined;
  }
  return null;
}

/**
 * For handlers we do not write (Better Auth): an error answer without a JSON body (its bare 404
 * for an unknown path or method, say) becomes problem+json. JSON errors pass unchanged, since the
 * sign-in page reads their `code` and `message`.
 */
export function withProblemFallback(res: Response): Response {
  const type = res.headers.get('content-type') ?? '';
  if (res.status < 400 || /^application\/(problem\+)?json/.test(type)) return res;
  const headers: Record<string, string> = {};
  const retryAfter = res.headers.get('retry-after');
  if (retryAfter) headers['retry-after'] = retryAfter;
  const detail =
    res.status === 404
      ? 'There is no sign-in endpoint at this path (or it does not take this method).'
      : 'The sign-in service could not handle this request.';
  return problem(res.status, detail, {}, headers);
}
