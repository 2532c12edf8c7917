// The registration lifecycle of DESIGN.md section 3 as a pure state machine over one worker.
// The server feeds it fresh fixes, device events and sweep ticks in time order and stores the
// effects it returns; the seeder and the policy simulator can replay history through it too.
import type { DeviceEventType, LapseKind, Policy, WorkerStatusValue } from './types';
import { addWorkingDays } from './working-days';

export interface FixSnapshot {
  time: Date;
  lat: number;
  lon: number;
  accuracy: number;
  battery: number | null;
  charging: boolean | null;
}

export interface OpenLapse {
  id: string;
  kind: LapseKind;
  startedAt: Date;
  /** When the registration is cancelled if the lapse is still open; null once it has cancelled. */
  deadline: Date | null;
  /** Inferred from silence (not reported by the device), so later-arriving fixes can disprove it. */
  silence: boolean;
}

export interface WorkerState {
  status: WorkerStatusValue;
  registrationId: string | null;
  statusSince: Date;
  lastFix: FixSnapshot | null;
  openLapse: OpenLapse | null;
  /**
   * The phone said more fixes are queued (a backlog upload in progress): until this time the clock
   * alone judges nothing, so a phone uploading oldest batch first is not cancelled in between.
   */
  holdUntil?: Date | null;
}

export interface FixOptions {
  /** False when the uploaded track failed the plausibility checks: its fixes void no lapse. */
  mayVoid?: boolean;
}

export interface ClassifiedFix extends FixSnapshot {
  mock: boolean;
  inRegion: boolean;
}

export type RegistrationEventType =
  'activated' | 'interrupted' | 'resumed' | 'cancelled' | 'ended' | 'restored';

export type Effect =
  | {
      type: 'transition';
      eventType: RegistrationEventType;
      at: Date;
      from: WorkerStatusValue;
      to: WorkerStatusValue;
      cause: string;
      lapseId: string | null;
    }
  | {
      type: 'open_lapse';
      lapse: OpenLapse;
      lastFix: FixSnapshot | null;
      endedAt: Date | null;
      /** What opened it, and the policy version in force: the facts the explanation is built from. */
      trigger?: LapseTrigger;
      policyVersion?: number;
    }
  | { type: 'close_lapse'; lapseId: string; endedAt: Date }
  | { type: 'void_lapse'; lapseId: string; reason: string }
  | { type: 'lapse_cancelled'; lapseId: string; rule?: CancelRule };

/** silence: no fixes for lapseAfter; device: the phone reported it; fix: a fix showed it (mock, region). */
export type LapseTrigger = 'silence' | 'device' | 'fix';
/** Which rule cancelled: at once (no grace), a calendar grace period, or N working days without data. */
export type CancelRule = 'immediate' | 'grace_elapsed' | 'working_days_elapsed';

export interface Step {
  state: WorkerState;
  effects: Effect[];
}

const LIVE: ReadonlySet<WorkerStatusValue> = new Set(['pending', 'active', 'interrupted']);
const LAPSE_OPENING_EVENTS: Partial<Record<DeviceEventType, LapseKind>> = {
  location_disabled: 'location_disabled',
  shutdown: 'device_off',
};

export function isLive(status: WorkerStatusValue): boolean {
  return LIVE.has(status);
}

export function isFixUsable(fix: { accuracy: number; mock: boolean }, policy: Policy): boolean {
  return !fix.mock && fix.accuracy <= policy.minAccuracyMeters;
}

function addSeconds(t: Date, seconds: number): Date {
  return new Date(t.getTime() + seconds * 1000);
}

/** Silence after a last fix at or under the low-battery threshold is a device_off lapse (DESIGN.md 3). */
export function silenceLapseKind(lastFix: FixSnapshot | null, policy: Policy): LapseKind {
  if (
    lastFix &&
    lastFix.battery !== null &&
    lastFix.battery <= policy.lowBatteryPercent &&
    !lastFix.charging
  ) {
    return 'device_off';
  }
  return 'signal_lost';
}

/**
 * When an open lapse cancels the registration: graceSeconds after it is established, or under a
 * working-day rule (121-FZ) when more than N working days have passed since the last fix.
 */
export function findCancelDeadline(
  policy: Policy,
  lastFixTime: Date | null,
  startedAt: Date,
  establishedAt: Date,
): Date {
  if (policy.cancelUnit === 'working_days') {
    return addWorkingDays(lastFixTime ?? startedAt, policy.cancelAfterWorkingDays ?? 3);
  }
  return addSeconds(establishedAt, policy.graceSeconds);
}

function isImmediate(policy: Policy): boolean {
  return policy.cancelUnit !== 'working_days' && policy.graceSeconds === 0;
}

