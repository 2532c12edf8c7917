// GET /api/v1/map/clusters: server-side clusters for one viewport. Not audited per call: ids and
// statuses only (see lib/server/queries/clusters.ts).
import { getReadDb } from '@/lib/db/replica';
import { clustersParamsSchema } from '@/lib/api/map';
import { officerRoute } from '@/lib/server/officer-route';
import { readClusters } from '@/lib/server/queries/clusters';
import { parseQuery } from '@/lib/server/queries/request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, clustersParamsSchema);
  const body = await readClusters(getReadDb(), officer, params);
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'private, no-store' },
  });
});
