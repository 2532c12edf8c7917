// GET /api/v1/workers/{id}/trace: the movement trace, only with a recorded reason and only inside
// the retention window. The reason goes to the audit log with the window actually shown.
import { getDb } from '@/lib/db/client';
import { traceParamsSchema } from '@/lib/api/workers';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { getCurrentPolicy } from '@/lib/server/policy';
import { HttpError } from '@/lib/server/problem';
import { json, parseQuery, requireUuid } from '@/lib/server/queries/request';
import { clampTraceWindow, readTrace } from '@/lib/server/queries/trace';
import { findWorkerInScope } from '@/lib/server/queries/worker-detail';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (req, { officer, params }) => {
    const id = requireUuid(params.id, 'worker');
    const query = parseQuery(req, traceParamsSchema);
    const db = getDb();
    if (!(await findWorkerInScope(db, officer, id)))
      throw new HttpError(404, 'No worker with this id in your okrugs.');
    const policy = await getCurrentPolicy(db);
    const window = clampTraceWindow(query.from, query.to, policy.retentionDays, new Date());
    const trace = await readTrace(db, id, window, policy.retentionDays);
    await recordAudit(db, {
      officer,
      action: 'worker.trace',
      workerId: id,
      targetType: 'worker',
      targetId: id,
      reason: query.reason,
      detail: { from: trace.from, to: trace.to, fixes: trace.fixes.length, truncated: trace.truncated },
    });
    return json(trace);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
