// GET /api/v1/lapses/{id}: the lapse with its evidence (audited).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { HttpError } from '@/lib/server/problem';
import { json, requireUuid } from '@/lib/server/queries/request';
import { readLapseFile } from '@/lib/server/reads/lapse-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (_req, { officer, params }) => {
    const id = requireUuid(params.id, 'lapse');
    const detail = await readLapseFile(getDb(), officer, id);
    if (!detail) throw new HttpError(404, 'No lapse with this id in your okrugs.');
    return json(detail);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
