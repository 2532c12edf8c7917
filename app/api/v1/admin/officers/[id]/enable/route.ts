// POST /api/v1/admin/officers/{id}/enable - lets the account sign in again (admin only, audited).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { requireOfficerId } from '@/lib/server/queries/request';
import { setOfficerDisabled } from '@/lib/server/officers';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>({ roles: ['admin'] }, async (_req, { officer, params }) => {
  const account = await setOfficerDisabled(getDb(), officer, requireOfficerId(params.id), false);
  return Response.json(account, { headers: { 'cache-control': 'no-store' } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
