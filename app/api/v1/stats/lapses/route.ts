// GET /api/v1/stats/lapses?from=&to=&groupBy=: lapse counts per Moscow day, kind, citizenship,
// okrug or cause, each split by likely cause.
import { getReadDb } from '@/lib/db/replica';
import { lapseStatsParamsSchema } from '@/lib/api/stats';
import { officerRoute } from '@/lib/server/officer-route';
import { json, parseQuery } from '@/lib/server/queries/request';
import { readLapseStatsFor } from '@/lib/server/reads/report-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (req, { officer }) => {
  const params = parseQuery(req, lapseStatsParamsSchema);
  return json(await readLapseStatsFor(getReadDb(), officer, params));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
