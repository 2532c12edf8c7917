// Loads one page of workers' stored history for the simulator's replay: fixes and device events in
// arrival order, declarations, activations and reinstatements, where each worker stood before the
// replay starts, and the lapses the engine recorded for them. One page at a time keeps memory flat.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { ReplayInput, ReplayStart } from '@/lib/domain/history-replay';
import { hasClearlyLeftRegion } from '@/lib/domain/region';
import { DEVICE_EVENT_TYPES, REGISTRATION_STATUSES, type WorkerStatusValue } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { toBoolOrNull, toDate, toNumber, toNumberOrNull } from './values';

export interface WorkerHistory {
  start: ReplayStart;
  inputs: ReplayInput[];
  firstFix: Date | null;
  firstDeclared: Date | null;
  recorded: { startedAt: Date; cancelled: boolean }[];
}

const LIVE = new Set(['pending', 'active', 'interrupted']);

function readStatus(value: unknown): WorkerStatusValue {
  const s: WorkerStatusValue = REGISTRATION_STATUSES.find((v) => v === value) ?? 'none';
  // Before the replay's first fix the clock cannot judge anything: a live registration starts active.
  return LIVE.has(s) ? 'active' : s;
}

export async function loadWorkerHistories(
  db: Db,
  workerIds: string[],
  replayFrom: Date,
  from: Date,
  to: Date,
): Promise<Map<string, WorkerHistory>> {
  const ids = sql.join(
    workerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const a = replayFrom.toISOString();
  const b = to.toISOString();
  const out = new Map<string, WorkerHistory>();
  for (const id of workerIds)
    out.set(id, {
      start: { status: 'none', registrationId: null, at: replayFrom },
      inputs: [],
      firstFix: null,
      firstDeclared: null,
      recorded: [],
    });
  const get = (id: unknown) => out.get(String(id))!;

  const starts = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT DISTINCT ON (worker_id) worker_id, registration_id, to_status
        FROM registration_events WHERE worker_id IN (${ids}) AND at < ${a}::timestamptz
        ORDER BY worker_id, at DESC, id DESC`,
  );
  for (const r of starts)
    get(r.worker_id).start = {
      status: readStatus(r.to_status),
      registrationId: String(r.registration_id),
      at: replayFrom,
    };

  const regEvents = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT worker_id, registration_id, at, type FROM registration_events
        WHERE worker_id IN (${ids}) AND at >= ${a}::timestamptz AND at < ${b}::timestamptz
          AND type IN ('declared', 'activated', 'reinstated')`,
  );
  for (const r of regEvents) {
    const h = get(r.worker_id);
    const at = toDate(r.at);
    const kind = r.type === 'declared' ? 'declared' : r.type === 'activated' ? 'activated' : 'reinstated';
    h.inputs.push({ kind, time: at, arrival: at, registrationId: String(r.registration_id) });
    if (kind === 'declared' && at >= from && (!h.firstDeclared || at < h.firstDeclared)) h.firstDeclared = at;
  }

  const pack = loadRegionPack();
  const fixes = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT worker_id, fix_time, received_at, lat, lon, accuracy, battery, charging, mock FROM positions
        WHERE worker_id IN (${ids}) AND fix_time >= ${a}::timestamptz AND fix_time < ${b}::timestamptz`,
  );
  for (const r of fixes) {
    const h = get(r.worker_id);
    const time = toDate(r.fix_time);
    const lat = toNumber(r.lat);
    const lon = toNumber(r.lon);
    const accuracy = toNumber(r.accuracy);
    h.inputs.push({
      kind: 'fix',
      time,
      // A fix cannot have arrived before it was taken (clock skew on seeded rows).
      arrival: new Date(Math.max(time.getTime(), toDate(r.received_at).getTime())),
      lat,
      lon,
      accuracy,
      battery: toNumberOrNull(r.battery),
      charging: toBoolOrNull(r.charging),
      mock: r.mock === true || r.mock === 't',
      inRegion: !hasClearlyLeftRegion(pack, lat, lon, accuracy),
    });
    if (time >= from && (!h.firstFix || time < h.firstFix)) h.firstFix = time;
  }

  const events = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT worker_id, at, received_at, type FROM device_events
        WHERE worker_id IN (${ids}) AND at >= ${a}::timestamptz AND at < ${b}::timestamptz`,
  );
  for (const r of events) {
    const type = DEVICE_EVENT_TYPES.find((t) => t === r.type);
    if (!type) continue;
    const time = toDate(r.at);
    const arrival = new Date(Math.max(time.getTime(), toDate(r.received_at).getTime()));
    get(r.worker_id).inputs.push({ kind: 'device', time, arrival, type });
  }

  const recorded = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT worker_id, started_at, caused_cancellation FROM lapses
        WHERE worker_id IN (${ids}) AND voided_at IS NULL
          AND started_at >= ${from.toISOString()}::timestamptz AND started_at < ${b}::timestamptz`,
  );
  for (const r of recorded)
    get(r.worker_id).recorded.push({
      startedAt: toDate(r.started_at),
      cancelled: r.caused_cancellation === true || r.caused_cancellation === 't',
    });
  return out;
}
