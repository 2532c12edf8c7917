// Replays one worker's stored history through the engine's own lifecycle (applyFix, applySweep,
// applyDeviceEvent) in the order the server received it, so the simulator and the engine cannot
// disagree about the rules: there is no second copy of them here, only the feeding order.
// Pure. Late fixes (older than the newest one already seen) are left to the late-data path, as
// the engine's fresh-fix path does; declarations and reinstatements come from the event log.
import {
  applyDeviceEvent,
  applyFix,
  applySweep,
  type Effect,
  type Step,
  type WorkerState,
} from './lifecycle';
import type { DeviceEventType, Policy, WorkerStatusValue } from './types';

export type ReplayInput =
  | {
      kind: 'fix';
      time: Date;
      arrival: Date;
      lat: number;
      lon: number;
      accuracy: number;
      battery: number | null;
      charging: boolean | null;
      mock: boolean;
      inRegion: boolean;
    }
  | { kind: 'device'; time: Date; arrival: Date; type: DeviceEventType }
  /** An address declared, a registration activated without a fix (seeded), or one reinstated by a supervisor. */
  | { kind: 'declared' | 'activated' | 'reinstated'; time: Date; arrival: Date; registrationId: string };

export interface ReplayedLapse {
  startedAt: Date;
  cancelled: boolean;
  voided: boolean;
}

/** Where the worker stood when the replay starts (from the last recorded event before it). */
export interface ReplayStart {
  status: WorkerStatusValue;
  registrationId: string | null;
  at: Date;
}

const MAX_SWEEPS_PER_ARRIVAL = 4;

/** Arrival order, fixes before events of the same instant (as one upload is stored before the next). */
export function sortReplayInputs(items: ReplayInput[]): ReplayInput[] {
  const rank = (i: ReplayInput) => (i.kind === 'fix' ? 0 : i.kind === 'device' ? 1 : 2);
  return [...items].sort(
    (a, b) =>
      a.arrival.getTime() - b.arrival.getTime() || rank(a) - rank(b) || a.time.getTime() - b.time.getTime(),
  );
}

function sweepDue(state: WorkerState, policy: Policy): number {
  if (state.status === 'active' && state.lastFix)
    return state.lastFix.time.getTime() + policy.lapseAfterSeconds * 1000;
  if (state.status === 'interrupted' && state.openLapse?.deadline) return state.openLapse.deadline.getTime();
  return Infinity;
}

/**
 * Runs the inputs (already in arrival order) through the lifecycle under `policyAt` (the policy in
 * force at a moment: one preset, or the recorded versions) and returns every lapse it opened.
 */
export function replayWorkerHistory(
  start: ReplayStart,
  inputs: ReplayInput[],
  until: Date,
  policyAt: (t: Date) => Policy,
): ReplayedLapse[] {
  let state: WorkerState = {
    status: start.status,
    registrationId: start.registrationId,
    statusSince: start.at,
    lastFix: null,
    openLapse: null,
  };
  const lapses = new Map<string, ReplayedLapse>();
  let seq = 0;
  const newId = () => `l${++seq}`;
  let lastArrival = start.at.getTime();
  let lastFixTime = -Infinity;

  const take = (step: Step) => {
    for (const e of step.effects) recordEffect(lapses, e);
    state = step.state;
  };
  // The sweep sees only what has arrived: it runs once a silence is due, never before the last upload.
  const sweepUntil = (limit: number) => {
    for (let i = 0; i < MAX_SWEEPS_PER_ARRIVAL; i++) {
      const policy = policyAt(new Date(Math.max(lastArrival, 0)));
      const due = sweepDue(state, policy);
      if (due > limit) return;
      const at = Math.max(due, lastArrival);
      if (at >= limit) return;
      take(applySweep(state, new Date(at), policyAt(new Date(at)), newId));
    }
  };

  for (const item of inputs) {
    const arrival = item.arrival.getTime();
    sweepUntil(arrival);
    lastArrival = Math.max(lastArrival, arrival);
    const policy = policyAt(item.arrival);
    if (item.kind === 'fix') {
      if (item.time.getTime() <= lastFixTime) continue;
      lastFixTime = item.time.getTime();
      take(applyFix(state, item, policy, newId));
    } else if (item.kind === 'device') {
      if (item.time.getTime() < lastFixTime) continue;
      take(applyDeviceEvent(state, { time: item.time, type: item.type }, policy, newId));
    } else if (item.kind === 'declared') {
      // A new declaration supersedes whatever the previous registration was doing.
      state = {
        ...state,
        status: 'pending',
        registrationId: item.registrationId,
        statusSince: item.time,
        openLapse: null,
      };
    } else if (item.kind === 'activated') {
      // The fix that activated it has already done so; this covers activations recorded without one.
      if (state.status === 'pending' && state.registrationId === item.registrationId)
        state = { ...state, status: 'active', statusSince: item.time };
    } else if (state.status === 'cancelled' && state.registrationId === item.registrationId) {
      // Reinstated: a full lapse-after window from the decision before the clock judges again.
      const lastFix = state.lastFix ? { ...state.lastFix, time: item.time } : null;
      state = { ...state, status: 'active', statusSince: item.time, openLapse: null, lastFix };
    }
  }
  sweepUntil(until.getTime());
  return [...lapses.values()];
}

function recordEffect(lapses: Map<string, ReplayedLapse>, e: Effect): void {
  if (e.type === 'open_lapse')
    lapses.set(e.lapse.id, { startedAt: e.lapse.startedAt, cancelled: false, voided: false });
  else if (e.type === 'lapse_cancelled') {
    const l = lapses.get(e.lapseId);
    if (l) l.cancelled = true;
  } else if (e.type === 'void_lapse') {
    const l = lapses.get(e.lapseId);
    if (l) l.voided = true;
  }
}
