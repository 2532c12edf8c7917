// GET|POST /api/v1/ingest/osmand - one fix in the OsmAnd protocol (Traccar Client): query string, form body or JSON
import { getDb } from '@/lib/db/client';
import {
  extractOsmAndToken,
  parseOsmAndJson,
  parseOsmAndParams,
  type OsmAndParse,
} from '@/lib/protocols/osmand';
import { isJsonContentType, readJson, readTextBody } from '@/lib/server/body';
import { deviceErrorResponse } from '@/lib/server/device-auth';
import { mergeOsmAndParams, OSMAND_MAX_BODY_BYTES, storeOsmAndFix } from '@/lib/server/ingest-osmand';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

async function readRequest(req: Request): Promise<{ token: string | null; parse: () => OsmAndParse }> {
  const query = new URL(req.url).searchParams;
  if (req.method === 'POST' && isJsonContentType(req)) {
    const body = await readJson(req, OSMAND_MAX_BODY_BYTES);
    return {
      token: extractOsmAndToken(body) ?? extractOsmAndToken(query),
      parse: () => parseOsmAndJson(body),
    };
  }
  const params = mergeOsmAndParams(
    req.method === 'POST' ? await readTextBody(req, OSMAND_MAX_BODY_BYTES) : '',
    query,
  );
  return { token: extractOsmAndToken(params), parse: () => parseOsmAndParams(params) };
}

// The ingest server answers the common shapes of this route without a web Request
// (lib/server/ingest-fast-path.ts); both go through storeOsmAndFix.
async function handle(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const { token, parse } = await readRequest(req);
    return new Response(null, { status: 200, headers: await storeOsmAndFix(db, token, parse) });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET', 'POST');
