// GET /api/v1/device/notifications - messages to the calling worker not yet acknowledged, newest first
import { deviceNotificationsParamsSchema } from '@/lib/api/notifications';
import { getDb } from '@/lib/db/client';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { listDeviceNotifications } from '@/lib/server/notify/inbox';
import { parseQuery } from '@/lib/server/queries/request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    const params = parseQuery(req, deviceNotificationsParamsSchema);
    return Response.json(await listDeviceNotifications(db, device.workerId, params), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
