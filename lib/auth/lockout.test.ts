import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LOCKOUT,
  lockoutKeys,
  normalizeUsername,
  readLockoutLimits,
  secondsLocked,
  slowdownMs,
} from './lockout';

const limits = { windowSeconds: 300, perAddressAndUser: 5, perUser: 15, perAddress: 30 };
const now = new Date('2026-11-24T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const keys = lockoutKeys('10.0.0.1', ' Officer ', limits);

describe('lockoutKeys', () => {
  test('one counter per address+user, per user and per address, usernames normalised', () => {
    expect(keys).toEqual([
      { key: 'au:10.0.0.1|officer', max: 5, effect: 'lock' },
      { key: 'u:officer', max: 15, effect: 'slow' },
      { key: 'a:10.0.0.1', max: 30, effect: 'lock' },
    ]);
    expect(normalizeUsername('  AdMiN ')).toBe('admin');
  });
});

describe('secondsLocked', () => {
  test.each([
    { name: 'no failures', counters: [], wait: 0 },
    {
      name: 'below the limit',
      counters: [{ key: 'au:10.0.0.1|officer', count: 4, firstAt: ago(10) }],
      wait: 0,
    },
    {
      name: 'at the limit, window running',
      counters: [{ key: 'au:10.0.0.1|officer', count: 5, firstAt: ago(100) }],
      wait: 200,
    },
    {
      name: 'at the limit, window over',
      counters: [{ key: 'au:10.0.0.1|officer', count: 9, firstAt: ago(301) }],
      wait: 0,
    },
    {
      name: 'failures on the username from other addresses never lock',
      counters: [{ key: 'u:officer', count: 500, firstAt: ago(10) }],
      wait: 0,
    },
    {
      name: 'per-address limit over many usernames',
      counters: [{ key: 'a:10.0.0.1', count: 30, firstAt: ago(0) }],
      wait: 300,
    },
    {
      name: 'the longest wait wins',
      counters: [
        { key: 'au:10.0.0.1|officer', count: 5, firstAt: ago(250) },
        { key: 'a:10.0.0.1', count: 31, firstAt: ago(60) },
      ],
      wait: 240,
    },
    {
      name: 'another user’s counter does not apply',
      counters: [{ key: 'u:admin', count: 99, firstAt: ago(1) }],
      wait: 0,
    },
  ])('$name → $wait s', ({ counters, wait }) => {
    expect(secondsLocked(counters, keys, now, limits.windowSeconds)).toBe(wait);
  });
});

describe('slowdownMs', () => {
  test.each([
    { name: 'below the per-user limit', count: 14, firstAt: ago(10), delay: 0 },
    { name: 'at the limit', count: 15, firstAt: ago(10), delay: 500 },
    { name: 'grows with each failure', count: 17, firstAt: ago(10), delay: 1500 },
    { name: 'levels off', count: 400, firstAt: ago(10), delay: 3000 },
    { name: 'window over', count: 400, firstAt: ago(301), delay: 0 },
  ])('$name → $delay ms', ({ count, firstAt, delay }) => {
    expect(slowdownMs([{ key: 'u:officer', count, firstAt }], keys, now, limits.windowSeconds)).toBe(delay);
  });

  test('the address counters do not slow, they lock', () => {
    const counters = [{ key: 'a:10.0.0.1', count: 99, firstAt: ago(1) }];
    expect(slowdownMs(counters, keys, now, limits.windowSeconds)).toBe(0);
  });
});

describe('readLockoutLimits', () => {
  test('defaults, and positive integers from the environment', () => {
    expect(readLockoutLimits({})).toEqual(DEFAULT_LOCKOUT);
    expect(
      readLockoutLimits({ AUTH_LOCKOUT_MAX_FAILURES: '3', AUTH_LOCKOUT_WINDOW_SECONDS: '60' }),
    ).toMatchObject({
      perAddressAndUser: 3,
      windowSeconds: 60,
    });
    expect(
      readLockoutLimits({ AUTH_LOCKOUT_MAX_FAILURES: '-1', AUTH_LOCKOUT_MAX_FAILURES_PER_USER: 'x' }),
    ).toEqual(DEFAULT_LOCKOUT);
  });
});
