// Small pieces every officer route uses: query-string parsing with zod, path ids, JSON answers.
import 'server-only';
import type { z } from 'zod';
import { searchParamsObject } from '@/lib/api/common';
import { assertNoNul, parseWith } from '../body';
import { HttpError } from '../problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const query = searchParamsObject(req.url);
  assertNoNul(query, 'query string');
  return parseWith(schema, query, 'query string');
}

/** A path id that is not a UUID cannot name anything: answered like any unknown id. */
export function requireUuid(id: string | undefined, what: string): string {
  if (!id || !UUID.test(id)) throw new HttpError(404, `No ${what} with this id.`);
  return id.toLowerCase();
}

// Officer account ids: UUIDs for accounts made here, Better Auth's alphanumeric ids for the rest.
const OFFICER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An officer account id from the path; anything else cannot name an account (404). */
export function requireOfficerId(id: string | undefined): string {
  if (!id || !OFFICER_ID.test(id)) throw new HttpError(404, 'No officer account with this id.');
  return id;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** What a search was, for the audit log, without the search text itself (it may be a name or phone). */
export function describeSearch(
  q: string | undefined,
  kind: string | undefined,
): Record<string, unknown> | undefined {
  if (!q) return undefined;
  return { kind, length: q.length };
}
