// POST /api/v1/device/registrations - declares the worker's residential address, opening a pending registration
import { registrationSchema } from '@/lib/api/device-schemas';
import { getDb } from '@/lib/db/client';
import { readJsonBody } from '@/lib/server/body';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { declareAddress } from '@/lib/server/registration-service';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    const { address } = await readJsonBody(req, registrationSchema, 16_000);
    const created = await declareAddress(db, device.workerId, address);
    return Response.json(
      { registrationId: created.registrationId, status: created.status },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
