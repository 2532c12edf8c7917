// GET|POST /api/v1/ingest/osmand - one fix in the OsmAnd protocol (Traccar Client): query string, form body or JSON
import { getDb } from '@/lib/db/client';
import {
  extractOsmAndToken,
  parseOsmAndJson,
  parseOsmAndParams,
  type OsmAndParse,
} from '@/lib/protocols/osmand';
import { isJsonContentType, readJson, readTextBody } from '@/lib/server/body';
import { deviceErrorResponse, requireDeviceByToken, unauthorized } from '@/lib/server/device-auth';
import { getPositionsPath } from '@/lib/server/positions-path';
import { HttpError } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const MAX_BODY_BYTES = 64_000;

async function readRequest(req: Request): Promise<{ token: string | null; parse: () => OsmAndParse }> {
  const query = new URL(req.url).searchParams;
  if (req.method === 'POST' && isJsonContentType(req)) {
    const body = await readJson(req, MAX_BODY_BYTES);
    return {
      token: extractOsmAndToken(body) ?? extractOsmAndToken(query),
      parse: () => parseOsmAndJson(body),
    };
  }
  // Traccar reads the query string and falls back to the body; merging both accepts either.
  const params = new URLSearchParams(req.method === 'POST' ? await readTextBody(req, MAX_BODY_BYTES) : '');
  for (const [key, value] of query) if (!params.has(key)) params.append(key, value);
  return { token: extractOsmAndToken(params), parse: () => parseOsmAndParams(params) };
}

async function handle(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const { token, parse } = await readRequest(req);
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
    if (reason) headers['x-regwatch-rejected'] = reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
    return new Response(null, { status: 200, headers });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET', 'POST');
