// The heat layer's time window in the region's local days. Whole days inside it are read from
// heat_cells; the partial days at its edges, if any, are read live from lapses.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { ClustersParams } from '@/lib/api/map';
import { loadRegionPack } from '@/lib/region/load-pack';

/** Local days before today that the default window adds: today and the 6 days before it. */
const DEFAULT_EXTRA_DAYS = 6;

export interface HeatWindow {
  /** Lapses started at or after this instant (ms)... */
  from: number;
  /** ...and before this one (ms), or up to now. */
  to: number | null;
  /** Whole local days (YYYY-MM-DD) inside the window, or null when there is none. */
  days: { first: string; last: string | null } | null;
  /** The partial days at the edges, as [from, to) in ms (to null: up to now). */
  edges: { from: number; to: number | null }[];
}

/** The default window as SQL, without a round trip: the first local day, and its first instant. */
export function defaultWindow(timeZone: string): { firstDay: SQL; from: SQL } {
  const firstDay = sql`((now() AT TIME ZONE ${timeZone})::date - ${DEFAULT_EXTRA_DAYS}::int)`;
  return { firstDay, from: sql`(${firstDay}::timestamp AT TIME ZONE ${timeZone})` };
}

interface Bounds extends Record<string, unknown> {
  f: number;
  t: number | null;
  d1: string;
  d2: string | null;
  d1_start: number;
  d2_end: number | null;
}

/**
 * Default (neither from nor to): the last 7 local days including today, entirely whole days. From
 * only: up to now, whole days to today. To only: from the start of the local day 6 days before.
 */
export async function heatWindow(db: Db, timeZone: string, from?: Date, to?: Date): Promise<HeatWindow> {
  const f = from ? sql`${from.toISOString()}::timestamptz` : null;
  const t = to ? sql`${to.toISOString()}::timestamptz` : null;
  const local = (at: unknown) => sql`(${at} AT TIME ZONE ${timeZone})`;
  const dayStart = (day: unknown) => sql`(${day}::timestamp AT TIME ZONE ${timeZone})`;
  const ms = (at: unknown) => sql`(extract(epoch FROM ${at}) * 1000)::float8`;
  const f0 = f ?? dayStart(sql`(${local(t ?? sql`now()`)}::date - ${DEFAULT_EXTRA_DAYS}::int)`);
  const [b] = await queryRows<Bounds>(
    db,
    sql`WITH w AS (SELECT ${f0} AS f, ${t ?? sql`NULL::timestamptz`} AS t),
        d AS (SELECT f, t, CASE WHEN ${local(sql`f`)} = date_trunc('day', ${local(sql`f`)})
                  THEN ${local(sql`f`)}::date ELSE ${local(sql`f`)}::date + 1 END AS d1,
                ${local(sql`t`)}::date - 1 AS d2 FROM w)
        SELECT ${ms(sql`f`)} AS f, ${ms(sql`t`)} AS t, d1::text AS d1, d2::text AS d2,
          ${ms(dayStart(sql`d1`))} AS d1_start, ${ms(dayStart(sql`(d2 + 1)`))} AS d2_end FROM d`,
  );
  if (!b) throw new Error('heat window: no bounds');
  const fromMs = Number(b.f);
  const toMs = b.t === null ? null : Number(b.t);
  const d1Start = Number(b.d1_start);
  if (toMs === null) {
    // Up to now: today's cell holds every lapse started so far today.
    const edges = fromMs < d1Start ? [{ from: fromMs, to: d1Start }] : [];
    return { from: fromMs, to: null, days: { first: b.d1, last: null }, edges };
  }
  const whole = b.d2 !== null && b.d1 <= b.d2;
  const firstEnd = Math.min(d1Start, toMs);
  const lastStart = Math.max(Number(b.d2_end), d1Start);
  const edges = [
    ...(fromMs < firstEnd ? [{ from: fromMs, to: firstEnd }] : []),
    ...(lastStart < toMs ? [{ from: lastStart, to: toMs }] : []),
  ];
  return { from: fromMs, to: toMs, days: whole ? { first: b.d1, last: b.d2 } : null, edges };
}

const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
const atOrNull = (ms: number | null) => (ms === null ? null : at(ms));

export interface Range {
  from: SQL;
  to: SQL | null;
}
export interface Window {
  days: { first: SQL; last: SQL | null } | null;
  edges: Range[];
  whole: Range;
}

/** The window as SQL bounds; the default one (the most frequent request) costs no round trip. */
export async function resolveWindow(db: Db, p: ClustersParams): Promise<Window> {
  const timeZone = loadRegionPack().timezone;
  if (!p.from && !p.to) {
    const { firstDay, from } = defaultWindow(timeZone);
    return { days: { first: firstDay, last: null }, edges: [], whole: { from, to: null } };
  }
  const w = await heatWindow(db, timeZone, p.from, p.to);
  const day = (d: string) => sql`${d}::date`;
  return {
    days: w.days && { first: day(w.days.first), last: w.days.last === null ? null : day(w.days.last) },
    edges: w.edges.map((e) => ({ from: at(e.from), to: atOrNull(e.to) })),
    whole: { from: at(w.from), to: atOrNull(w.to) },
  };
}
