// A worker's movement trace, only inside the retention window. The route has already checked the
// reason and the scope; this only reads and clamps.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { TRACE_MAX_FIXES, type Trace } from '@/lib/api/workers';
import { toBoolOrNull, toIso, toNumber, toNumberOrNull } from './values';

const DAY_MS = 86_400_000;
const DEFAULT_SPAN_MS = DAY_MS;

export interface TraceWindow {
  from: Date;
  to: Date;
}

/** Defaults to the last 24 hours; never reaches before the retention cut-off or past now. */
export function clampTraceWindow(
  from: Date | undefined,
  to: Date | undefined,
  retentionDays: number,
  now: Date,
): TraceWindow {
  const earliest = new Date(now.getTime() - retentionDays * DAY_MS);
  const end = new Date(Math.min((to ?? now).getTime(), now.getTime()));
  const start = new Date(
    Math.max((from ?? new Date(end.getTime() - DEFAULT_SPAN_MS)).getTime(), earliest.getTime()),
  );
  return start < end ? { from: start, to: end } : { from: start, to: start };
}

interface FixRow {
  fix_time: unknown;
  lat: unknown;
  lon: unknown;
  accuracy: unknown;
  speed: unknown;
  battery: unknown;
  charging: unknown;
}

export async function readTrace(
  db: Db,
  workerId: string,
  window: TraceWindow,
  retentionDays: number,
): Promise<Trace> {
  const rows =
    window.from < window.to
      ? await queryRows<FixRow>(
          db,
          sql`SELECT fix_time, lat, lon, accuracy, speed, battery, charging FROM positions
              WHERE worker_id = ${workerId}::uuid AND fix_time >= ${window.from.toISOString()}::timestamptz
                AND fix_time < ${window.to.toISOString()}::timestamptz
              ORDER BY fix_time LIMIT ${TRACE_MAX_FIXES + 1}`,
        )
      : [];
  return {
    workerId,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    fixes: rows.slice(0, TRACE_MAX_FIXES).map((r) => ({
      time: toIso(r.fix_time),
      lat: toNumber(r.lat),
      lon: toNumber(r.lon),
      accuracy: toNumber(r.accuracy),
      speed: toNumberOrNull(r.speed),
      battery: toNumberOrNull(r.battery),
      charging: toBoolOrNull(r.charging),
    })),
    truncated: rows.length > TRACE_MAX_FIXES,
    retentionDays,
  };
}
