// POST /api/v1/device/positions - stores a batch of up to 500 fixes; each bad fix is rejected on its own
import {
  MAX_BATCH_ITEMS,
  fixSchema,
  mergeBatchResult,
  positionsEnvelopeSchema,
  splitBatch,
} from '@/lib/api/device-schemas';
import { getDb } from '@/lib/db/client';
import { DEFAULT_MAX_BODY_BYTES, parseWith, readJson } from '@/lib/server/body';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { getPositionsPath } from '@/lib/server/positions-path';
import { HttpError } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const path = getPositionsPath();
    const device = await authenticateDevice(db, req, path.findDevice);
    const { positions, backlog } = parseWith(
      positionsEnvelopeSchema,
      await readJson(req, DEFAULT_MAX_BODY_BYTES),
    );
    if (positions.length > MAX_BATCH_ITEMS) {
      throw new HttpError(
        413,
        `The batch holds ${positions.length} fixes; at most ${MAX_BATCH_ITEMS} are accepted per request. Split it into smaller batches.`,
      );
    }
    const batch = splitBatch(positions, fixSchema);
    const result = batch.valid.length
      ? await path.write(db, device, batch.valid, { backlog })
      : { accepted: 0, duplicates: 0, rejected: [] };
    return Response.json(mergeBatchResult(result, batch), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
