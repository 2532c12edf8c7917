import 'server-only';
// Accepts fixes and device events from a device and moves the worker's registration through the
// lifecycle in the same transaction, so the map and the sweep never see half of a batch. Fixes
// that arrive late may void a lapse, but only when the track they form is plausible; every such
// void is marked and audited (late-data-guard.ts).
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { applyDeviceEvent, applyFix, type Effect, type WorkerState } from '@/lib/domain/lifecycle';
import { BACKLOG_HOLD_SECONDS } from '@/lib/api/device-schemas';
import { hasClearlyLeftRegion } from '@/lib/domain/region';
import type { Plausibility } from '@/lib/domain/track-plausibility';
import { DEVICE_EVENT_TYPES, type DeviceEvent, type DeviceEventType, type Fix } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import type { DeviceContext, IngestResult, Rejection } from './engine-api';
import { checkTime, runForWorker } from './ingest-core';
import { reconcileLateFixes, refineLapsesWithEvents } from './late-data';
import { judgeUpload, type LateVoid, markLateDataVoids, recordRefusedLateData } from './late-data-guard';
import { getCurrentPolicy } from './policy';

export interface IngestOptions {
  /** Fixes the phone still has queued after this batch; above zero holds the silence judgement. */
  backlog?: number | null;
}

function isDeviceEventType(value: string): value is DeviceEventType {
  return DEVICE_EVENT_TYPES.some((t) => t === value);
}

/** The voids the lifecycle decided for fresh fixes, with the registration each one restored. */
function listFreshVoids(effects: Effect[], before: WorkerState): LateVoid[] {
  return effects.flatMap((e) =>
    e.type === 'void_lapse'
      ? [
          {
            lapseId: e.lapseId,
            reason: e.reason,
            restoredRegistrationId: effects.some(
              (t) => t.type === 'transition' && t.eventType === 'restored' && t.lapseId === e.lapseId,
            )
              ? before.registrationId
              : null,
          },
        ]
      : [],
  );
}

export async function ingestPositions(
  db: Db,
  device: DeviceContext,
  fixes: Fix[],
  now = new Date(),
  options: IngestOptions = {},
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
    // Only an upload that could rewrite history is judged: one that meets an open silence lapse
    // (which fresh fixes may void) or that holds fixes older than the last one.
    const verdict: Plausibility =
      row.open_lapse_silence || late.length
        ? await judgeUpload(
            tx,
            device,
            [...seen].map((t) => new Date(t)),
            now,
          )
        : { ok: true };
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
            { mayVoid: verdict.ok },
          );
          current = step.state;
          all.push(...step.effects);
        }
        return { state: current, effects: all };
      },
      after: async (effects, before) => {
        if (!verdict.ok) {
          await recordRefusedLateData(tx, device, verdict, seen.size);
        } else {
          const voids = listFreshVoids(effects, before);
          if (late.length) voids.push(...(await reconcileLateFixes(tx, device.workerId, late, now, policy)));
          if (voids.length) await markLateDataVoids(tx, device, voids, seen.size, now);
        }
        await holdForBacklog(tx, device.workerId, options.backlog, seen.size, now);
      },
    };
  });
  return { accepted, duplicates: candidates.length - accepted, rejected };
}

// A phone that says more fixes follow (and sent new ones now) is not judged by the sweep until
// the hold runs out; the batch that reports no backlog ends the hold at once.
async function holdForBacklog(
  tx: Db,
  workerId: string,
  backlog: number | null | undefined,
  stored: number,
  now: Date,
): Promise<void> {
  if (backlog && backlog > 0 && stored > 0) {
    const until = new Date(now.getTime() + BACKLOG_HOLD_SECONDS * 1000).toISOString();
    await tx.execute(
      sql`UPDATE worker_status SET backlog_until = ${until}::timestamptz WHERE worker_id = ${workerId}`,
    );
  } else if (backlog !== undefined) {
    await tx.execute(sql`UPDATE worker_status SET backlog_until = NULL
        WHERE worker_id = ${workerId} AND backlog_until IS NOT NULL`);
  }
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
      after: newEvents.length
        ? () => refineLapsesWithEvents(tx, device.workerId, newEvents, policy)
        : undefined,
    };
  });
  return { accepted, duplicates: candidates.length - accepted, rejected };
}
