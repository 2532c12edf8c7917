// Counters for the top bar and the lapse report, in the caller's scope. "Today" and day buckets
// are Moscow calendar days.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { REPORT_TIME_ZONE } from '@/lib/api/common';
import type { LapseStats, Summary } from '@/lib/api/stats';
import type { OfficerContext } from '../officer-context';
import { inScope } from '../scope';
import { toNumber } from './values';

const DAY_MS = 86_400_000;
export const STATS_MAX_DAYS = 366;

/** Start of the Moscow calendar day containing `t`, computed in SQL so it follows the zone rules. */
function dayStart(t: Date): SQL {
  return sql`(date_trunc('day', ${t.toISOString()}::timestamptz AT TIME ZONE ${REPORT_TIME_ZONE}) AT TIME ZONE ${REPORT_TIME_ZONE})`;
}

export async function readSummary(db: Db, officer: OfficerContext, now = new Date()): Promise<Summary> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT s.*, e.*, l.* FROM
          (SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                  count(*) FILTER (WHERE status = 'active')::int AS active,
                  count(*) FILTER (WHERE status = 'interrupted')::int AS interrupted
             FROM worker_status WHERE ${inScope(officer, sql`okrug`)}) s,
          (SELECT count(*) FILTER (WHERE e.to_status = 'cancelled')::int AS cancelled_today,
                  count(*) FILTER (WHERE e.to_status = 'ended')::int AS ended_today
             FROM registration_events e JOIN registrations r ON r.id = e.registration_id
             WHERE e.at >= ${dayStart(now)} AND e.to_status IN ('cancelled', 'ended')
               AND ${inScope(officer, sql`r.okrug`)}) e,
          (SELECT count(*) FILTER (WHERE l.ended_at IS NULL)::int AS open_lapses,
                  count(*) FILTER (WHERE l.review_decision IS NULL)::int AS unreviewed_lapses
             FROM lapses l WHERE l.voided_at IS NULL AND (l.ended_at IS NULL OR l.review_decision IS NULL)
               AND ${inScope(officer, sql`l.okrug`)}) l`,
  );
  const n = (key: string) => toNumber(row?.[key] ?? 0);
  const registered = n('pending') + n('active') + n('interrupted');
  return {
    registered,
    pending: n('pending'),
    active: n('active'),
    interrupted: n('interrupted'),
    cancelledToday: n('cancelled_today'),
    endedToday: n('ended_today'),
    openLapses: n('open_lapses'),
    unreviewedLapses: n('unreviewed_lapses'),
    compliantShare: registered === 0 ? 1 : n('active') / registered,
    asOf: now.toISOString(),
    ...(await readPeriodFigures(db, officer, now, registered)),
  };
}

export const SUMMARY_PERIOD_DAYS = 7;
const TECHNICAL_CAUSES = sql`('battery_depleted', 'underground', 'signal_lost')`;

/** The figures that move under a zero grace period too: rates, causes, review work, reinstatements. */
async function readPeriodFigures(db: Db, officer: OfficerContext, now: Date, registered: number) {
  const since = new Date(now.getTime() - SUMMARY_PERIOD_DAYS * DAY_MS).toISOString();
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT l.*, p.*, r.* FROM
          (SELECT count(*) FILTER (WHERE started_at >= ${since}::timestamptz)::int AS lapses,
                  count(*) FILTER (WHERE started_at >= ${since}::timestamptz AND caused_cancellation)::int AS cancellations,
                  count(*) FILTER (WHERE started_at >= ${since}::timestamptz AND caused_cancellation AND (review_decision = 'technical'
                    OR (review_decision IS NULL AND likely_cause IN ${TECHNICAL_CAUSES})))::int AS technical,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (reviewed_at - detected_at)))
                    FILTER (WHERE reviewed_at >= ${since}::timestamptz) AS median_review_s
             FROM lapses WHERE voided_at IS NULL AND (started_at >= ${since}::timestamptz OR reviewed_at >= ${since}::timestamptz)
               AND ${inScope(officer, sql`okrug`)}) l,
          (SELECT count(*)::int AS pending_reviews FROM lapses
             WHERE voided_at IS NULL AND caused_cancellation AND review_decision IS NULL
               AND ${inScope(officer, sql`okrug`)}) p,
          (SELECT count(*)::int AS reinstated FROM registration_events e JOIN registrations g ON g.id = e.registration_id
             WHERE e.type = 'reinstated' AND e.at >= ${since}::timestamptz AND ${inScope(officer, sql`g.okrug`)}) r`,
  );
  const n = (key: string) => toNumber(row?.[key] ?? 0);
  const median = row?.median_review_s;
  return {
    periodDays: SUMMARY_PERIOD_DAYS,
    lapsesPer1000PerDay: registered === 0 ? 0 : (n('lapses') * 1000) / registered / SUMMARY_PERIOD_DAYS,
    cancellations: n('cancellations'),
    technicalCancelShare: n('cancellations') === 0 ? null : n('technical') / n('cancellations'),
    reviewsPending: n('pending_reviews'),
    medianReviewHours: median === null || median === undefined ? null : toNumber(median) / 3600,
    reinstatements: n('reinstated'),
  };
}

