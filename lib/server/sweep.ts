import 'server-only';
// The lapse sweep: finds active registrations that have been silent for lapseAfter seconds and
// interrupted ones whose grace has run out. One instance sweeps at a time (advisory lock); rows
// that ingestion holds are skipped and caught on the next tick.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { applySweep } from '@/lib/domain/lifecycle';
import { EffectWriter } from './effect-writer';
import { getCurrentPolicy } from './policy';
import { buildExplainer, STATUS_COLUMNS, toMeta, toWorkerState, type StatusRow } from './worker-state';

const SWEEP_LOCK = 7_300_010;
const BATCH = 5_000;
const MAX_BATCHES = 50;

export interface SweepResult {
  ran: boolean;
  examined: number;
  opened: number;
  cancelled: number;
  durationMs: number;
}

export async function runSweep(db: Db, now = new Date()): Promise<SweepResult> {
  const started = performance.now();
  const policy = await getCurrentPolicy(db, true);
  const result: SweepResult = { ran: false, examined: 0, opened: 0, cancelled: 0, durationMs: 0 };
  const cutoff = new Date(now.getTime() - policy.lapseAfterSeconds * 1000).toISOString();
  const nowIso = now.toISOString();
  await db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS ok`,
    );
    if (!lock?.ok) return;
    result.ran = true;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const silent = await queryRows<StatusRow>(
        tx,
        sql`SELECT ${STATUS_COLUMNS} FROM worker_status WHERE status = 'active' AND last_fix_time <= ${cutoff}::timestamptz
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const expired = await queryRows<StatusRow>(
        tx,
        sql`SELECT ${STATUS_COLUMNS} FROM worker_status WHERE status = 'interrupted' AND lapse_deadline <= ${nowIso}::timestamptz
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const rows = [...silent, ...expired];
      if (rows.length === 0) break;
      result.examined += rows.length;
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
        result.opened += step.effects.filter((e) => e.type === 'open_lapse').length;
        result.cancelled += step.effects.filter((e) => e.type === 'lapse_cancelled').length;
        writer.add(toMeta(row), before, step.state, step.effects);
      }
      await writer.flush(tx);
      if (rows.length < BATCH) break;
    }
    result.durationMs = Math.round(performance.now() - started);
    await tx.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
      VALUES ('sweep', ${nowIso}::timestamptz, ${result.durationMs}, ${JSON.stringify(result)}::jsonb)
      ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at,
        last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
  });
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
