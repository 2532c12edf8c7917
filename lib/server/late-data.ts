import 'server-only';
// Data that arrives after the moment it describes. It may shorten or void a lapse that its own
// timestamps disprove, or sharpen a lapse's explanation, but it never opens or reopens a lapse.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { findFirstLapseGap } from '@/lib/domain/lifecycle';
import type { DeviceEventType, LapseKind, Policy } from '@/lib/domain/types';
import type { LateVoid } from './late-data-guard';
import { buildExplainer } from './worker-state';

type Tx = Pick<Db, 'execute'>;

interface LapseRow {
  id: string;
  registration_id: string;
  kind: LapseKind;
  started_at: string | Date;
  ended_at: string | Date | null;
  caused_cancellation: boolean;
}

const SILENCE_KINDS = sql.raw(`('signal_lost', 'device_off')`);
const VOID_REASON = 'late-arriving fixes show tracking continued';

/**
 * Re-judges the silence lapses that late fixes fall into; returns the lapses it voided. The caller
 * has already checked that the upload is plausible (late-data-guard.ts) and marks the voids.
 */
export async function reconcileLateFixes(
  tx: Tx,
  workerId: string,
  times: Date[],
  now: Date,
  policy: Policy,
): Promise<LateVoid[]> {
  const voids: LateVoid[] = [];
  const min = new Date(Math.min(...times.map((t) => t.getTime()))).toISOString();
  const max = new Date(Math.max(...times.map((t) => t.getTime()))).toISOString();
  const lapses = await queryRows<LapseRow>(
    tx,
    sql`SELECT id, registration_id, kind, started_at, ended_at, caused_cancellation FROM lapses
        WHERE worker_id = ${workerId} AND kind IN ${SILENCE_KINDS} AND voided_at IS NULL
          AND started_at < ${max}::timestamptz AND COALESCE(ended_at, ${now.toISOString()}::timestamptz) > ${min}::timestamptz`,
  );
  for (const lapse of lapses) {
    const start = new Date(lapse.started_at);
    const end = lapse.ended_at ? new Date(lapse.ended_at) : now;
    const fixes = await queryRows<{
      fix_time: string | Date;
      lat: number;
      lon: number;
      accuracy: number;
      battery: number | null;
      charging: boolean | null;
    }>(
      tx,
      sql`SELECT fix_time, lat, lon, accuracy, battery, charging FROM positions
          WHERE worker_id = ${workerId} AND fix_time > ${start.toISOString()}::timestamptz
            AND fix_time < ${end.toISOString()}::timestamptz AND NOT mock AND accuracy <= ${policy.minAccuracyMeters}
          ORDER BY fix_time`,
    );
    const gap = findFirstLapseGap(
      fixes.map((f) => new Date(f.fix_time)),
      start,
      end,
      policy.lapseAfterSeconds,
    );
    if (!gap) {
      const restored = await voidLapse(tx, workerId, lapse, now);
      voids.push({ lapseId: lapse.id, restoredRegistrationId: restored, reason: VOID_REASON });
    } else if (gap.from > start) {
      const fix = fixes.find((f) => new Date(f.fix_time).getTime() === gap.from.getTime());
      await tx.execute(sql`UPDATE lapses SET started_at = ${gap.from.toISOString()}::timestamptz,
          last_fix_time = ${gap.from.toISOString()}::timestamptz, last_fix_lat = ${fix?.lat ?? null},
          last_fix_lon = ${fix?.lon ?? null}, last_fix_accuracy = ${fix?.accuracy ?? null},
          last_battery = ${fix?.battery ?? null}, last_charging = ${fix?.charging ?? null}
        WHERE id = ${lapse.id}`);
    }
  }
  return voids;
}

// The registration a voided lapse cancelled comes back, if it is still the worker's current one.
async function voidLapse(tx: Tx, workerId: string, lapse: LapseRow, now: Date): Promise<string | null> {
  await tx.execute(sql`UPDATE lapses SET voided_at = ${now.toISOString()}::timestamptz,
      void_reason = ${VOID_REASON}, caused_cancellation = false,
      ended_at = COALESCE(ended_at, started_at)
    WHERE id = ${lapse.id}`);
  if (!lapse.caused_cancellation) return null;
  const restored = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE registrations SET status = 'active', closed_at = NULL, cancel_lapse_id = NULL
        WHERE id = ${lapse.registration_id} AND status = 'cancelled' AND cancel_lapse_id = ${lapse.id}
          AND EXISTS (SELECT 1 FROM worker_status w WHERE w.worker_id = ${workerId} AND w.registration_id = ${lapse.registration_id})
        RETURNING id`,
  );
  if (!restored.length) return null;
  await tx.execute(sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor, lapse_id)
      VALUES (${lapse.registration_id}, ${workerId}, ${now.toISOString()}::timestamptz, 'restored', 'cancelled', 'active',
        'lapse voided: late-arriving fixes fill the gap', 'system', ${lapse.id})`);
  await tx.execute(sql`UPDATE worker_status SET status = 'active', status_since = ${now.toISOString()}::timestamptz,
      open_lapse_id = NULL, open_lapse_kind = NULL, open_lapse_started_at = NULL, lapse_deadline = NULL,
      open_lapse_silence = false, updated_at = ${now.toISOString()}::timestamptz
    WHERE worker_id = ${workerId}`);
  return lapse.registration_id;
}

// A shutdown or location event uploaded after the fact explains a lapse better than silence did.
export async function refineLapsesWithEvents(
  tx: Tx,
  workerId: string,
  events: { time: Date; type: DeviceEventType }[],
  policy: Policy,
): Promise<void> {
  const min = new Date(Math.min(...events.map((e) => e.time.getTime())) - 3_600_000).toISOString();
  const max = new Date(Math.max(...events.map((e) => e.time.getTime())) + 3_600_000).toISOString();
  const lapses = await queryRows<{
    id: string;
    kind: LapseKind;
    started_at: string | Date;
    last_fix_time: string | Date | null;
    last_fix_lat: number | null;
    last_fix_lon: number | null;
    last_fix_accuracy: number | null;
    last_battery: number | null;
    last_charging: boolean | null;
  }>(
    tx,
    sql`SELECT id, kind, started_at, last_fix_time, last_fix_lat, last_fix_lon, last_fix_accuracy, last_battery, last_charging
        FROM lapses WHERE worker_id = ${workerId} AND kind IN ${SILENCE_KINDS} AND voided_at IS NULL
          AND started_at BETWEEN ${min}::timestamptz AND ${max}::timestamptz`,
  );
  if (!lapses.length) return;
  const explain = await buildExplainer(tx, [workerId], new Date(min), policy);
  for (const l of lapses) {
    const startedAt = new Date(l.started_at);
    const shutdown = events.some((e) => e.type === 'shutdown' && e.time >= startedAt);
    const kind: LapseKind = shutdown ? 'device_off' : l.kind;
    const lastFix =
      l.last_fix_time && l.last_fix_lat !== null && l.last_fix_lon !== null
        ? {
            time: new Date(l.last_fix_time),
            lat: l.last_fix_lat,
            lon: l.last_fix_lon,
            accuracy: l.last_fix_accuracy ?? 0,
            battery: l.last_battery,
            charging: l.last_charging,
          }
        : null;
    const why = explain({ workerId, kind, startedAt, lastFix });
    await tx.execute(sql`UPDATE lapses SET kind = ${kind}, likely_cause = ${why.cause},
        explanation_ru = ${why.explanationRu}, explanation_en = ${why.explanationEn} WHERE id = ${l.id}`);
  }
}
