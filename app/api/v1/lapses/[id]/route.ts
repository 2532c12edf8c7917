// GET /api/v1/lapses/{id}: the lapse with its evidence (audited).
import { getDb } from '@/lib/db/client';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { HttpError } from '@/lib/server/problem';
import { getLapseDetail } from '@/lib/server/queries/lapse-detail';
import { json, requireUuid } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute<{ id: string }>(
  { roles: ['officer', 'supervisor'] },
  async (_req, { officer, params }) => {
    const id = requireUuid(params.id, 'lapse');
    const db = getDb();
    const detail = await getLapseDetail(db, officer, id);
    if (!detail) throw new HttpError(404, 'No lapse with this id in your okrugs.');
    await recordAudit(db, {
      officer,
      action: 'lapse.read',
      workerId: detail.workerId,
      targetType: 'lapse',
      targetId: id,
    });
    return json(detail);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
