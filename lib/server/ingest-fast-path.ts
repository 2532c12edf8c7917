import 'server-only';
// The ingest server's hot route without the web Request/Response round trip: an OsmAnd fix in the
// query string or a form body (what Traccar Client sends) is answered straight on node:http. It runs
// the route's own code (storeOsmAndFix, the same parsers and zod schemas) and writes the same status
// and headers the route's Response would. Anything else (JSON, HEAD, an oversized body) is declined
// and goes through the route handler itself, so those answers stay the route's by construction.
import type http from 'node:http';
import { getDb } from '@/lib/db/client';
import { extractOsmAndToken, parseOsmAndParams } from '@/lib/protocols/osmand';
import { deviceErrorResponse } from './device-auth';
import { mergeOsmAndParams, OSMAND_MAX_BODY_BYTES, storeOsmAndFix } from './ingest-osmand';

export const OSMAND_PATH = '/api/v1/ingest/osmand';

/** The answer of a fast-path request: a bodiless 200, or the route's error Response. */
export type FastAnswer = { status: 200; headers: Record<string, string> } | Response;

// Form bodies only: a JSON body is the route's (its readJson gives the 4xx answers for it).
function isFormOrAbsent(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/x-www-form-urlencoded' || type === 'text/plain';
}

/** Whether the fast path takes this request; when false the caller runs the route handler. */
export function takesOsmAnd(req: http.IncomingMessage): boolean {
  if (req.method === 'GET') return true;
  if (req.method !== 'POST' || !isFormOrAbsent(req.headers['content-type'])) return false;
  // The route refuses a declared or actual body over the cap with 413: left to the route.
  return Number(req.headers['content-length'] ?? '0') <= OSMAND_MAX_BODY_BYTES;
}

const utf8 = new TextDecoder();

/** Runs the OsmAnd route for a request `takesOsmAnd` accepted, with its body already read. */
export async function answerOsmAnd(
  method: string,
  query: URLSearchParams,
  body: Buffer | null,
): Promise<FastAnswer | null> {
  // A body longer than the cap (without a declared length) gets the route's 413.
  if (body && body.length > OSMAND_MAX_BODY_BYTES) return null;
  try {
    const db = getDb();
    // The route decodes the body with a TextDecoder too (BOM and bad bytes alike).
    const params = mergeOsmAndParams(method === 'POST' && body ? utf8.decode(body) : '', query);
    const headers = await storeOsmAndFix(db, extractOsmAndToken(params), () => parseOsmAndParams(params));
    return { status: 200, headers };
  } catch (error) {
    return deviceErrorResponse(error);
  }
}
