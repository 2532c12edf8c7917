// POST /api/v1/admin/officers/{id}/enable - lets the account sign in again (admin only, audited).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { setOfficerDisabled } from '@/lib/server/officers';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>({ roles: ['admin'] }, async (_req, { officer, params }) => {
  const account = await setOfficerDisabled(getDb(), officer, params.id, false);
  return Response.json(account, { headers: { 'cache-control': 'no-store' } });
});
