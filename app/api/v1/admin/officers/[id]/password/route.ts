// POST /api/v1/admin/officers/{id}/password {password} - sets a new password and ends the account's
// sessions (admin only, audited; the password itself is never logged).
import { getDb } from '@/lib/db/client';
import { resetPasswordSchema } from '@/lib/auth/officer-schemas';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { requireOfficerId } from '@/lib/server/queries/request';
import { resetOfficerPassword } from '@/lib/server/officers';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>({ roles: ['admin'] }, async (req, { officer, params }) => {
  const { password } = await readJsonBody(req, resetPasswordSchema, 10_000);
  await resetOfficerPassword(getDb(), officer, requireOfficerId(params.id), password);
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
