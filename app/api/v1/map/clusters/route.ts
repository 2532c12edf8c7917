// GET /api/v1/map/clusters: server-side clusters for one viewport. An answer with single points
// (a worker id at a position) is audited with those worker ids; clusters and heat cells are not.
import { getDb } from '@/lib/db/client';
import { getReadDb } from '@/lib/db/replica';
import { clustersParamsSchema } from '@/lib/api/map';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { pointWorkerIds, readClusters } from '@/lib/server/queries/clusters';
import { parseQuery } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, clustersParamsSchema);
  const db = getDb();
  // Lag-tolerant read on the replica when there is one; the audit entry goes to the primary.
  const body = await readClusters(getReadDb(), officer, params);
  const workerIds = pointWorkerIds(body);
  if (workerIds.length > 0) {
    await recordAudit(db, {
      officer,
      action: 'map.read',
      targetType: 'worker',
      workerIds,
      detail: { layer: params.layer, zoom: params.zoom, count: workerIds.length },
    });
  }
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
