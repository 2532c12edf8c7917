import 'server-only';
// The transaction every device upload runs in: lock the worker's status row, store the data,
// apply the lifecycle to what is new, write its effects, then let the caller reconcile late data.
import type { Db } from '@/lib/db/client';
import type { Effect, WorkerState } from '@/lib/domain/lifecycle';
import type { Policy } from '@/lib/domain/types';
import { MAX_CLOCK_SKEW_MS } from '@/lib/domain/track-plausibility';
import { EffectWriter, type Explain } from './effect-writer';
import type { DeviceContext } from './engine-api';
import { HttpError } from './problem';
import { buildExplainer, lockWorkerStatus, toMeta, toWorkerState, type StatusRow } from './worker-state';

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
}

export async function runForWorker(
  db: Db,
  device: DeviceContext,
  now: Date,
  policy: Policy,
  body: (tx: Db, row: StatusRow) => Promise<WorkerUpload>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockWorkerStatus(tx, device.workerId);
    if (!row)
      throw new HttpError(401, 'This device is not linked to a worker any more. Enroll the device again.');
    const { effects, after } = await body(tx, row);
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
    await after?.(step.effects, before);
  });
}
