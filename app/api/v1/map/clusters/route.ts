// GET /api/v1/map/clusters: server-side clusters for one viewport. Not audited per call: ids and
// statuses only (see lib/server/queries/clusters.ts).
import { getDb } from '@/lib/db/client';
import { clustersParamsSchema } from '@/lib/api/map';
import { officerRoute } from '@/lib/server/officer-route';
import { readClusters } from '@/lib/server/queries/clusters';
import { parseQuery } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, clustersParamsSchema);
  const body = await readClusters(getDb(), officer, params);
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