// Opens a lapse on an active registration. With grace 0 the strict rule applies at once: the
// registration is cancelled at the moment the lapse is established.
function openLapse(
  state: WorkerState,
  kind: LapseKind,
  startedAt: Date,
  establishedAt: Date,
  policy: Policy,
  newId: () => string,
  cause: string,
  trigger: LapseTrigger,
): Step {
  const lastFixTime = state.lastFix?.time ?? null;
  const deadline = findCancelDeadline(policy, lastFixTime, startedAt, establishedAt);
  const lapse: OpenLapse = { id: newId(), kind, startedAt, deadline, silence: trigger === 'silence' };
  const effects: Effect[] = [
    {
      type: 'open_lapse',
      lapse,
      lastFix: state.lastFix,
      endedAt: null,
      trigger,
      policyVersion: policy.version,
    },
  ];
  if (isImmediate(policy)) {
    effects.push(
      {
        type: 'transition',
        eventType: 'cancelled',
        at: establishedAt,
        from: state.status,
        to: 'cancelled',
        cause,
        lapseId: lapse.id,
      },
      { type: 'lapse_cancelled', lapseId: lapse.id, rule: 'immediate' },
    );
    return {
      state: {
        ...state,
        status: 'cancelled',
        statusSince: establishedAt,
        openLapse: { ...lapse, deadline: null },
      },
      effects,
    };
  }
  effects.push({
    type: 'transition',
    eventType: 'interrupted',
    at: establishedAt,
    from: state.status,
    to: 'interrupted',
    cause,
    lapseId: lapse.id,
  });
  return {
    state: { ...state, status: 'interrupted', statusSince: establishedAt, openLapse: lapse },
    effects,
  };
}

function cancelAtDeadline(state: WorkerState, policy: Policy): Step {
  const lapse = state.openLapse;
  if (!lapse || !lapse.deadline || state.status !== 'interrupted') return { state, effects: [] };
  const at = lapse.deadline;
  const workingDays = policy.cancelUnit === 'working_days';
  return {
    state: { ...state, status: 'cancelled', statusSince: at, openLapse: { ...lapse, deadline: null } },
    effects: [
      {
        type: 'transition',
        eventType: 'cancelled',
        at,
        from: 'interrupted',
        to: 'cancelled',
        cause: workingDays
          ? `more than ${policy.cancelAfterWorkingDays ?? 3} working days without data: ${lapse.kind}`
          : `grace period over: ${lapse.kind}`,
        lapseId: lapse.id,
      },
      {
        type: 'lapse_cancelled',
        lapseId: lapse.id,
        rule: workingDays ? 'working_days_elapsed' : 'grace_elapsed',
      },
    ],
  };
}

function chain(first: Step, next: (s: WorkerState) => Step): Step {
  const second = next(first.state);
  return { state: second.state, effects: [...first.effects, ...second.effects] };
}

/** The clock passing `now` with nothing received: opens silence lapses and ends grace windows. */
export function applySweep(state: WorkerState, now: Date, policy: Policy, newId: () => string): Step {
  if (state.holdUntil && state.holdUntil > now) return { state, effects: [] };
  return judgeSilence(state, now, policy, newId);
}

function judgeSilence(state: WorkerState, now: Date, policy: Policy, newId: () => string): Step {
  if (state.status === 'interrupted' && state.openLapse?.deadline && state.openLapse.deadline <= now) {
    return cancelAtDeadline(state, policy);
  }
  if (state.status !== 'active' || !state.lastFix) return { state, effects: [] };
  const establishedAt = addSeconds(state.lastFix.time, policy.lapseAfterSeconds);
  if (establishedAt > now) return { state, effects: [] };
  const kind = silenceLapseKind(state.lastFix, policy);
  const step = openLapse(
    state,
    kind,
    state.lastFix.time,
    establishedAt,
    policy,
    newId,
    `no fix for ${policy.lapseAfterSeconds} s`,
    'silence',
  );
  // A long silence can outlast the grace window before the sweep notices it.
  return step.state.openLapse?.deadline && step.state.openLapse.deadline <= now
    ? chain(step, (s) => cancelAtDeadline(s, policy))
    : step;
}

/** A fix newer than every fix seen so far. */
export function applyFix(
  state: WorkerState,
  fix: ClassifiedFix,
  policy: Policy,
  newId: () => string,
  options: FixOptions = {},
): Step {
  // A silence the sweep had not caught yet is judged by the fix timestamps alone, so the outcome
  // does not depend on when the sweep happened to run.
  let step: Step = { state, effects: [] };
  if (
    state.status === 'active' &&
    state.lastFix &&
    fix.time.getTime() - state.lastFix.time.getTime() >= policy.lapseAfterSeconds * 1000
  ) {
    // Gaps inside an upload are judged by timestamps, backlog hold or not.
    step = judgeSilence(state, fix.time, policy, newId);
  }
  if (
    step.state.status === 'interrupted' &&
    step.state.openLapse?.deadline &&
    step.state.openLapse.deadline <= fix.time
  ) {
    step = chain(step, (s) => cancelAtDeadline(s, policy));
  }
  return chain(step, (s) => applyFreshFix(s, fix, policy, newId, options.mayVoid ?? true));
}

