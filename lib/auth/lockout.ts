// Lockout after repeated failed sign-ins. Pure rules here; lib/auth/throttle.ts stores the counters.
// Three counters, each a fixed window starting at the first failure:
// - address + username: the usual brute-force case, locks quickly;
// - username from any address: bounds guessing when addresses are spoofed or rotated;
// - address with any username: bounds spraying one password over many usernames.

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

/** The counter keys one attempt touches, each with the limit that applies to it. */
export function lockoutKeys(
  address: string,
  username: string,
  limits: LockoutLimits,
): { key: string; max: number }[] {
  const user = normalizeUsername(username);
  return [
    { key: `au:${address}|${user}`, max: limits.perAddressAndUser },
    { key: `u:${user}`, max: limits.perUser },
    { key: `a:${address}`, max: limits.perAddress },
  ];
}

/** Seconds until the attempt may be made, or 0 when it may be made now. */
export function secondsLocked(
  counters: FailureCounter[],
  keys: { key: string; max: number }[],
  now: Date,
  windowSeconds: number,
): number {
  let wait = 0;
  for (const { key, max } of keys) {
    const counter = counters.find((c) => c.key === key);
    if (!counter || counter.count < max) continue;
    const endsAt = counter.firstAt.getTime() + windowSeconds * 1000;
    if (endsAt > now.getTime()) wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return wait;
}
