import 'server-only';
// The run shared by the pre-aggregated cell tables (map_cells, heat_cells): under a lock, fold the
// pending deltas, unless a full build is due; the full build then runs in its own repeatable-read
// transaction, so it and the emptying of the delta table see one snapshot. Another instance holding
// the lock is doing the work: this one only learns what it built.
import type { Db } from '@/lib/db/client';
import { tryTransactionLock } from './job-runs';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface CellsUpkeep {
  /** Names the table in the one log line a skipped build writes. */
  label: string;
  lockKey: number;
  /** When another instance holds the lock: learn from its last recorded run. */
  learn: (tx: Tx) => Promise<void>;
  /** In the locked transaction: folds and returns the deltas folded, or 'full' when a build is due. */
  fold: (tx: Tx) => Promise<number | 'full'>;
  build: (tx: Tx) => Promise<void>;
  /** Records the run in job_runs, in the transaction that did the work. */
  record: (tx: Tx, run: CellsUpkeepRun) => Promise<void>;
}

export interface CellsUpkeepRun {
  ran: boolean;
  mode: 'full' | 'fold' | null;
  /** Deltas folded (fold) or 0 (full build). */
  deltas: number;
}

export async function runCellsUpkeep(
  db: Db,
  upkeep: CellsUpkeep,
  options: { full?: boolean } = {},
): Promise<CellsUpkeepRun> {
  const run: CellsUpkeepRun = { ran: false, mode: null, deltas: 0 };
  const lock = async (tx: Tx) => {
    if (await tryTransactionLock(tx, upkeep.lockKey)) return true;
    await upkeep.learn(tx);
    return false;
  };
  const needsFull = await db.transaction(async (tx) => {
    if (!(await lock(tx))) return false;
    if (options.full) return true;
    const folded = await upkeep.fold(tx);
    if (folded === 'full') return true;
    Object.assign(run, { ran: true, mode: 'fold', deltas: folded });
    await upkeep.record(tx, run);
    return false;
  });
  if (!needsFull) return run;
  try {
    await db.transaction(
      async (tx) => {
        if (!(await lock(tx))) return;
        Object.assign(run, { ran: true, mode: 'full', deltas: 0 });
        await upkeep.build(tx);
        await upkeep.record(tx, run);
      },
      { isolationLevel: 'repeatable read' },
    );
  } catch (error) {
    // A concurrent fold between the two transactions: the next run tries again.
    console.error(
      `[${upkeep.label}] full build skipped: ${error instanceof Error ? error.name : typeof error}`,
    );
    run.ran = false;
  }
  return run;
}
