// POST /api/v1/registrations/{id}/reinstate {note}: supervisor only; see lib/server/queries/reinstate.ts.
import { getDb } from '@/lib/db/client';
import { reinstateBodySchema } from '@/lib/api/registrations';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { reinstateRegistration } from '@/lib/server/queries/reinstate';
import { json, requireUuid } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>(
  { roles: ['supervisor'] },
  async (req, { officer, params }) => {
    const body = await readJsonBody(req, reinstateBodySchema, 20_000);
    const id = requireUuid(params.id, 'registration');
    return json(await reinstateRegistration(getDb(), officer, id, body));
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
