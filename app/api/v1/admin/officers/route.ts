// GET /api/v1/admin/officers - every officer account; POST - create one (admin only, audited).
import { getDb } from '@/lib/db/client';
import { createOfficerSchema } from '@/lib/auth/officer-schemas';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { createOfficer, listOfficers } from '@/lib/server/officers';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const noStore = { 'cache-control': 'no-store' };

export const GET = officerRoute({ roles: ['admin'] }, async () => {
  return Response.json({ items: await listOfficers(getDb()) }, { headers: noStore });
});

export const POST = officerRoute({ roles: ['admin'] }, async (req, { officer }) => {
  const input = await readJsonBody(req, createOfficerSchema, 10_000);
  const created = await createOfficer(getDb(), officer, input);
  return Response.json(created, {
    status: 201,
    headers: { ...noStore, location: `/api/v1/admin/officers/${created.id}` },
  });
});

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET', 'POST');
