import { describe, expect, it } from 'vitest';
import { explainCancellation, type CancellationFacts } from './cancellation-words';
import { describePolicyRule, formatWorkingDays } from './policy-words';
import { PRESETS } from './policy-presets';
import { DEFAULT_POLICY } from './types';

const strict = { ...DEFAULT_POLICY, version: 4, preset: 'strict' as const, cancelUnit: 'calendar' as const };
const fz = { ...DEFAULT_POLICY, version: 9, preset: '121-FZ' as const, ...PRESETS['121-FZ'] };
const base: CancellationFacts = {
  rule: 'immediate',
  trigger: 'device',
  kind: 'location_disabled',
  startedAt: new Date('2025-06-11T09:00:00Z'),
  lastFixTime: new Date('2025-06-11T08:58:00Z'),
  cancelledAt: new Date('2025-06-11T09:00:00Z'),
  endedAt: null,
  policy: strict,
};

describe('explainCancellation', () => {
  it.each<[string, Partial<CancellationFacts>, string[], string[]]>([
    [
      'device-reported lapse under strict: cancels at once, says so',
      {},
      [
        'policy version 4',
        'the strict rule',
        'phone itself reported that location was switched off',
        'without waiting 15 min',
        'cancels the registration at once',
        'No location data has arrived since.',
      ],
      ['no fixes arrived after that'],
    ],
    [
      'device-reported lapse that ended 2 minutes later',
      { endedAt: new Date('2025-06-11T09:02:00Z') },
      ['came back at 12:02, after the cancellation', 'stands until an officer reviews it'],
      ['No location data has arrived since', 'no fixes arrived after that'],
    ],
    [
      'silence under strict',
      {
        trigger: 'silence',
        kind: 'signal_lost',
        startedAt: new Date('2025-06-11T08:58:00Z'),
        cancelledAt: new Date('2025-06-11T09:13:00Z'),
      },
      ['no location data arrived for 15 min after the last fix at 11:58', 'there is no grace period'],
      [],
    ],
    [
      'calendar grace period',
      {
        rule: 'grace_elapsed',
        trigger: 'silence',
        kind: 'signal_lost',
        policy: { ...strict, graceSeconds: 7200, preset: 'custom' },
      },
      ['within the grace period of 2 h', 'custom settings'],
      [],
    ],
    [
      '121-FZ working days over the June holiday',
      {
        rule: 'working_days_elapsed',
        trigger: 'silence',
        kind: 'signal_lost',
        cancelledAt: new Date('2025-06-18T21:00:00Z'),
        policy: fz,
      },
      [
        'policy version 9',
        '121-FZ',
        'more than 3 working days after the last fix',
        'weekends and public holidays do not count',
        'deadline passed at 00:00 (19.06)',
      ],
      [],
    ],
    [
      'legacy row: rule and trigger inferred',
      { rule: null, trigger: null },
      ['phone itself reported', 'at once'],
      [],
    ],
  ])('%s', (_name, change, present, absent) => {
    const text = explainCancellation({ ...base, ...change }, 'en');
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });

  it('speaks Russian', () => {
    const text = explainCancellation(
      { ...base, rule: 'working_days_elapsed', trigger: 'silence', kind: 'signal_lost', policy: fz },
      'ru',
    );
    expect(text).toContain('по версии политики 9');
    expect(text).toContain('больше 3 рабочих дней');
  });
});

describe('describePolicyRule', () => {
  it('strict in English', () => {
    const text = describePolicyRule(strict, 'en').join(' ');
    expect(text).toContain('no location data arrives for 15 min');
    expect(text).toContain('cancelled the moment a lapse is recorded');
  });
  it('121-FZ in Russian and English', () => {
    expect(describePolicyRule(fz, 'en').join(' ')).toContain('more than 3 working days after the last fix');
    expect(describePolicyRule(fz, 'en').join(' ')).toContain(
      'After 3 d without location data the worker is reminded',
    );
    expect(describePolicyRule(fz, 'ru').join(' ')).toContain('больше 3 рабочих дней с последней отметки');
  });
  it.each([
    [1, '1 рабочий день'],
    [3, '3 рабочих дня'],
    [5, '5 рабочих дней'],
    [11, '11 рабочих дней'],
    [21, '21 рабочий день'],
  ])('%i -> %s', (n, text) => {
    expect(formatWorkingDays('ru', n)).toBe(text);
  });
});
