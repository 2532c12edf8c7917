// POST /api/v1/device/notifications/ack - the phone acknowledges messages it showed (idempotent)
import { ackBodySchema } from '@/lib/api/notifications';
import { getDb } from '@/lib/db/client';
import { readJsonBody } from '@/lib/server/body';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { acknowledgeNotifications } from '@/lib/server/notify/inbox';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    const body = await readJsonBody(req, ackBodySchema, 32_000);
    return Response.json(await acknowledgeNotifications(db, device.workerId, body.ids), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
