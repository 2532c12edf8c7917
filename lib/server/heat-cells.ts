import 'server-only';
// Keeps heat_cells, the pre-aggregated heat layer, in step with lapses, as map-cells.ts does for
// addresses: triggers append signed deltas, each run folds them into every zoom, and a full build
// runs the first time, after a large backlog, and when the region's time zone changed (a day is a
// local date). Runs right after the map cells in the same job; a lock makes one instance do it.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { loadRegionPack } from '@/lib/region/load-pack';
import { runCellsUpkeep } from './cells-upkeep-run';
import { recordJobRun } from './job-runs';
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

/** Another instance keeps the cells: learn whether they were ever built. */
export async function learnHeatCellsBuild(db: Pick<Db, 'execute'>): Promise<void> {
  const [run] = await queryRows<{ zone: string | null }>(
    db,
    sql`SELECT detail->>'timeZone' AS zone FROM job_runs WHERE name = 'heat_cells'`,
  );
  if (run?.zone) setBuilt();
}

/** Brings heat_cells up to date: folds the pending deltas, or rebuilds when that is cheaper or due. */
export async function refreshHeatCells(db: Db, options: { full?: boolean } = {}): Promise<HeatCellsBuild> {
  const started = performance.now();
  const timeZone = loadRegionPack().timezone;
  const run = await runCellsUpkeep(
    db,
    {
      label: 'heat cells',
      lockKey: HEAT_CELLS_LOCK,
      learn: learnHeatCellsBuild,
      fold: async (tx) => {
        const [state] = await queryRows<{ zone: string | null; deltas: number }>(
          tx,
          sql`SELECT (SELECT detail->>'timeZone' FROM job_runs WHERE name = 'heat_cells') AS zone,
                (SELECT count(*)::int FROM heat_cell_deltas) AS deltas`,
        );
        const deltas = Number(state?.deltas ?? 0);
        if (state?.zone !== timeZone || deltas > FULL_BUILD_DELTAS) return 'full';
        if (deltas > 0) await foldHeatDeltas(tx, timeZone);
        return deltas;
      },
      build: (tx: Tx) => buildAllHeatCells(tx, timeZone),
      record: (tx, state) =>
        recordJobRun(tx, 'heat_cells', performance.now() - started, { ...state, timeZone }),
    },
    options,
  );
  if (run.ran) setBuilt();
  return { ...run, durationMs: Math.round(performance.now() - started) };
}

/**
 * Whether heat requests may be answered from heat_cells (MAP_PREAGG as for the map cells: `auto`
 * uses them where the address cells are used, once they were built). The zoom is the caller's.
 */
export function canUseHeatCells(): boolean {
  if (!canUseMapCells(PREAGG_MIN_ZOOM)) return false;
  return process.env.MAP_PREAGG === 'always' || (globalThis as GlobalWithBuilt)[builtKey] === true;
}
