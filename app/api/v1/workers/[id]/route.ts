// GET /api/v1/workers/{id}: the worker's file (audited). A worker outside the caller's okrugs is a
// 404 like an unknown id, so existence does not leak; the refused attempt is audited.
import { getDb } from '@/lib/db/client';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { HttpError } from '@/lib/server/problem';
import { json, requireUuid } from '@/lib/server/queries/request';
import { getWorkerDetail, workerExists } from '@/lib/server/queries/worker-detail';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (_req, { officer, params }) => {
    const id = requireUuid(params.id, 'worker');
    const db = getDb();
    const detail = await getWorkerDetail(db, officer, id);
    if (!detail) {
      if (await workerExists(db, id)) {
        await recordAudit(db, {
          officer,
          action: 'worker.read.denied',
          workerId: id,
          targetType: 'worker',
          targetId: id,
        });
      }
      throw new HttpError(404, 'No worker with this id in your okrugs.');
    }
    await recordAudit(db, {
      officer,
      action: 'worker.read',
      workerId: id,
      targetType: 'worker',
      targetId: id,
    });
    return json(detail);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
