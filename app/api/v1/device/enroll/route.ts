// POST /api/v1/device/enroll - registers a phone for a worker (linking it if the person is known) and returns its token
import { enrollSchema } from '@/lib/api/device-schemas';
import { clientAddressOf } from '@/lib/auth/client-address';
import { getDb } from '@/lib/db/client';
import { readJsonBody } from '@/lib/server/body';
import { deviceErrorResponse } from '@/lib/server/device-auth';
import { enrollWithThrottle } from '@/lib/server/enroll-throttle';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  try {
    const input = await readJsonBody(req, enrollSchema, 16_000);
    const { deviceId, token } = await enrollWithThrottle(getDb(), input, clientAddressOf(req.headers));
    return Response.json({ deviceId, token }, { status: 201, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
