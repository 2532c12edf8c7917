import 'server-only';
// Re-enrolling a known person answers 409 when the name, birth date or phone differ, so without a
// limit it is an oracle for guessing those details one request at a time. The counters and rules
// are the sign-in lockout's (lib/auth/lockout.ts) under their own key names: refusals from one
// address for one person lock that pair, refusals from one address lock the address, and refusals
// for one person from many addresses only slow answers down, so nobody can lock a worker out of
// replacing a lost phone from somewhere else.
import type { EnrollInput } from '@/lib/api/device-schemas';
import type { Db } from '@/lib/db/client';
import { readLockoutLimits } from '@/lib/auth/lockout';
import { clearFailures, findLockout, recordFailure } from '@/lib/auth/throttle';
import { enrollDevice, type EnrollResult } from './enroll';
import { HttpError } from './problem';

interface ThrottleKeys {
  address: string;
  person: string;
}

function keysOf(address: string, input: EnrollInput): ThrottleKeys {
  const { citizenship, documentNumber } = input.worker;
  return { address: `enroll/${address}`, person: `enroll/${citizenship}/${documentNumber}` };
}

/** Enrols the phone unless this address has had too many identity refusals; counts each refusal. */
export async function enrollWithThrottle(db: Db, input: EnrollInput, address: string): Promise<EnrollResult> {
  const limits = readLockoutLimits();
  const keys = keysOf(address, input);
  const { lockedSeconds, delayMs } = await findLockout(db, keys.address, keys.person, limits);
  if (lockedSeconds > 0) {
    throw new HttpError(
      429,
      `Too many enrolments with details that did not match. Try again in ${lockedSeconds} seconds, or ask an officer to check the worker's details.`,
      { type: 'https://regwatch.example/problems/enrollment-throttled' },
      { 'retry-after': String(lockedSeconds) },
    );
  }
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  try {
    const result = await enrollDevice(db, input);
    await clearFailures(db, keys.address, keys.person, limits);
    return result;
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) {
      await recordFailure(db, keys.address, keys.person, limits);
    }
    throw error;
  }
}
