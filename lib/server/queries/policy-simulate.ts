// The policy simulator: replays recorded history under other thresholds. A gap between two
// consecutive fixes of a worker (window function lag() over positions) opens a lapse when it
// reaches lapseAfter and cancels when it reaches lapseAfter + grace. Lapses the device reported
// itself (location switched off, shutdown, mock location) do not depend on lapseAfter: they open
// at once and cancel when they outlast the grace; position gaps they explain are not counted twice.
// The replay cannot see further back than positions are kept (the retention window).
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { SimulateResult } from '@/lib/api/policy';
import type { OfficerContext } from '../officer-context';
import { inScope } from '../scope';
import { toNumber } from './values';

const DAY_MS = 86_400_000;

export interface Thresholds {
  lapseAfterSeconds: number;
  graceSeconds: number;
}

export interface SimulationInput {
  given: Thresholds;
  current: Thresholds;
  from: Date;
  to: Date;
  retentionDays: number;
  now?: Date;
}

/** The window actually replayed: not before the retention cut-off, not after now. Pure. */
export function clampSimulationWindow(from: Date, to: Date, retentionDays: number, now: Date) {
  const earliest = new Date(now.getTime() - retentionDays * DAY_MS);
  const start = from < earliest ? earliest : from;
  const end = to > now ? now : to;
  return { from: start, to: end < start ? start : end, retentionLimited: from < earliest };
}

function outcomeColumns(prefix: string, t: Thresholds) {
  const cancels = sql`((event AND secs >= ${t.graceSeconds}) OR (NOT event AND secs >= ${t.lapseAfterSeconds + t.graceSeconds}))`;
  return sql`count(*) FILTER (WHERE event OR secs >= ${t.lapseAfterSeconds})::int AS ${sql.raw(`${prefix}_lapses`)},
    count(*) FILTER (WHERE ${cancels})::int AS ${sql.raw(`${prefix}_cancellations`)},
    count(DISTINCT worker_id) FILTER (WHERE ${cancels})::int AS ${sql.raw(`${prefix}_workers`)}`;
}

export async function simulatePolicy(
  db: Db,
  officer: OfficerContext,
  input: SimulationInput,
): Promise<SimulateResult> {
  const now = input.now ?? new Date();
  const window = clampSimulationWindow(input.from, input.to, input.retentionDays, now);
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH scoped AS (
          SELECT worker_id, status FROM worker_status WHERE ${inScope(officer, sql`okrug`)}
        ),
        fixes AS (
          SELECT p.worker_id, p.fix_time, s.status,
            lag(p.fix_time) OVER w AS prev, lead(p.fix_time) OVER w AS next
          FROM positions p JOIN scoped s ON s.worker_id = p.worker_id
          WHERE p.fix_time >= ${from}::timestamptz AND p.fix_time < ${to}::timestamptz AND NOT p.mock
          WINDOW w AS (PARTITION BY p.worker_id ORDER BY p.fix_time)
        ),
        reported AS (
          SELECT l.worker_id, l.started_at AS s, coalesce(l.ended_at, ${to}::timestamptz) AS e
          FROM lapses l JOIN scoped sc ON sc.worker_id = l.worker_id
          WHERE l.voided_at IS NULL AND l.started_at >= ${from}::timestamptz AND l.started_at < ${to}::timestamptz
            AND (l.kind IN ('location_disabled', 'mock_location')
              OR (l.kind = 'device_off' AND l.likely_cause <> 'battery_depleted'))
        ),
        gaps AS (
          SELECT worker_id, prev AS s, fix_time AS e FROM fixes WHERE prev IS NOT NULL
          UNION ALL
          -- The silence after the last fix counts too, unless the worker has left the region.
          SELECT worker_id, fix_time AS s, ${to}::timestamptz AS e FROM fixes
          WHERE next IS NULL AND status NOT IN ('ended', 'none')
        ),
        episodes AS (
          SELECT g.worker_id, extract(epoch FROM (g.e - g.s))::float8 AS secs, false AS event FROM gaps g
          WHERE NOT EXISTS (SELECT 1 FROM reported r WHERE r.worker_id = g.worker_id AND r.s < g.e AND r.e > g.s)
          UNION ALL
          SELECT worker_id, extract(epoch FROM (e - s))::float8 AS secs, true AS event FROM reported
        )
        SELECT
          (SELECT count(*)::int FROM (SELECT worker_id FROM fixes UNION SELECT worker_id FROM reported) w) AS considered,
          ${outcomeColumns('given', input.given)},
          ${outcomeColumns('current', input.current)}
        FROM episodes`,
  );
  const n = (key: string) => toNumber(row?.[key] ?? 0);
  return {
    given: {
      ...input.given,
      lapses: n('given_lapses'),
      cancellations: n('given_cancellations'),
      workersAffected: n('given_workers'),
    },
    current: {
      ...input.current,
      lapses: n('current_lapses'),
      cancellations: n('current_cancellations'),
      workersAffected: n('current_workers'),
    },
    from,
    to,
    workersConsidered: n('considered'),
    retentionLimited: window.retentionLimited,
  };
}
