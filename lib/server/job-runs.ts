import 'server-only';
// Bookkeeping shared by the jobs (sweep, map and heat cells, seed): one row per job in job_runs with
// its last run, duration and a detail object, and the transaction-scoped advisory lock that makes
// one instance do a job's work at a time.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';

type Tx = Pick<Db, 'execute'>;

/** Records a job's run; `at` defaults to the database's now(). */
export async function recordJobRun(
  db: Tx,
  name: string,
  durationMs: number,
  detail: unknown,
  at?: Date,
): Promise<void> {
  const when = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  await db.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
    VALUES (${name}, ${when}, ${Math.round(durationMs)}, ${JSON.stringify(detail)}::jsonb)
    ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at,
      last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
}

/** Takes `key` for the rest of the transaction, or answers false when another session holds it. */
export async function tryTransactionLock(tx: Tx, key: number): Promise<boolean> {
  const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${key}) AS ok`);
  return lock?.ok === true;
}