type GroupBy = LapseStats['groupBy'];

function groupKey(groupBy: GroupBy): SQL {
  switch (groupBy) {
    case 'day':
      return sql`to_char(l.started_at AT TIME ZONE ${REPORT_TIME_ZONE}, 'YYYY-MM-DD')`;
    case 'kind':
      return sql`l.kind`;
    case 'citizenship':
      return sql`l.citizenship`;
    case 'okrug':
      return sql`coalesce(l.okrug, 'unknown')`;
    case 'cause':
      return sql`l.likely_cause`;
  }
}

/** Every Moscow day from `from` to `to`, so a chart shows quiet days as zero instead of skipping them. */
export function listReportDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: REPORT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  for (let t = from.getTime(); t < to.getTime() && days.length <= STATS_MAX_DAYS; t += DAY_MS / 4) {
    const day = fmt.format(new Date(t));
    if (days.at(-1) !== day) days.push(day);
  }
  return days;
}

export async function readLapseStats(
  db: Db,
  officer: OfficerContext,
  groupBy: GroupBy,
  from: Date,
  to: Date,
): Promise<LapseStats> {
  const rows = await queryRows<{ key: string; cause: string; kind: string; n: number; cancelled: number }>(
    db,
    sql`SELECT ${groupKey(groupBy)} AS key, l.likely_cause AS cause, l.kind AS kind, count(*)::int AS n,
          count(*) FILTER (WHERE l.caused_cancellation)::int AS cancelled
        FROM lapses l
        WHERE l.voided_at IS NULL AND l.started_at >= ${from.toISOString()}::timestamptz
          AND l.started_at < ${to.toISOString()}::timestamptz AND ${inScope(officer, sql`l.okrug`)}
        GROUP BY 1, 2, 3`,
  );
  const byKey = new Map<string, LapseStats['rows'][number]>();
  if (groupBy === 'day') {
    for (const day of listReportDays(from, to))
      byKey.set(day, { key: day, count: 0, byCause: {}, byKind: {}, cancellations: 0 });
  }
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? { key: r.key, count: 0, byCause: {}, byKind: {}, cancellations: 0 };
    const n = toNumber(r.n);
    entry.count += n;
    entry.cancellations += toNumber(r.cancelled);
    entry.byCause[r.cause] = (entry.byCause[r.cause] ?? 0) + n;
    entry.byKind[r.kind] = (entry.byKind[r.kind] ?? 0) + n;
    byKey.set(r.key, entry);
  }
  const out = [...byKey.values()];
  out.sort(
    groupBy === 'day'
      ? (a, b) => a.key.localeCompare(b.key)
      : (a, b) => b.count - a.count || a.key.localeCompare(b.key),
  );
  return { groupBy, from: from.toISOString(), to: to.toISOString(), timeZone: REPORT_TIME_ZONE, rows: out };
}
