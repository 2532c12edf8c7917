// POST /api/v1/admin/officers/{id}/revoke-sessions - signs the account out everywhere (admin only, audited).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { revokeOfficerSessions } from '@/lib/server/officers';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>({ roles: ['admin'] }, async (_req, { officer, params }) => {
  const revoked = await revokeOfficerSessions(getDb(), officer, params.id);
  return Response.json({ revoked }, { headers: { 'cache-control': 'no-store' } });
});
