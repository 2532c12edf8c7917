// POST /api/v1/device/registrations/{id}/address - declares a new address; the registration stays live
import { z } from 'zod';
import { addressChangeSchema } from '@/lib/api/address-change';
import { getDb } from '@/lib/db/client';
import { changeAddress } from '@/lib/server/address-change';
import { readJsonBody } from '@/lib/server/body';
import { authenticateDevice, deviceErrorResponse } from '@/lib/server/device-auth';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { HttpError } from '@/lib/server/problem';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const idSchema = z.guid();

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const db = getDb();
    const device = await authenticateDevice(db, req);
    const id = idSchema.safeParse((await ctx.params).id);
    if (!id.success) throw new HttpError(404, 'No registration with that id: it must be a UUID.');
    const body = await readJsonBody(req, addressChangeSchema, 16_000);
    const result = await changeAddress(db, device.workerId, id.data, body);
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return deviceErrorResponse(error);
  }
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
