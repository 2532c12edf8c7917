import 'server-only';
// Accepts fixes and device events from a device and moves the worker's registration through the
// lifecycle in the same transaction, so the map and the sweep never see half of a batch.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { applyDeviceEvent, applyFix, type Effect, type WorkerState } from '@/lib/domain/lifecycle';
import { hasClearlyLeftRegion } from '@/lib/domain/region';
import {
  DEVICE_EVENT_TYPES,
  type DeviceEvent,
  type DeviceEventType,
  type Fix,
  type Policy,
} from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { EffectWriter, type Explain } from './effect-writer';
import type { DeviceContext, IngestResult, Rejection } from './engine-api';
import { reconcileLateFixes, refineLapsesWithEvents } from './late-data';
import { getCurrentPolicy } from './policy';
import { HttpError } from './problem';
import { buildExplainer, lockWorkerStatus, toMeta, toWorkerState, type StatusRow } from './worker-state';

// Phone clocks drift; anything further ahead than this is a wrong clock, not a fix from the future.
const MAX_CLOCK_SKEW_MS = 120_000;

const noExplanation: Explain = () => {
  throw new Error('a lapse opened without an explainer');
};

function isDeviceEventType(value: string): value is DeviceEventType {
  return DEVICE_EVENT_TYPES.some((t) => t === value);
}

function checkTime(time: Date, now: Date, policy: Policy): string | null {
  if (time.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return 'time is in the future: check the device clock';
  }
  if (time.getTime() < now.getTime() - policy.retentionDays * 86_400_000) {
    return `time is older than the ${policy.retentionDays}-day retention window`;
  }
  return null;
}

async function runForWorker(
  db: Db,
  device: DeviceContext,
  now: Date,
  policy: Policy,
  body: (
    tx: Db,
    row: StatusRow,
  ) => Promise<{
    effects: (state: WorkerState) => { state: WorkerState; effects: Effect[] };
    late?: () => Promise<void>;
  }>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockWorkerStatus(tx, device.workerId);
    if (!row)
      throw new HttpError(401, 'This device is not linked to a worker any more. Enroll the device again.');
    const { effects, late } = await body(tx, row);
    const before = toWorkerState(row);
    const step = effects(before);
    if (step.effects.length || step.state !== before) {
      // Device events are read only when a lapse opens and needs explaining: most batches open none.
      const since = step.state.openLapse?.startedAt ?? before.lastFix?.time ?? now;
      const explain = step.effects.some((e) => e.type === 'open_lapse')
        ? await buildExplainer(tx, [device.workerId], since, policy)
        : noExplanation;
      const writer = new EffectWriter(now, explain, 'device');
      writer.add(toMeta(row), before, step.state, step.effects);
      await writer.flush(tx);
    }
    await late?.();
  });
}

