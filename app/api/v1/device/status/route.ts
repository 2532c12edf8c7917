// GET /api/v1/device/status - the calling worker's registration, open lapse, last fix and next step
import { getDb } from '@/lib/db/client';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { readDeviceStatus } from '@/lib/server/device-status';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    return Response.json(await readDeviceStatus(db, device.workerId), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
