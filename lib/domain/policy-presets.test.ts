import { describe, expect, it } from 'vitest';
import { applyDeviceEvent, applyFix, applySweep, type WorkerState } from './lifecycle';
import { detectPreset, PRESETS } from './policy-presets';
import { DEFAULT_POLICY, type Policy } from './types';

const fz: Policy = { ...DEFAULT_POLICY, version: 7, ...PRESETS['121-FZ'] };
const strict: Policy = { ...DEFAULT_POLICY, ...PRESETS.strict };
const ids = () => {
  let n = 0;
  return () => `lapse-${++n}`;
};
// Wednesday 11 June 2025, 10:00 Moscow: the next day starts the 12–15 June holiday.
const LAST_FIX = new Date('2025-06-11T07:00:00Z');
const active: WorkerState = {
  status: 'active',
  registrationId: 'reg-1',
  statusSince: new Date('2025-06-01T00:00:00Z'),
  lastFix: { time: LAST_FIX, lat: 55.75, lon: 37.62, accuracy: 10, battery: 80, charging: false },
  openLapse: null,
};

describe('detectPreset', () => {
  it.each<[string, Policy, string]>([
    ['the default policy', DEFAULT_POLICY, 'strict'],
    ['strict preset', strict, 'strict'],
    ['121-FZ preset', fz, '121-FZ'],
    ['121-FZ with 5 working days', { ...fz, cancelAfterWorkingDays: 5 }, 'custom'],
    ['121-FZ ignores the calendar grace', { ...fz, graceSeconds: 600 }, '121-FZ'],
    ['a calendar grace period', { ...DEFAULT_POLICY, graceSeconds: 600 }, 'custom'],
    ['strict with a reminder', { ...strict, reminderAfterSeconds: 3600 }, 'custom'],
  ])('%s -> %s', (_name, policy, expected) => {
    expect(detectPreset(policy)).toBe(expected);
  });
});

describe('lifecycle under the presets', () => {
  it('strict: a 15-minute silence cancels at once', () => {
    const step = applySweep(active, new Date(LAST_FIX.getTime() + 15 * 60_000), strict, ids());
    expect(step.state.status).toBe('cancelled');
    expect(step.effects).toContainEqual({ type: 'lapse_cancelled', lapseId: 'lapse-1', rule: 'immediate' });
  });

  it('121-FZ: the lapse interrupts and the deadline is 3 working days after the holiday', () => {
    const step = applySweep(active, new Date(LAST_FIX.getTime() + 15 * 60_000), fz, ids());
    expect(step.state.status).toBe('interrupted');
    // 12–15 June are days off; 16, 17, 18 June are the three working days.
    expect(step.state.openLapse?.deadline?.toISOString()).toBe('2025-06-18T21:00:00.000Z');
    const opened = step.effects.find((e) => e.type === 'open_lapse');
    expect(opened).toMatchObject({ trigger: 'silence', policyVersion: 7 });
  });

  it.each([
    ['2025-06-18T20:59:00Z', 'interrupted'],
    ['2025-06-18T21:00:00Z', 'cancelled'],
  ])('121-FZ: sweep at %s -> %s', (now, status) => {
    const opened = applySweep(active, new Date(LAST_FIX.getTime() + 15 * 60_000), fz, ids());
    const step = applySweep(opened.state, new Date(now), fz, ids());
    expect(step.state.status).toBe(status);
    if (status === 'cancelled') {
      expect(step.effects).toContainEqual({
        type: 'lapse_cancelled',
        lapseId: 'lapse-1',
        rule: 'working_days_elapsed',
      });
    }
  });

  it('121-FZ: a device-reported lapse waits for the deadline too, a fix before it resumes', () => {
    const off = applyDeviceEvent(
      active,
      { time: new Date('2025-06-11T08:00:00Z'), type: 'location_disabled' },
      fz,
      ids(),
    );
    expect(off.state.status).toBe('interrupted');
    expect(off.effects.find((e) => e.type === 'open_lapse')).toMatchObject({ trigger: 'device' });
    const back = applyFix(
      off.state,
      {
        time: new Date('2025-06-17T08:00:00Z'),
        lat: 55.75,
        lon: 37.62,
        accuracy: 10,
        battery: 70,
        charging: false,
        mock: false,
        inRegion: true,
      },
      fz,
      ids(),
    );
    expect(back.state.status).toBe('active');
  });

  it('strict: a device-reported lapse cancels at once', () => {
    const off = applyDeviceEvent(
      active,
      { time: new Date('2025-06-11T08:00:00Z'), type: 'location_disabled' },
      strict,
      ids(),
    );
    expect(off.state.status).toBe('cancelled');
    expect(off.effects).toContainEqual({ type: 'lapse_cancelled', lapseId: 'lapse-1', rule: 'immediate' });
  });
});
