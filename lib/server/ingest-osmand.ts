import 'server-only';
// One OsmAnd fix from an already-read request: find the device, validate the fix, store it through
// the positions path. Shared by the route (app/api/v1/ingest/osmand, web Request) and the ingest
// server's node:http fast path (ingest-fast-path.ts), so both give the same answers.
import type { Db } from '@/lib/db/client';
import { type OsmAndParse } from '@/lib/protocols/osmand';
import { requireDeviceByToken, unauthorized } from './device-auth';
import { getPositionsPath } from './positions-path';
import { HttpError } from './problem';

export const OSMAND_MAX_BODY_BYTES = 64_000;

/** The key=value pairs of a form body, with those of the query string the body does not have. */
export function mergeOsmAndParams(body: string, query: URLSearchParams): URLSearchParams {
  // Traccar reads the query string and falls back to the body; merging both accepts either.
  const params = new URLSearchParams(body);
  for (const [key, value] of query) if (!params.has(key)) params.append(key, value);
  return params;
}

/**
 * Stores the fix and gives the headers of the 200 answer (it has no body), in the order the route's
 * Response lists them; throws an HttpError (or a database error) for the caller to answer.
 */
export async function storeOsmAndFix(
  db: Db,
  token: string | null,
  parse: () => OsmAndParse,
): Promise<Record<string, string>> {
  if (!token)
    throw unauthorized('Set the device identifier (id) in the tracker app to the token from enrollment.');
  const path = getPositionsPath();
  const device = await requireDeviceByToken(db, token, 'Bearer', path.findDevice);
  const parsed = parse();
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new HttpError(
      400,
      `The fix is not valid: ${first ? `${first.field}: ${first.message}` : 'see errors'}.`,
      {
        type: 'https://regwatch.example/problems/validation',
        title: 'Validation failed',
        errors: parsed.errors,
      },
    );
  }
  const result = await path.write(db, device, [parsed.fix], {});
  // Traccar Client retries anything but 200 forever, so a fix the engine refuses (too old, say) is
  // acknowledged and the reason is given in a header instead of blocking the phone's queue.
  const reason = result.rejected[0]?.reason;
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  // Trimmed as a web Response's Headers would trim it, so the fast path sends the same bytes.
  if (reason)
    headers['x-regwatch-rejected'] = reason
      .replace(/[^\x20-\x7e]/g, '?')
      .slice(0, 200)
      .trim();
  return headers;
}
