import { describe, expect, it } from 'vitest';
import { replayWorkerHistory, sortReplayInputs, type ReplayInput } from './history-replay';
import { PRESETS } from './policy-presets';
import { DEFAULT_POLICY, type Policy } from './types';

const T0 = new Date('2026-11-24T09:00:00Z'); // a Tuesday
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const fix = (min: number, arrivalMin = min): ReplayInput => ({
  kind: 'fix',
  time: at(min),
  arrival: at(arrivalMin),
  lat: 55.75,
  lon: 37.62,
  accuracy: 10,
  battery: 80,
  charging: false,
  mock: false,
  inRegion: true,
});
const strict: Policy = { ...DEFAULT_POLICY, ...PRESETS.strict };
const fz: Policy = { ...DEFAULT_POLICY, ...PRESETS['121-FZ'] };
const start = { status: 'none' as const, registrationId: null, at: at(-10) };
const declared: ReplayInput = { kind: 'declared', time: at(-5), arrival: at(-5), registrationId: 'r1' };

function run(inputs: ReplayInput[], policy: Policy, untilMin = 120) {
  return replayWorkerHistory(start, sortReplayInputs(inputs), at(untilMin), () => policy);
}

describe('replayWorkerHistory', () => {
  it('opens a lapse on a 20-minute gap: strict cancels at once, 121-FZ does not within hours', () => {
    const inputs = [declared, fix(0), fix(5), fix(25), fix(30)];
    expect(run(inputs, strict, 40)).toEqual([{ startedAt: at(5), cancelled: true, voided: false }]);
    // Under 121-FZ the lapse ends when fixes come back; the silence after minute 30 is a second one.
    expect(run(inputs, fz, 40)).toEqual([{ startedAt: at(5), cancelled: false, voided: false }]);
    expect(run(inputs, fz, 120)).toEqual([
      { startedAt: at(5), cancelled: false, voided: false },
      { startedAt: at(30), cancelled: false, voided: false },
    ]);
  });

  it('a 12-minute gap is no lapse at 15 minutes and one at 10', () => {
    const inputs = [declared, fix(0), fix(12), fix(17)];
    expect(run(inputs, strict, 20)).toEqual([]);
    expect(run(inputs, { ...strict, lapseAfterSeconds: 600 }, 20)).toHaveLength(1);
  });

  it('fixes uploaded late after the sweep saw silence void the lapse it opened', () => {
    // Fixes at 5..30 arrive together at minute 40: by then the sweep had opened a lapse at 0 + 15.
    const inputs = [declared, fix(0), ...[5, 10, 15, 20, 25, 30].map((m) => fix(m, 40)), fix(35, 40)];
    expect(run(inputs, strict, 45)).toEqual([{ startedAt: at(0), cancelled: true, voided: true }]);
  });

  it('the silence after the last fix counts until the end of the replay', () => {
    expect(run([declared, fix(0), fix(5)], strict, 60)).toEqual([
      { startedAt: at(5), cancelled: true, voided: false },
    ]);
    expect(run([declared, fix(0), fix(5)], strict, 19)).toEqual([]);
  });

  it('a reinstated registration is judged again from the decision, not from the old last fix', () => {
    const inputs: ReplayInput[] = [
      declared,
      fix(0),
      { kind: 'reinstated', time: at(60), arrival: at(60), registrationId: 'r1' },
    ];
    // Cancelled at 15; reinstated at 60; silent again from 60: a second lapse at 75.
    expect(run(inputs, strict, 80)).toEqual([
      { startedAt: at(0), cancelled: true, voided: false },
      { startedAt: at(60), cancelled: true, voided: false },
    ]);
  });
});
