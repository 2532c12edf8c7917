import 'server-only';
// The transaction every device upload runs in: lock the worker's status row, store the data,
// apply the lifecycle to what is new, write its effects, then let the caller reconcile late data.
import type { Db } from '@/lib/db/client';
import type { Effect, WorkerState } from '@/lib/domain/lifecycle';
import type { Policy } from '@/lib/domain/types';
import { MAX_CLOCK_SKEW_MS } from '@/lib/domain/track-plausibility';
import { EffectWriter, type Explain } from './effect-writer';
import type { DeviceContext } from './engine-api';
import { drizzleTransactions, type TxRunner } from './ingest-transaction';
import { HttpError } from './problem';
import { buildExplainer, lockWorkerStatuses, toMeta, toWorkerState, type StatusRow } from './worker-state';

const noExplanation: Explain = () => {
  throw new Error('a lapse opened without an explainer');
};

/** Why a fix or event time cannot be taken (a wrong clock, or past retention), or null. */
export function checkTime(time: Date, now: Date, policy: Policy): string | null {
  // Phone clocks drift; anything further ahead than the skew is a wrong clock, not the future.
  if (time.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return 'time is in the future: check the device clock';
  }
  if (time.getTime() < now.getTime() - policy.retentionDays * 86_400_000) {
    return `time is older than the ${policy.retentionDays}-day retention window`;
  }
  return null;
}

export interface WorkerUpload {
  effects: (state: WorkerState) => { state: WorkerState; effects: Effect[] };
  /** Runs after the effects are written, in the same transaction, with what they were. */
  after?: (effects: Effect[], before: WorkerState) => Promise<void>;
  /** True when `after` sends no statement for these effects (so the last write may ride with COMMIT). */
  quiet?: (effects: Effect[]) => boolean;
}

/**
 * The same transaction for many workers at once (group commit): one lock statement, the callers'
 * writes, one set of effect statements. A worker without a status row gets null and no upload.
 * `lock` replaces step 1 of the lock order when the caller needs more from that statement; `run`
 * runs the transaction (the ingest server's sends BEGIN and COMMIT with statements, see
 * ingest-transaction.ts).
 */
export async function runForWorkers(
  db: Db,
  workerIds: string[],
  now: Date,
  policy: Policy,
  body: (tx: Db, rows: (StatusRow | null)[]) => Promise<(WorkerUpload | null)[]>,
  lock: (tx: Db, workerIds: string[]) => Promise<(StatusRow | null)[]> = lockWorkerStatuses,
  run: TxRunner = drizzleTransactions(db),
): Promise<void> {
  await run(async (tx) => {
    const rows = await lock(tx, workerIds);
    const uploads = await body(tx, rows);
    const steps = uploads.flatMap((upload, i) => {
      const row = rows[i];
      if (!upload || !row) return [];
      const before = toWorkerState(row);
      return [{ row, upload, before, step: upload.effects(before) }];
    });
    const changed = steps.filter((s) => s.step.effects.length || s.step.state !== s.before);
    // Fixes that only move the workers' last known state (the common case) are written by one
    // statement, the status update; when nothing follows it, it is left in flight for the runner to
    // send COMMIT behind it. Anything more is awaited as before.
    const lastIsStatus =
      changed.every((s) => !s.step.effects.length) &&
      steps.every((s) => !s.upload.after || s.upload.quiet?.(s.step.effects));
    let pending: Promise<void> | null = null;
    if (changed.length) {
      // Device events are read only when a lapse opens and needs explaining: most batches open none.
      const opening = changed.filter((s) => s.step.effects.some((e) => e.type === 'open_lapse'));
      const since = Math.min(
        ...opening.map((s) => (s.step.state.openLapse?.startedAt ?? s.before.lastFix?.time ?? now).getTime()),
      );
      const explain = opening.length
        ? await buildExplainer(
            tx,
            opening.map((s) => s.row.worker_id),
            new Date(since),
            policy,
          )
        : noExplanation;
      const writer = new EffectWriter(now, explain, 'device');
      for (const s of changed) writer.add(toMeta(s.row), s.before, s.step.state, s.step.effects);
      const flushing = writer.flush(tx);
      if (lastIsStatus) pending = flushing;
      else await flushing;
    }
    for (const s of steps) await s.upload.after?.(s.step.effects, s.before);
    return { pending };
  });
}

export const UNLINKED_DEVICE = 'This device is not linked to a worker any more. Enroll the device again.';

export async function runForWorker(
  db: Db,
  device: DeviceContext,
  now: Date,
  policy: Policy,
  body: (tx: Db, row: StatusRow) => Promise<WorkerUpload>,
): Promise<void> {
  await runForWorkers(db, [device.workerId], now, policy, async (tx, [row]) => {
    if (!row) throw new HttpError(401, UNLINKED_DEVICE);
    return [await body(tx, row)];
  });
}
