// RFC 9457 problem+json answers. Every error the API gives goes through here, so a client always
// gets `type`, `title`, `status`, `detail` and, for validation, an `errors` list naming each field.
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
  ) {
    super(detail);
  }
}

export function toResponse(error: unknown): Response {
  if (error instanceof HttpError) return problem(error.status, error.detail, error.extra);
  // The message may name personal data, so only the class of the error is logged.
  console.error(`[api] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return problem(500, 'The server could not complete the request. Nothing was changed; please try again.');
}
