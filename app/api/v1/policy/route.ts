// GET /api/v1/policy (any officer role): the current version. PUT (supervisor): publishes a new
// version; fields left out keep their values; audited with old and new values.
import { getDb } from '@/lib/db/client';
import { policyUpdateSchema } from '@/lib/api/policy';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { readPolicy, updatePolicy } from '@/lib/server/queries/policy-admin';
import { json } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async () => json(await readPolicy(getDb())));

export const PUT = officerRoute({ roles: ['supervisor'] }, async (req, { officer }) => {
  const body = await readJsonBody(req, policyUpdateSchema, 20_000);
  return json(await updatePolicy(getDb(), officer, body));
});

export const { POST, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET', 'PUT');
