// One fetch for every officer API call from the browser: relative URL, the session cookie rides
// along. The server never calls its own API over HTTP; it prefetches in-process (server-context.ts).
import type { z } from 'zod';
import { problemSchema, type Problem } from './common';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

export interface ApiFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  search?: URLSearchParams;
  body?: unknown;
  signal?: AbortSignal;
}

export function apiUrl(path: string, search?: URLSearchParams): string {
  const query = search && search.size > 0 ? `?${search.toString()}` : '';
  return `${path}${query}`;
}

export async function apiFetch<S extends z.ZodType>(
  path: string,
  schema: S,
  { method = 'GET', search, body, signal }: ApiFetchOptions = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(apiUrl(path, search), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  // 204 has no body: the schema decides whether "nothing" is a valid answer (z.null()).
  return schema.parse(res.status === 204 ? null : await res.json());
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || 'Error',
    status: res.status,
    detail: `The server answered ${res.status}. Please try again.`,
  };
  try {
    const parsed = problemSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
