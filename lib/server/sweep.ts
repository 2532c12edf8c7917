import 'server-only';
// The lapse sweep: finds active registrations that have been silent for lapseAfter seconds and
// interrupted ones whose grace has run out. Each batch commits on its own. One instance sweeps a
// batch at a time (advisory lock); rows that ingestion holds are skipped and caught next tick.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { applySweep } from '@/lib/domain/lifecycle';
import { EffectWriter } from './effect-writer';
import { recordJobRun, tryTransactionLock } from './job-runs';
import { getCurrentPolicy } from './policy';
import { queueReminders } from './notify/outbox';
import type { Policy } from '@/lib/domain/types';
import { buildExplainer, STATUS_COLUMNS, toMeta, toWorkerState, type StatusRow } from './worker-state';

const SWEEP_LOCK = 7_300_010;
// Rows per transaction (half silent, half expired at most), and the cap per run.
const BATCH = 4_000;
const MAX_ROWS = 250_000;

export interface SweepResult {
  ran: boolean;
  examined: number;
  opened: number;
  cancelled: number;
  durationMs: number;
}

export async function runSweep(db: Db, now = new Date(), batchSize = BATCH): Promise<SweepResult> {
  const half = Math.max(1, Math.floor(batchSize / 2));
  const started = performance.now();
  const policy = await getCurrentPolicy(db, true);
  const result: SweepResult = { ran: false, examined: 0, opened: 0, cancelled: 0, durationMs: 0 };
  const cutoff = new Date(now.getTime() - policy.lapseAfterSeconds * 1000).toISOString();
  while (result.examined < MAX_ROWS) {
    const step = await sweepBatch(db, now, cutoff, policy, half);
    if (step === null) break; // another instance is sweeping right now; it will finish the work
    result.ran = true;
    result.examined += step.examined;
    result.opened += step.opened;
    result.cancelled += step.cancelled;
    if (!step.full) break;
  }
  // Reminders before cancellation (policies with reminderAfterSeconds): one set-based statement.
  if (result.ran) await queueReminders(db, now, policy);
  result.durationMs = Math.round(performance.now() - started);
  if (result.ran) {
    await recordJobRun(db, 'sweep', result.durationMs, result, now);
  }
  return result;
}

/**
 * One batch in its own transaction, so ingest never waits behind more than BATCH rows and a failure
 * rolls back one batch only. Null when another instance holds the sweep lock.
 */
async function sweepBatch(
  db: Db,
  now: Date,
  cutoff: string,
  policy: Policy,
  half: number,
): Promise<(Omit<SweepResult, 'ran' | 'durationMs'> & { full: boolean }) | null> {
  return db.transaction(async (tx) => {
    if (!(await tryTransactionLock(tx, SWEEP_LOCK))) return null;
    // Step 1 of the lock order (lock-order.ts); rows that ingestion holds are skipped this tick.
    // ORDER BY the indexed column keeps the plan on the partial indexes: with statistics older than
    // a few minutes the planner believes most active rows are due and, under a LIMIT, chose a
    // sequential scan of every worker (1.7 s at a million) to find none. Oldest first is fairer too.
    const silent = await queryRows<StatusRow>(
      tx,
      sql`SELECT ${STATUS_COLUMNS} FROM worker_status WHERE status = 'active' AND last_fix_time <= ${cutoff}::timestamptz
          ORDER BY last_fix_time LIMIT ${half} FOR UPDATE SKIP LOCKED`,
    );
    const expired = await queryRows<StatusRow>(
      tx,
      sql`SELECT ${STATUS_COLUMNS} FROM worker_status WHERE status = 'interrupted' AND lapse_deadline <= ${now.toISOString()}::timestamptz
          ORDER BY lapse_deadline LIMIT ${half} FOR UPDATE SKIP LOCKED`,
    );
    const rows = [...silent, ...expired];
    const full = silent.length === half || expired.length === half;
    const out = { examined: rows.length, opened: 0, cancelled: 0, full };
    if (rows.length === 0) return out;
    const earliest = rows.reduce(
      (min, r) => Math.min(min, new Date(r.last_fix_time ?? r.status_since).getTime()),
      now.getTime(),
    );
    const explain = await buildExplainer(
      tx,
      rows.map((r) => r.worker_id),
      new Date(earliest),
      policy,
    );
    const writer = new EffectWriter(now, explain);
    for (const row of rows) {
      const before = toWorkerState(row);
      const step = applySweep(before, now, policy, () => crypto.randomUUID());
      out.opened += step.effects.filter((e) => e.type === 'open_lapse').length;
      out.cancelled += step.effects.filter((e) => e.type === 'lapse_cancelled').length;
      writer.add(toMeta(row), before, step.state, step.effects);
    }
    await writer.flush(tx);
    return out;
  });
}
