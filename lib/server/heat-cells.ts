import 'server-only';
// Keeps heat_cells, the pre-aggregated heat layer, in step with lapses, as map-cells.ts does for
// addresses: triggers append signed deltas, each run folds them into every zoom, and a full build
// runs the first time, after a large backlog, and when the region's time zone changed (a day is a
// local date). Runs right after the map cells in the same job; a lock makes one instance do it.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { loadRegionPack } from '@/lib/region/load-pack';
import { canUseMapCells, PREAGG_MIN_ZOOM } from './map-cells';
import { buildAllHeatCells, foldHeatDeltas } from './heat-cells-upkeep';

const HEAT_CELLS_LOCK = 7_300_021;
// Past this many pending deltas one scan of lapses is cheaper than folding them.
const FULL_BUILD_DELTAS = Number(process.env.HEAT_CELLS_FULL_DELTAS ?? 200_000);

// On globalThis for the same reason as map-cells.ts: the job and the route are bundled apart.
const builtKey = Symbol.for('regwatch.heatCells.built');
type GlobalWithBuilt = typeof globalThis & { [builtKey]?: boolean };
const setBuilt = () => ((globalThis as GlobalWithBuilt)[builtKey] = true);

export interface HeatCellsBuild {
  ran: boolean;
  mode: 'full' | 'fold' | null;
  /** Deltas folded (fold) or 0 (full build). */
  deltas: number;
  durationMs: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function takeLock(tx: Tx): Promise<boolean> {
  const [lock] = await queryRows<{ ok: boolean }>(
    tx,
    sql`SELECT pg_try_advisory_xact_lock(${HEAT_CELLS_LOCK}) AS ok`,
  );
  if (lock?.ok) return true;
  await learnHeatCellsBuild(tx);
  return false;
}

/** Another instance keeps the cells: learn whether they were ever built. */
export async function learnHeatCellsBuild(db: Pick<Db, 'execute'>): Promise<void> {
  const [run] = await queryRows<{ zone: string | null }>(
    db,
    sql`SELECT detail->>'timeZone' AS zone FROM job_runs WHERE name = 'heat_cells'`,
  );
  if (run?.zone) setBuilt();
}

async function record(tx: Tx, result: HeatCellsBuild, started: number, timeZone: string): Promise<void> {
  const detail = { ...result, durationMs: undefined, timeZone };
  await tx.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
    VALUES ('heat_cells', now(), ${Math.round(performance.now() - started)}, ${JSON.stringify(detail)}::jsonb)
    ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at,
      last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
}

/** Brings heat_cells up to date: folds the pending deltas, or rebuilds when that is cheaper or due. */
export async function refreshHeatCells(db: Db, options: { full?: boolean } = {}): Promise<HeatCellsBuild> {
  const started = performance.now();
  const timeZone = loadRegionPack().timezone;
  const result: HeatCellsBuild = { ran: false, mode: null, deltas: 0, durationMs: 0 };
  const needsFull = await db.transaction(async (tx) => {
    if (!(await takeLock(tx))) return false;
    const [state] = await queryRows<{ zone: string | null; deltas: number }>(
      tx,
      sql`SELECT (SELECT detail->>'timeZone' FROM job_runs WHERE name = 'heat_cells') AS zone,
            (SELECT count(*)::int FROM heat_cell_deltas) AS deltas`,
    );
    const deltas = Number(state?.deltas ?? 0);
    if (options.full || state?.zone !== timeZone || deltas > FULL_BUILD_DELTAS) return true;
    result.ran = true;
    result.mode = 'fold';
    result.deltas = deltas;
    if (deltas > 0) await foldHeatDeltas(tx, timeZone);
    await record(tx, result, started, timeZone);
    return false;
  });
  if (needsFull) {
    try {
      await db.transaction(
        async (tx) => {
          if (!(await takeLock(tx))) return;
          result.ran = true;
          result.mode = 'full';
          await buildAllHeatCells(tx, timeZone);
          await record(tx, result, started, timeZone);
        },
        { isolationLevel: 'repeatable read' },
      );
    } catch (error) {
      // A concurrent fold between the two transactions: the next run tries again.
      console.error(`[heat cells] full build skipped: ${error instanceof Error ? error.name : typeof error}`);
      result.ran = false;
    }
  }
  result.durationMs = Math.round(performance.now() - started);
  if (result.ran) setBuilt();
  return result;
}

/**
 * Whether heat requests may be answered from heat_cells (MAP_PREAGG as for the map cells: `auto`
 * uses them where the address cells are used, once they were built). The zoom is the caller's.
 */
export function canUseHeatCells(): boolean {
  if (!canUseMapCells(PREAGG_MIN_ZOOM)) return false;
  return process.env.MAP_PREAGG === 'always' || (globalThis as GlobalWithBuilt)[builtKey] === true;
}
