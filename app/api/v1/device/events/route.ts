// POST /api/v1/device/events - stores device events (location off, shutdown…); each bad event is rejected on its own
import {
  MAX_BATCH_ITEMS,
  deviceEventSchema,
  eventsEnvelopeSchema,
  mergeBatchResult,
  splitBatch,
} from '@/lib/api/device-schemas';
import { getDb } from '@/lib/db/client';
import { DEFAULT_MAX_BODY_BYTES, parseWith, readJson } from '@/lib/server/body';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { ingestDeviceEvents } from '@/lib/server/ingest';
import { HttpError } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    const { events } = parseWith(eventsEnvelopeSchema, await readJson(req, DEFAULT_MAX_BODY_BYTES));
    if (events.length > MAX_BATCH_ITEMS) {
      throw new HttpError(
        413,
        `The batch holds ${events.length} events; at most ${MAX_BATCH_ITEMS} are accepted per request. Split it into smaller batches.`,
      );
    }
    const batch = splitBatch(events, deviceEventSchema);
    const result = batch.valid.length
      ? await ingestDeviceEvents(db, device, batch.valid)
      : { accepted: 0, duplicates: 0, rejected: [] };
    return Response.json(mergeBatchResult(result, batch), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
