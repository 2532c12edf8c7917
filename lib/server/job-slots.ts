import 'server-only';
// One run per interval across every instance. Each instance has its own timer, so the advisory
// locks in the jobs alone only stop two runs overlapping: two instances ticking a few seconds apart
// would each run once per interval. The first instance to claim a job's slot in the database runs
// it; the others find the slot taken until most of an interval has passed.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';

// A slot stays taken for this share of the interval, so timer drift never skips a whole interval.
const SLOT_SHARE = 0.8;

/** Claims the current interval of a job for this instance: the claim's database time, or null when another instance has it. */
export async function claimJobSlotAt(db: Db, name: string, intervalMs: number): Promise<Date | null> {
  const slot = `slot:${name}`;
  const holdMs = Math.max(0, Math.floor(intervalMs * SLOT_SHARE));
  const [row] = await queryRows<{ at: string | Date }>(
    db,
    sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
      VALUES (${slot}, now(), 0, NULL)
      ON CONFLICT (name) DO UPDATE SET last_run_at = now()
        WHERE job_runs.last_run_at <= now() - make_interval(secs => ${holdMs / 1000}::float8)
      RETURNING last_run_at AS at`,
  );
  return row ? new Date(row.at) : null;
}

export async function claimJobSlot(db: Db, name: string, intervalMs: number): Promise<boolean> {
  return (await claimJobSlotAt(db, name, intervalMs)) !== null;
}

/** Runs the job when this instance wins the interval's slot; JOBS_LOG=1 logs each run (cluster drills count them). */
export async function runInSlot(
  db: Db,
  name: string,
  intervalMs: number,
  job: () => Promise<unknown>,
): Promise<boolean> {
  const claimedAt = await claimJobSlotAt(db, name, intervalMs);
  if (!claimedAt) return false;
  const started = Date.now();
  await job();
  if (process.env.JOBS_LOG === '1') {
    // The database's clock, shared by every instance, so runs from several logs line up.
    console.log(`[jobs] ran ${name} at ${claimedAt.toISOString()} in ${Date.now() - started} ms`);
  }
  return true;
}
