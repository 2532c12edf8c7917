// GET /api/v1/stats/lapses?from=&to=&groupBy=: lapse counts per Moscow day, kind, citizenship,
// okrug or cause, each split by likely cause.
import { getReadDb } from '@/lib/db/replica';
import { lapseStatsParamsSchema } from '@/lib/api/stats';
import { parseWith } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { json, parseQuery } from '@/lib/server/queries/request';
import { readLapseStats, STATS_MAX_DAYS } from '@/lib/server/queries/stats';
import { z } from 'zod';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const DAY_MS = 86_400_000;
const rangeSchema = z
  .object({ from: z.date(), to: z.date() })
  .refine((r) => r.from < r.to, { message: '`from` must be before `to`.', path: ['to'] })
  .refine((r) => r.to.getTime() - r.from.getTime() <= STATS_MAX_DAYS * DAY_MS, {
    message: `Ask for at most ${STATS_MAX_DAYS} days at a time.`,
    path: ['from'],
  });

export const GET = officerRoute({}, async (req, { officer }) => {
  const params = parseQuery(req, lapseStatsParamsSchema);
  const to = params.to ?? new Date();
  const from = params.from ?? new Date(to.getTime() - 30 * DAY_MS);
  const range = parseWith(rangeSchema, { from, to }, 'query string');
  return json(await readLapseStats(getReadDb(), officer, params.groupBy, range.from, range.to));
});
