import { describe, expect, it } from 'vitest';
import {
  applyDeviceEvent,
  applyFix,
  applySweep,
  findFirstLapseGap,
  type ClassifiedFix,
  type Effect,
  type WorkerState,
} from './lifecycle';
import { DEFAULT_POLICY, type Policy } from './types';

const T0 = new Date('2026-11-24T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ids = () => {
  let n = 0;
  return () => `lapse-${++n}`;
};
const fix = (minutes: number, extra: Partial<ClassifiedFix> = {}): ClassifiedFix => ({
  time: at(minutes),
  lat: 55.75,
  lon: 37.62,
  accuracy: 10,
  battery: 80,
  charging: false,
  mock: false,
  inRegion: true,
  ...extra,
});
const active = (lastFixMinutes = 0, battery = 80): WorkerState => ({
  status: 'active',
  registrationId: 'reg-1',
  statusSince: at(-60),
  lastFix: { time: at(lastFixMinutes), lat: 55.75, lon: 37.62, accuracy: 10, battery, charging: false },
  openLapse: null,
});
const withGrace = (graceSeconds: number): Policy => ({ ...DEFAULT_POLICY, graceSeconds });
const transitions = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'transition' ? [`${e.eventType}:${e.from}->${e.to}`] : []));

describe('sweep over silence', () => {
  const cases: {
    name: string;
    state: WorkerState;
    nowMin: number;
    policy: Policy;
    status: string;
    events: string[];
    kind?: string;
  }[] = [
    {
      name: 'silence shorter than lapseAfter: nothing',
      state: active(0),
      nowMin: 14,
      policy: DEFAULT_POLICY,
      status: 'active',
      events: [],
    },
    {
      name: 'grace 0: the first lapse cancels',
      state: active(0),
      nowMin: 15,
      policy: DEFAULT_POLICY,
      status: 'cancelled',
      events: ['cancelled:active->cancelled'],
      kind: 'signal_lost',
    },
    {
      name: 'grace 600: interrupted first',
      state: active(0),
      nowMin: 16,
      policy: withGrace(600),
      status: 'interrupted',
      events: ['interrupted:active->interrupted'],
      kind: 'signal_lost',
    },
    {
      name: 'grace 600 already exceeded when noticed',
      state: active(0),
      nowMin: 40,
      policy: withGrace(600),
      status: 'cancelled',
      events: ['interrupted:active->interrupted', 'cancelled:interrupted->cancelled'],
      kind: 'signal_lost',
    },
    {
      name: 'battery at threshold then silence: device_off',
      state: active(0, 5),
      nowMin: 20,
      policy: DEFAULT_POLICY,
      status: 'cancelled',
      events: ['cancelled:active->cancelled'],
      kind: 'device_off',
    },
    {
      name: 'pending never lapses',
      state: { ...active(0), status: 'pending' },
      nowMin: 120,
      policy: DEFAULT_POLICY,
      status: 'pending',
      events: [],
    },
  ];
  it.each(cases)('$name', ({ state, nowMin, policy, status, events, kind }) => {
    const step = applySweep(state, at(nowMin), policy, ids());
    expect(step.state.status).toBe(status);
    expect(transitions(step.effects)).toEqual(events);
    const opened = step.effects.find((e) => e.type === 'open_lapse');
    expect(opened?.type === 'open_lapse' ? opened.lapse.kind : undefined).toBe(kind);
    if (opened?.type === 'open_lapse') expect(opened.lapse.startedAt).toEqual(at(0));
  });

  it('cancels an interrupted registration when its grace deadline passes', () => {
    const interrupted = applySweep(active(0), at(16), withGrace(600), ids()).state;
    expect(applySweep(interrupted, at(24), withGrace(600), ids()).state.status).toBe('interrupted');
    const step = applySweep(interrupted, at(25), withGrace(600), ids());
    expect(step.state.status).toBe('cancelled');
    expect(step.effects).toContainEqual({
      type: 'lapse_cancelled',
      lapseId: 'lapse-1',
      rule: 'grace_elapsed',
    });
    const cancel = step.effects.find((e) => e.type === 'transition');
    expect(cancel?.type === 'transition' && cancel.at).toEqual(at(25));
  });
});

