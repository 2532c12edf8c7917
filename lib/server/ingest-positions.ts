import 'server-only';
// Stores fixes from many devices in one transaction (the group commit of the ingest server; the
// dashboard's routes call it with a group of one). Each worker's fixes move its registration
// through the lifecycle exactly as a lone upload would: fresh fixes through applyFix, late ones
// through the plausibility guard and the late-data reconciliation, the backlog hold last.
import type { Db } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { applyFix, type Effect } from '@/lib/domain/lifecycle';
import { hasClearlyLeftRegion } from '@/lib/domain/region';
import type { Plausibility } from '@/lib/domain/track-plausibility';
import type { Fix, Policy } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { describeRefusal, unauthorized } from './device-auth';
import type { DeviceContext, IngestResult, Rejection } from './engine-api';
import { findRefusals, lockAndInsert } from './ingest-group-lock';
import { checkTime, runForWorkers, UNLINKED_DEVICE, type WorkerUpload } from './ingest-core';
import { holdForBacklog, listFreshVoids } from './ingest-steps';
import type { TxRunner } from './ingest-transaction';
import { reconcileLateFixes } from './late-data';
import { judgeUpload, markLateDataVoids, recordRefusedLateData } from './late-data-guard';
import { getCurrentPolicy } from './policy';
import { HttpError } from './problem';
import type { StatusRow } from './worker-state';

export interface PositionUpload {
  device: DeviceContext;
  fixes: Fix[];
  /** Fixes the phone still has queued after this batch; above zero holds the silence judgement. */
  backlog?: number | null;
}

export type UploadOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

interface Member {
  upload: PositionUpload;
  rejected: Rejection[];
  candidates: Fix[];
  accepted: number;
}

function toPositionRow(device: DeviceContext, fix: Fix, now: Date) {
  return {
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
  };
}

/**
 * One transaction for all uploads; the workers must be distinct. Outcomes come back in the order of
 * the uploads. A database error fails the whole group (the caller may retry members one by one).
 */
export async function ingestPositionGroup(
  db: Db,
  uploads: PositionUpload[],
  now = new Date(),
  run?: TxRunner,
): Promise<UploadOutcome[]> {
  const policy = await getCurrentPolicy(db);
  const members: Member[] = uploads.map((upload) => {
    const rejected: Rejection[] = [];
    const candidates: Fix[] = [];
    upload.fixes.forEach((fix, index) => {
      const reason = checkTime(fix.time, now, policy);
      if (reason) rejected.push({ index, reason });
      else candidates.push(fix);
    });
    return { upload, rejected, candidates, accepted: 0 };
  });
  const outcomes = new Map<Member, UploadOutcome>();
  // Every member joins the transaction, even one whose fixes were all refused by time: its device
  // is checked there (a cached token of a revoked phone is refused, not answered 200).
  const active = members.filter((m) => m.candidates.length > 0);
  if (active.length) {
    await ensurePartitionsForDays(
      db,
      active.flatMap((m) => m.candidates.map((f) => dayKey(f.time))),
    );
  }
  let stored = new Map<string, Set<number>>();
  const lock = async (tx: Db): Promise<(StatusRow | null)[]> => {
    const positionRows = active.flatMap((m) =>
      m.candidates.map((fix) => toPositionRow(m.upload.device, fix, now)),
    );
    const locked = await lockAndInsert(
      tx,
      members.map((m) => m.upload.device),
      positionRows,
    );
    stored = locked.stored;
    const missing = members.filter((_, i) => !locked.rows[i]);
    const refusals = await findRefusals(
      tx,
      missing.map((m) => m.upload.device.deviceId),
    );
    for (const m of missing) {
      const refusal = refusals.get(m.upload.device.deviceId);
      if (refusal?.revoked || !refusal) {
        outcomes.set(m, { ok: false, error: unauthorized(describeRefusal(refusal?.replaced ?? false)) });
      } else if (m.candidates.length) {
        outcomes.set(m, { ok: false, error: new HttpError(401, UNLINKED_DEVICE) });
      }
    }
    return locked.rows;
  };
  await runForWorkers(
    db,
    members.map((m) => m.upload.device.workerId),
    now,
    policy,
    async (tx, rows) => {
      // One after the other: the judgement of a late upload reads inside the same transaction.
      const prepared: (WorkerUpload | null)[] = [];
      for (const [i, m] of members.entries()) {
        const row = rows[i];
        const times = stored.get(m.upload.device.deviceId) ?? new Set<number>();
        m.accepted = times.size;
        prepared.push(
          row && m.candidates.length ? await prepareUpload(tx, m, row, times, now, policy) : null,
        );
      }
      return prepared;
    },
    lock,
    run,
  );
  return members.map(
    (m) =>
      outcomes.get(m) ?? {
        ok: true,
        result: { accepted: m.accepted, duplicates: m.candidates.length - m.accepted, rejected: m.rejected },
      },
  );
}

async function prepareUpload(
  tx: Db,
  member: Member,
  row: StatusRow,
  insertedTimes: Set<number>,
  now: Date,
  policy: Policy,
): Promise<WorkerUpload> {
  const { device, backlog } = member.upload;
  const pack = loadRegionPack();
  const seen = new Set<number>();
  const fresh: Fix[] = [];
  const late: Date[] = [];
  const lastFixMs = row.last_fix_time ? new Date(row.last_fix_time).getTime() : -Infinity;
  for (const fix of [...member.candidates].sort((a, b) => a.time.getTime() - b.time.getTime())) {
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
    // Nothing to write after the effects: no refused late data, no late fixes, no void to mark, no
    // backlog to hold or release (see below).
    quiet: (effects) =>
      verdict.ok && !late.length && backlog === undefined && !effects.some((e) => e.type === 'void_lapse'),
    after: async (effects, before) => {
      if (!verdict.ok) {
        await recordRefusedLateData(tx, device, verdict, seen.size);
      } else {
        const voids = listFreshVoids(effects, before);
        if (late.length) voids.push(...(await reconcileLateFixes(tx, device.workerId, late, now, policy)));
        if (voids.length) await markLateDataVoids(tx, device, voids, seen.size, now);
      }
      await holdForBacklog(tx, device.workerId, backlog, seen.size, now);
    },
  };
}
