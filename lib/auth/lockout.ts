// Lockout after repeated failed sign-ins. Pure rules here; lib/auth/throttle.ts stores the counters.
// Three counters, each a fixed window starting at the first failure. Only the two that include the
// attempt's own address ever lock, so nobody can lock a real officer out from another address:
// - address + username: the usual brute-force case, locks quickly;
// - address with any username: bounds spraying one password over many usernames;
// - username from any address: only slows each further attempt down (guessing from many addresses),
//   never refuses it, so the officer can still sign in while someone else is guessing.
import 'server-only';

import type { EnvVars } from './env';

export interface LockoutLimits {
  windowSeconds: number;
  perAddressAndUser: number;
  perUser: number;
  perAddress: number;
}

export interface FailureCounter {
  key: string;
  count: number;
  firstAt: Date;
}

export const DEFAULT_LOCKOUT: LockoutLimits = {
  windowSeconds: 300,
  perAddressAndUser: 5,
  perUser: 15,
  perAddress: 30,
};

export function readLockoutLimits(env: EnvVars = process.env): LockoutLimits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    windowSeconds: read('AUTH_LOCKOUT_WINDOW_SECONDS', DEFAULT_LOCKOUT.windowSeconds),
    perAddressAndUser: read('AUTH_LOCKOUT_MAX_FAILURES', DEFAULT_LOCKOUT.perAddressAndUser),
    perUser: read('AUTH_LOCKOUT_MAX_FAILURES_PER_USER', DEFAULT_LOCKOUT.perUser),
    perAddress: read('AUTH_LOCKOUT_MAX_FAILURES_PER_ADDRESS', DEFAULT_LOCKOUT.perAddress),
  };
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export interface LockoutKey {
  key: string;
  max: number;
  /** 'lock' refuses attempts once the limit is reached; 'slow' only delays them. */
  effect: 'lock' | 'slow';
}

/** The counter keys one attempt touches, each with the limit that applies to it. */
export function lockoutKeys(address: string, username: string, limits: LockoutLimits): LockoutKey[] {
  const user = normalizeUsername(username);
  return [
    { key: `au:${address}|${user}`, max: limits.perAddressAndUser, effect: 'lock' },
    { key: `u:${user}`, max: limits.perUser, effect: 'slow' },
    { key: `a:${address}`, max: limits.perAddress, effect: 'lock' },
  ];
}

function liveCount(counter: FailureCounter | undefined, now: Date, windowSeconds: number): number {
  if (!counter) return 0;
  return counter.firstAt.getTime() + windowSeconds * 1000 > now.getTime() ? counter.count : 0;
}

/** Seconds until the attempt may be made, or 0 when it may be made now. */
export function secondsLocked(
  counters: FailureCounter[],
  keys: LockoutKey[],
  now: Date,
  windowSeconds: number,
): number {
  let wait = 0;
  for (const { key, max, effect } of keys) {
    const counter = counters.find((c) => c.key === key);
    if (effect !== 'lock' || !counter || liveCount(counter, now, windowSeconds) < max) continue;
    const endsAt = counter.firstAt.getTime() + windowSeconds * 1000;
    wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return wait;
}

export const SLOWDOWN_STEP_MS = 500;
export const SLOWDOWN_MAX_MS = 3000;

/** How long to hold an attempt for a username many addresses are failing on: grows, then levels off. */
export function slowdownMs(
  counters: FailureCounter[],
  keys: LockoutKey[],
  now: Date,
  windowSeconds: number,
): number {
  let delay = 0;
  for (const { key, max, effect } of keys) {
    const count = liveCount(
      counters.find((c) => c.key === key),
      now,
      windowSeconds,
    );
    if (effect !== 'slow' || count < max) continue;
    delay = Math.max(delay, Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_STEP_MS * (count - max + 1)));
  }
  return delay;
}