describe('fixes', () => {
  it('activates a pending registration on the first valid fix inside the region', () => {
    const pending: WorkerState = { ...active(0), status: 'pending', statusSince: at(0), lastFix: null };
    const cases: { f: ClassifiedFix; status: string }[] = [
      { f: fix(1), status: 'active' },
      { f: fix(1, { accuracy: 500 }), status: 'pending' },
      { f: fix(1, { mock: true }), status: 'pending' },
      { f: fix(-5), status: 'pending' },
    ];
    for (const { f, status } of cases)
      expect(applyFix(pending, f, DEFAULT_POLICY, ids()).state.status).toBe(status);
  });

  it('a fix outside the region ends the registration with a left_region lapse', () => {
    const step = applyFix(
      active(0),
      fix(5, { lat: 54.19, lon: 37.61, inRegion: false }),
      DEFAULT_POLICY,
      ids(),
    );
    expect(step.state.status).toBe('ended');
    expect(transitions(step.effects)).toEqual(['ended:active->ended']);
    expect(step.effects.some((e) => e.type === 'open_lapse' && e.lapse.kind === 'left_region')).toBe(true);
  });

  it('grace 600: a 5-minute lapse closes and keeps the registration', () => {
    // Silent from 0 to 20 min: the lapse starts at 0, is established at 15, the fix at 20 closes it.
    const policy = withGrace(600);
    const interrupted = applySweep(active(0), at(15), policy, ids()).state;
    const step = applyFix(interrupted, fix(20), policy, ids());
    expect(step.state.status).toBe('active');
    expect(transitions(step.effects)).toEqual(['resumed:interrupted->active']);
    expect(step.effects).toContainEqual({ type: 'close_lapse', lapseId: 'lapse-1', endedAt: at(20) });
  });

  it('judges a silence the sweep missed by timestamps alone', () => {
    const strict = applyFix(active(0), fix(30), DEFAULT_POLICY, ids());
    expect(transitions(strict.effects)).toEqual(['cancelled:active->cancelled']);
    expect(strict.state.status).toBe('cancelled');
    const lenient = applyFix(active(0), fix(20), withGrace(600), ids());
    expect(transitions(lenient.effects)).toEqual([
      'interrupted:active->interrupted',
      'resumed:interrupted->active',
    ]);
  });

  it('a late upload whose fixes fill the gap voids the lapse and restores the registration', () => {
    const cancelled = applySweep(active(0), at(20), DEFAULT_POLICY, ids()).state;
    expect(cancelled.status).toBe('cancelled');
    const step = applyFix(cancelled, fix(5), DEFAULT_POLICY, ids());
    expect(step.state.status).toBe('active');
    expect(step.effects[0]).toMatchObject({ type: 'void_lapse', lapseId: 'lapse-1' });
    expect(transitions(step.effects)).toEqual(['restored:cancelled->active']);
  });

  it('an implausible upload (mayVoid false) closes the lapse but the cancellation stands', () => {
    const cancelled = applySweep(active(0), at(20), DEFAULT_POLICY, ids()).state;
    const step = applyFix(cancelled, fix(5), DEFAULT_POLICY, ids(), { mayVoid: false });
    expect(step.state.status).toBe('cancelled');
    expect(step.effects.some((e) => e.type === 'void_lapse')).toBe(false);
  });

  it('a fix after a real lapse closes it but the cancellation stands', () => {
    const cancelled = applySweep(active(0), at(20), DEFAULT_POLICY, ids()).state;
    const step = applyFix(cancelled, fix(25), DEFAULT_POLICY, ids());
    expect(step.state.status).toBe('cancelled');
    expect(step.effects).toEqual([{ type: 'close_lapse', lapseId: 'lapse-1', endedAt: at(25) }]);
  });

  it('a mock fix opens a mock_location lapse that only a genuine fix closes', () => {
    const mocked = applyFix(active(0), fix(1, { mock: true }), withGrace(600), ids());
    expect(mocked.state.openLapse?.kind).toBe('mock_location');
    expect(
      applyFix(mocked.state, fix(2, { accuracy: 900 }), withGrace(600), ids()).state.openLapse?.kind,
    ).toBe('mock_location');
    expect(applyFix(mocked.state, fix(3), withGrace(600), ids()).state.status).toBe('active');
  });
});

describe('backlog hold', () => {
  it('the sweep judges nothing while the phone reports a backlog, and as before once it ends', () => {
    const held = { ...active(0), holdUntil: at(31) };
    expect(applySweep(held, at(30), DEFAULT_POLICY, ids())).toEqual({ state: held, effects: [] });
    expect(applySweep(held, at(32), DEFAULT_POLICY, ids()).state.status).toBe('cancelled');
    expect(applySweep({ ...held, holdUntil: null }, at(30), DEFAULT_POLICY, ids()).state.status).toBe(
      'cancelled',
    );
  });

  it('a gap inside the uploaded fixes still opens a lapse while held', () => {
    const held = { ...active(0), holdUntil: at(600) };
    const step = applyFix(held, fix(30), DEFAULT_POLICY, ids());
    expect(transitions(step.effects)).toEqual(['cancelled:active->cancelled']);
  });
});

describe('device events', () => {
  const cases = [
    { type: 'location_disabled' as const, kind: 'location_disabled', status: 'cancelled' },
    { type: 'shutdown' as const, kind: 'device_off', status: 'cancelled' },
    { type: 'low_battery' as const, kind: undefined, status: 'active' },
    { type: 'boot' as const, kind: undefined, status: 'active' },
  ];
  it.each(cases)('$type', ({ type, kind, status }) => {
    const step = applyDeviceEvent(active(0), { time: at(3), type }, DEFAULT_POLICY, ids());
    expect(step.state.status).toBe(status);
    expect(step.state.openLapse?.kind).toBe(kind);
  });
  it('a device-reported lapse is not voided by a quick fix', () => {
    const off = applyDeviceEvent(active(0), { time: at(3), type: 'shutdown' }, DEFAULT_POLICY, ids()).state;
    expect(applyFix(off, fix(5), DEFAULT_POLICY, ids()).state.status).toBe('cancelled');
  });
});

describe('findFirstLapseGap', () => {
  const cases = [
    { name: 'no fixes: the whole span', fixes: [], end: 30, gap: [0, 30] },
    { name: 'fixes every 5 min: no gap', fixes: [5, 10, 15, 20, 25], end: 30, gap: null },
    { name: 'a 20-minute hole', fixes: [5, 25], end: 30, gap: [5, 25] },
    { name: 'trailing silence', fixes: [5, 10], end: 30, gap: [10, 30] },
  ];
  it.each(cases)('$name', ({ fixes, end, gap }) => {
    const found = findFirstLapseGap(fixes.map(at), at(0), at(end), 900);
    expect(found ? [found.from, found.to] : null).toEqual(gap ? gap.map(at) : null);
  });
});