function applyFreshFix(
  state: WorkerState,
  fix: ClassifiedFix,
  policy: Policy,
  newId: () => string,
  mayVoid: boolean,
): Step {
  const snapshot: FixSnapshot = {
    time: fix.time,
    lat: fix.lat,
    lon: fix.lon,
    accuracy: fix.accuracy,
    battery: fix.battery,
    charging: fix.charging,
  };
  if (fix.mock) {
    if (!isLive(state.status) || state.status === 'pending' || state.openLapse) return { state, effects: [] };
    return openLapse(
      state,
      'mock_location',
      fix.time,
      fix.time,
      policy,
      newId,
      'fix flagged as mock location',
      'fix',
    );
  }
  const usable = isFixUsable(fix, policy);
  const effects: Effect[] = [];
  let next: WorkerState = { ...state, lastFix: snapshot };

  // A phone that was offline uploads its fixes late: if they show the silence never reached
  // lapseAfter, the lapse inferred from that silence did not happen and its consequences are undone.
  const open = state.openLapse;
  if (
    mayVoid &&
    open?.silence &&
    fix.time.getTime() - open.startedAt.getTime() < policy.lapseAfterSeconds * 1000
  ) {
    effects.push({
      type: 'void_lapse',
      lapseId: open.id,
      reason: 'late-arriving fixes show tracking continued',
    });
    next = { ...next, openLapse: null };
    if (state.status === 'interrupted' || state.status === 'cancelled') {
      effects.push({
        type: 'transition',
        eventType: 'restored',
        at: fix.time,
        from: state.status,
        to: 'active',
        cause: 'lapse voided: late-arriving fixes fill the gap',
        lapseId: open.id,
      });
      next = { ...next, status: 'active', statusSince: fix.time };
    }
    return { state: next, effects };
  }

  if (usable && !fix.inRegion && isLive(state.status)) {
    const lapse: OpenLapse = {
      id: newId(),
      kind: 'left_region',
      startedAt: fix.time,
      deadline: null,
      silence: false,
    };
    if (state.openLapse)
      effects.push({ type: 'close_lapse', lapseId: state.openLapse.id, endedAt: fix.time });
    effects.push(
      {
        type: 'open_lapse',
        lapse,
        lastFix: snapshot,
        endedAt: fix.time,
        trigger: 'fix',
        policyVersion: policy.version,
      },
      {
        type: 'transition',
        eventType: 'ended',
        at: fix.time,
        from: state.status,
        to: 'ended',
        cause: 'fix outside the region',
        lapseId: lapse.id,
      },
    );
    return { state: { ...next, status: 'ended', statusSince: fix.time, openLapse: null }, effects };
  }
  if (state.openLapse && (usable || state.openLapse.kind !== 'mock_location')) {
    effects.push({ type: 'close_lapse', lapseId: state.openLapse.id, endedAt: fix.time });
    next = { ...next, openLapse: null };
    if (state.status === 'interrupted') {
      effects.push({
        type: 'transition',
        eventType: 'resumed',
        at: fix.time,
        from: 'interrupted',
        to: 'active',
        cause: `tracking resumed within the grace period (${state.openLapse.kind})`,
        lapseId: state.openLapse.id,
      });
      next = { ...next, status: 'active', statusSince: fix.time };
    }
  }
  if (state.status === 'pending' && usable && fix.inRegion && fix.time >= state.statusSince) {
    effects.push({
      type: 'transition',
      eventType: 'activated',
      at: fix.time,
      from: 'pending',
      to: 'active',
      cause: 'first valid fix inside the region',
      lapseId: null,
    });
    next = { ...next, status: 'active', statusSince: fix.time };
  }
  return { state: next, effects };
}

/** A device event newer than the last fix. Only events that stop tracking open a lapse. */
export function applyDeviceEvent(
  state: WorkerState,
  event: { time: Date; type: DeviceEventType },
  policy: Policy,
  newId: () => string,
): Step {
  const kind = LAPSE_OPENING_EVENTS[event.type];
  if (!kind || state.status !== 'active' || state.openLapse) return { state, effects: [] };
  return openLapse(
    state,
    kind,
    event.time,
    event.time,
    policy,
    newId,
    `device reported ${event.type}`,
    'device',
  );
}

/**
 * Re-judges a silence lapse once late fixes are known: returns the first gap of at least
 * lapseAfter seconds between `start` and `end`, or null when the fixes show tracking never stopped.
 */
export function findFirstLapseGap(
  fixTimes: Date[],
  start: Date,
  end: Date,
  lapseAfterSeconds: number,
): { from: Date; to: Date } | null {
  const times = [start, ...fixTimes.filter((t) => t > start && t < end), end].sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  for (let i = 1; i < times.length; i++) {
    const from = times[i - 1]!;
    const to = times[i]!;
    if (to.getTime() - from.getTime() >= lapseAfterSeconds * 1000) return { from, to };
  }
  return null;
}
