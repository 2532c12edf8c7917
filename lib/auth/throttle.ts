// Failed sign-in counters in the database, so a lockout survives a restart and holds across
// instances. Rules: lib/auth/lockout.ts.
import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { authSignInFailures } from '@/lib/db/auth-schema';
import { type LockoutLimits, lockoutKeys, secondsLocked, slowdownMs } from './lockout';

/** What to do with an attempt: refuse it for `lockedSeconds`, or hold it for `delayMs` first. */
export async function findLockout(
  db: Db,
  address: string,
  username: string,
  limits: LockoutLimits,
  now = new Date(),
): Promise<{ lockedSeconds: number; delayMs: number }> {
  const keys = lockoutKeys(address, username, limits);
  const rows = await db
    .select({
      key: authSignInFailures.key,
      count: authSignInFailures.count,
      firstAt: authSignInFailures.firstAt,
    })
    .from(authSignInFailures)
    .where(
      inArray(
        authSignInFailures.key,
        keys.map((k) => k.key),
      ),
    );
  return {
    lockedSeconds: secondsLocked(rows, keys, now, limits.windowSeconds),
    delayMs: slowdownMs(rows, keys, now, limits.windowSeconds),
  };
}

export async function recordFailure(
  db: Db,
  address: string,
  username: string,
  limits: LockoutLimits,
  now = new Date(),
): Promise<void> {
  const windowStart = sql`${new Date(now.getTime() - limits.windowSeconds * 1000).toISOString()}::timestamptz`;
  const nowValue = sql`${now.toISOString()}::timestamptz`;
  for (const { key } of lockoutKeys(address, username, limits)) {
    // A counter whose window has passed starts again at one.
    await db
      .insert(authSignInFailures)
      .values({ key, count: 1, firstAt: now, lastAt: now })
      .onConflictDoUpdate({
        target: authSignInFailures.key,
        set: {
          count: sql`CASE WHEN ${authSignInFailures.firstAt} <= ${windowStart} THEN 1 ELSE ${authSignInFailures.count} + 1 END`,
          firstAt: sql`CASE WHEN ${authSignInFailures.firstAt} <= ${windowStart} THEN ${nowValue} ELSE ${authSignInFailures.firstAt} END`,
          lastAt: now,
        },
      });
  }
}

/** A successful sign-in forgets that address's failures for the username; the wider counters stay. */
export async function clearFailures(db: Db, address: string, username: string, limits: LockoutLimits) {
  const [own] = lockoutKeys(address, username, limits);
  if (own) await db.delete(authSignInFailures).where(inArray(authSignInFailures.key, [own.key]));
}
