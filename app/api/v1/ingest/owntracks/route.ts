// POST /api/v1/ingest/owntracks - OwnTracks HTTP mode: stores `location` messages, acknowledges the rest with []
import { getDb } from '@/lib/db/client';
import { parseOwnTracks } from '@/lib/protocols/owntracks';
import { readJson } from '@/lib/server/body';
import {
  authenticateDeviceBasic,
  DeviceAuthError,
  deviceErrorResponse,
  refuseBasic,
} from '@/lib/server/device-auth';
import { getPositionsPath } from '@/lib/server/positions-path';
import { HttpError } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const path = getPositionsPath();
    const device = await authenticateDeviceBasic(db, req, path.findDevice);
    const parsed = parseOwnTracks(await readJson(req, 64_000));
    if (parsed.kind === 'invalid') {
      const first = parsed.errors[0];
      throw new HttpError(
        400,
        `The OwnTracks message is not valid: ${first ? `${first.field}: ${first.message}` : 'see errors'}.`,
        {
          type: 'https://regwatch.example/problems/validation',
          title: 'Validation failed',
          errors: parsed.errors,
        },
      );
    }
    if (parsed.kind === 'location') {
      // The ingest server may find the token in its cache and learn only in the write that the
      // device was revoked: that refusal is given the way OwnTracks is refused everywhere else.
      await path.write(db, device, [parsed.fix], {}).catch((error: unknown) => {
        throw error instanceof DeviceAuthError ? refuseBasic() : error;
      });
    }
    // OwnTracks expects a JSON array of messages for the phone; we have none to send back.
    return Response.json([], { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
