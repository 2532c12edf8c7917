// GET /api/v1/admin/officers/{id}; PATCH {name?, role?, okrugs?, disabled?} (admin only, audited).
import { getDb } from '@/lib/db/client';
import { updateOfficerSchema } from '@/lib/auth/officer-schemas';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { requireOfficerId } from '@/lib/server/queries/request';
import { getOfficerAccount, updateOfficer } from '@/lib/server/officers';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const noStore = { 'cache-control': 'no-store' };

export const GET = officerRoute<{ id: string }>({ roles: ['admin'] }, async (_req, { params }) => {
  return Response.json(await getOfficerAccount(getDb(), requireOfficerId(params.id)), { headers: noStore });
});

export const PATCH = officerRoute<{ id: string }>({ roles: ['admin'] }, async (req, { officer, params }) => {
  const input = await readJsonBody(req, updateOfficerSchema, 10_000);
  return Response.json(await updateOfficer(getDb(), officer, requireOfficerId(params.id), input), {
    headers: noStore,
  });
});

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods('GET', 'PATCH');
