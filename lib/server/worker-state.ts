import 'server-only';
// Reads worker_status rows into the lifecycle's WorkerState, and builds the lapse explainer that
// sees each worker's device events around the lapse.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { FixSnapshot, WorkerState } from '@/lib/domain/lifecycle';
import { explainLapse } from '@/lib/domain/likely-cause';
import { toCauseFacts } from './cause-facts';
import { findNearestStation } from '@/lib/domain/region';
import type { DeviceEventType, Policy, WorkerStatusValue, LapseKind } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import type { Explain, WorkerMeta } from './effect-writer';

type Tx = Pick<Db, 'execute'>;

export interface StatusRow {
  worker_id: string;
  registration_id: string | null;
  status: WorkerStatusValue;
  citizenship: string;
  okrug: string | null;
  status_since: string | Date;
  last_fix_time: string | Date | null;
  last_lat: number | null;
  last_lon: number | null;
  last_accuracy: number | null;
  last_battery: number | null;
  last_charging: boolean | null;
  open_lapse_id: string | null;
  open_lapse_kind: LapseKind | null;
  open_lapse_started_at: string | Date | null;
  lapse_deadline: string | Date | null;
  open_lapse_silence: boolean;
  backlog_until: string | Date | null;
}

export const STATUS_COLUMNS = sql.raw(`worker_id, registration_id, status, citizenship, okrug, status_since,
  last_fix_time, last_lat, last_lon, last_accuracy, last_battery, last_charging,
  open_lapse_id, open_lapse_kind, open_lapse_started_at, lapse_deadline, open_lapse_silence, backlog_until`);

const toDate = (v: string | Date): Date => (v instanceof Date ? v : new Date(v));

export function toWorkerState(row: StatusRow): WorkerState {
  const lastFix: FixSnapshot | null =
    row.last_fix_time && row.last_lat !== null && row.last_lon !== null
      ? {
          time: toDate(row.last_fix_time),
          lat: row.last_lat,
          lon: row.last_lon,
          accuracy: row.last_accuracy ?? 0,
          battery: row.last_battery,
          charging: row.last_charging,
        }
      : null;
  return {
    status: row.status,
    registrationId: row.registration_id,
    statusSince: toDate(row.status_since),
    lastFix,
    openLapse:
      row.open_lapse_id && row.open_lapse_kind
        ? {
            id: row.open_lapse_id,
            kind: row.open_lapse_kind,
            startedAt: toDate(row.open_lapse_started_at ?? row.last_fix_time ?? row.status_since),
            deadline: row.lapse_deadline ? toDate(row.lapse_deadline) : null,
            silence: row.open_lapse_silence,
          }
        : null,
    holdUntil: row.backlog_until ? toDate(row.backlog_until) : null,
  };
}

export function toMeta(row: StatusRow): WorkerMeta {
  return { workerId: row.worker_id, citizenship: row.citizenship, okrug: row.okrug };
}

export async function lockWorkerStatus(tx: Tx, workerId: string): Promise<StatusRow | null> {
  const [row] = await queryRows<StatusRow>(
    tx,
    sql`SELECT ${STATUS_COLUMNS} FROM worker_status WHERE worker_id = ${workerId} FOR UPDATE`,
  );
  return row ?? null;
}

/** Locks many workers' rows in one statement, in id order so concurrent groups cannot deadlock. */
export async function lockWorkerStatuses(tx: Tx, workerIds: string[]): Promise<(StatusRow | null)[]> {
  const rows = await queryRows<StatusRow>(
    tx,
    sql`SELECT ${STATUS_COLUMNS} FROM worker_status
        WHERE worker_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(workerIds)}::json))
        ORDER BY worker_id FOR UPDATE`,
  );
  const byId = new Map(rows.map((r) => [r.worker_id, r]));
  return workerIds.map((id) => byId.get(id) ?? null);
}

// Device events from an hour before the earliest lapse start: enough to see a shutdown, a
// location switch or a low-battery warning that explains the silence.
export async function buildExplainer(
  tx: Tx,
  workerIds: string[],
  since: Date,
  policy: Policy,
): Promise<Explain> {
  const events = new Map<string, { type: DeviceEventType; time: Date }[]>();
  if (workerIds.length) {
    const rows = await queryRows<{ worker_id: string; type: DeviceEventType; at: string | Date }>(
      tx,
      sql`SELECT worker_id, type, at FROM device_events
          WHERE worker_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(workerIds)}::json))
            AND at >= ${new Date(since.getTime() - 3_600_000).toISOString()}::timestamptz
          ORDER BY at`,
    );
    for (const r of rows) {
      const list = events.get(r.worker_id) ?? [];
      list.push({ type: r.type, time: toDate(r.at) });
      events.set(r.worker_id, list);
    }
  }
  const pack = loadRegionPack();
  return ({ workerId, kind, startedAt, lastFix }) => {
    const near = lastFix ? findNearestStation(pack, lastFix.lat, lastFix.lon, 300) : null;
    const around = (events.get(workerId) ?? []).filter(
      (e) => Math.abs(e.time.getTime() - startedAt.getTime()) <= 3_600_000 || e.time >= startedAt,
    );
    const nearestStation = near
      ? { nameRu: near.station.nameRu, nameEn: near.station.nameEn, distanceM: near.distanceM }
      : null;
    const why = explainLapse({
      kind,
      startedAt,
      lastFix,
      events: around,
      nearestStation,
      lowBatteryPercent: policy.lowBatteryPercent,
      regionName: { ru: pack.nameRu, en: pack.nameEn },
    });
    return { ...why, facts: toCauseFacts(around, nearestStation, policy.lowBatteryPercent) };
  };
}
