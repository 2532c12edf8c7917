// POST /api/v1/admin/officers/{id}/revoke-sessions - signs the account out everywhere (admin only, audited).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { requireOfficerId } from '@/lib/server/queries/request';
import { revokeOfficerSessions } from '@/lib/server/officers';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>({ roles: ['admin'] }, async (_req, { officer, params }) => {
  const revoked = await revokeOfficerSessions(getDb(), officer, requireOfficerId(params.id));
  return Response.json({ revoked }, { headers: { 'cache-control': 'no-store' } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