export async function ingestPositions(
  db: Db,
  device: DeviceContext,
  fixes: Fix[],
  now = new Date(),
): Promise<IngestResult> {
  const policy = await getCurrentPolicy(db);
  const pack = loadRegionPack();
  const rejected: Rejection[] = [];
  const candidates: { fix: Fix; index: number }[] = [];
  fixes.forEach((fix, index) => {
    const reason = checkTime(fix.time, now, policy);
    if (reason) rejected.push({ index, reason });
    else candidates.push({ fix, index });
  });
  if (candidates.length === 0) return { accepted: 0, duplicates: 0, rejected };
  await ensurePartitionsForDays(
    db,
    candidates.map((c) => dayKey(c.fix.time)),
  );

  let accepted = 0;
  await runForWorker(db, device, now, policy, async (tx, row) => {
    const rows = candidates.map(({ fix }) => ({
      device_id: device.deviceId,
      worker_id: device.workerId,
      fix_time: fix.time.toISOString(),
      received_at: now.toISOString(),
      lat: fix.lat,
      lon: fix.lon,
      accuracy: fix.accuracy,
      speed: fix.speed ?? null,
      heading: fix.heading ?? null,
      altitude: fix.altitude ?? null,
      battery: fix.battery === null || fix.battery === undefined ? null : Math.round(fix.battery),
      charging: fix.charging ?? null,
      provider: fix.provider ?? null,
      mock: fix.mock ?? false,
    }));
    const inserted = await queryRows<{ fix_time: string | Date }>(
      tx,
      sql`INSERT INTO positions SELECT * FROM json_populate_recordset(null::positions, ${JSON.stringify(rows)}::json)
          ON CONFLICT (device_id, fix_time) DO NOTHING RETURNING fix_time`,
    );
    accepted = inserted.length;
    const insertedTimes = new Set(inserted.map((r) => new Date(r.fix_time).getTime()));
    const seen = new Set<number>();
    const fresh: Fix[] = [];
    const late: Date[] = [];
    const lastFixMs = row.last_fix_time ? new Date(row.last_fix_time).getTime() : -Infinity;
    for (const { fix } of [...candidates].sort((a, b) => a.fix.time.getTime() - b.fix.time.getTime())) {
      const t = fix.time.getTime();
      if (!insertedTimes.has(t) || seen.has(t)) continue;
      seen.add(t);
      if (t > lastFixMs) fresh.push(fix);
      else late.push(fix.time);
    }
    return {
      effects: (state) => {
        let current = state;
        const all: Effect[] = [];
        for (const fix of fresh) {
          const step = applyFix(
            current,
            {
              time: fix.time,
              lat: fix.lat,
              lon: fix.lon,
              accuracy: fix.accuracy,
              battery: fix.battery ?? null,
              charging: fix.charging ?? null,
              mock: fix.mock ?? false,
              inRegion: !hasClearlyLeftRegion(pack, fix.lat, fix.lon, fix.accuracy),
            },
            policy,
            () => crypto.randomUUID(),
          );
          current = step.state;
          all.push(...step.effects);
        }
        return { state: current, effects: all };
      },
      late: late.length ? () => reconcileLateFixes(tx, device.workerId, late, now, policy) : undefined,
    };
  });
  return { accepted, duplicates: candidates.length - accepted, rejected };
}

export async function ingestDeviceEvents(
  db: Db,
  device: DeviceContext,
  events: DeviceEvent[],
  now = new Date(),
): Promise<IngestResult> {
  const policy = await getCurrentPolicy(db);
  const rejected: Rejection[] = [];
  const candidates: { event: DeviceEvent; index: number }[] = [];
  events.forEach((event, index) => {
    const reason = checkTime(event.time, now, policy);
    if (reason) rejected.push({ index, reason });
    else candidates.push({ event, index });
  });
  if (candidates.length === 0) return { accepted: 0, duplicates: 0, rejected };

  let accepted = 0;
  await runForWorker(db, device, now, policy, async (tx, row) => {
    const rows = candidates.map(({ event }) => ({
      device_id: device.deviceId,
      worker_id: device.workerId,
      at: event.time.toISOString(),
      type: event.type,
    }));
    const inserted = await queryRows<{ at: string | Date; type: string }>(
      tx,
      sql`INSERT INTO device_events (device_id, worker_id, at, type)
          SELECT device_id, worker_id, at, type
          FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(device_id uuid, worker_id uuid, at timestamptz, type text)
          ON CONFLICT (device_id, at, type) DO NOTHING RETURNING at, type`,
    );
    accepted = inserted.length;
    const newEvents = inserted
      .flatMap((r) => (isDeviceEventType(r.type) ? [{ time: new Date(r.at), type: r.type }] : []))
      .sort((a, b) => a.time.getTime() - b.time.getTime());
    const lastFixMs = row.last_fix_time ? new Date(row.last_fix_time).getTime() : -Infinity;
    return {
      effects: (state) => {
        let current = state;
        const all: Effect[] = [];
        for (const event of newEvents.filter((e) => e.time.getTime() > lastFixMs)) {
          const step = applyDeviceEvent(current, event, policy, () => crypto.randomUUID());
          current = step.state;
          all.push(...step.effects);
        }
        return { state: current, effects: all };
      },
      late: newEvents.length
        ? () => refineLapsesWithEvents(tx, device.workerId, newEvents, policy)
        : undefined,
    };
  });
  return { accepted, duplicates: candidates.length - accepted, rejected };
}
