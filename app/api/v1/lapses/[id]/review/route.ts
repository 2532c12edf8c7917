// POST /api/v1/lapses/{id}/review {decision, note}: records the review (audited in the same
// transaction). 409 when already reviewed, unless the caller is a supervisor revising it.
import { getDb } from '@/lib/db/client';
import { reviewBodySchema } from '@/lib/api/lapses';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { json, requireUuid } from '@/lib/server/queries/request';
import { reviewLapse } from '@/lib/server/queries/review';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (req, { officer, params }) => {
    const body = await readJsonBody(req, reviewBodySchema, 20_000);
    const id = requireUuid(params.id, 'lapse');
    return json(await reviewLapse(getDb(), officer, id, body));
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
