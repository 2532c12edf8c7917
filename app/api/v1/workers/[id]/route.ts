// GET /api/v1/workers/{id}: the worker's file (audited). A worker outside the caller's okrugs is a
// 404 like an unknown id, so existence does not leak; the refused attempt is audited.
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { HttpError } from '@/lib/server/problem';
import { json, requireUuid } from '@/lib/server/queries/request';
import { readWorkerFile } from '@/lib/server/reads/worker-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (_req, { officer, params }) => {
    const id = requireUuid(params.id, 'worker');
    const detail = await readWorkerFile(getDb(), officer, id);
    if (!detail) throw new HttpError(404, 'No worker with this id in your okrugs.');
    return json(detail);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
