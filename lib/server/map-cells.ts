import 'server-only';
// Keeps map_cells, the pre-aggregated address clusters, in step with worker_status. Triggers on
// worker_status append signed deltas for every change that moves a worker on the map; each run
// folds them into every zoom (cost follows the number of changes, not the population). A full
// build from worker_status runs the first time, after a large backlog (a bulk load) and every few
// hours to tighten cell bounds. A lock makes one instance do it at a time.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { runCellsUpkeep } from './cells-upkeep-run';
import { recordJobRun } from './job-runs';
import {
  buildAllCells,
  foldDeltas,
  PREAGG_MAX_ZOOM,
  PREAGG_MIN_ZOOM,
  PREAGG_REF_LAT,
} from './map-cells-upkeep';

export { PREAGG_MAX_ZOOM, PREAGG_MIN_ZOOM, PREAGG_REF_LAT };

const MAP_CELLS_LOCK = 7_300_020;
// Below this many workers a live GROUP BY is as fast and exactly current.
const AUTO_MIN_WORKERS = 50_000;
// Past this many pending deltas one scan of worker_status is cheaper than folding them.
const FULL_BUILD_DELTAS = Number(process.env.MAP_CELLS_FULL_DELTAS ?? 200_000);
const FULL_BUILD_EVERY_MS = Number(process.env.MAP_CELLS_FULL_EVERY_MS ?? 6 * 3_600_000);

// On globalThis: Next bundles instrumentation (where the job runs) and each route separately, so a
// module-level variable set by the job was never seen by the clusters route.
const lastBuildKey = Symbol.for('regwatch.mapCells.lastBuild');
type LastBuild = { workers: number; at: number } | null;
type GlobalWithBuild = typeof globalThis & { [lastBuildKey]?: LastBuild };
const readLastBuild = (): LastBuild => (globalThis as GlobalWithBuild)[lastBuildKey] ?? null;
function setLastBuild(build: LastBuild): void {
  (globalThis as GlobalWithBuild)[lastBuildKey] = build;
}

export interface MapCellsBuild {
  ran: boolean;
  mode: 'full' | 'fold' | null;
  /** Deltas folded (fold) or 0 (full build). */
  deltas: number;
  workers: number;
  rows: number;
  durationMs: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Another instance builds the cells: learn the size of its last build for canUseMapCells. */
export async function learnMapCellsBuild(db: Pick<Db, 'execute'>): Promise<void> {
  const [run] = await queryRows<{ workers: number | null }>(
    db,
    sql`SELECT (detail->>'workers')::int AS workers FROM job_runs WHERE name = 'map_cells'`,
  );
  if (run?.workers != null) setLastBuild({ workers: Number(run.workers), at: Date.now() });
}

async function record(tx: Tx, result: MapCellsBuild, started: number, fullAt: string | null): Promise<void> {
  const [counts] = await queryRows<{ workers: number; rows: number }>(
    tx,
    sql`SELECT COALESCE(sum(n_pending + n_active + n_interrupted + n_cancelled + n_ended)
              FILTER (WHERE zoom = ${PREAGG_MIN_ZOOM}::smallint AND kind = ''), 0)::int AS workers,
            count(*)::int AS rows FROM map_cells`,
  );
  result.workers = Number(counts?.workers ?? 0);
  result.rows = Number(counts?.rows ?? 0);
  const detail = { ...result, durationMs: undefined, fullAt: fullAt ?? new Date().toISOString() };
  await recordJobRun(tx, 'map_cells', performance.now() - started, detail);
}

/** Brings map_cells up to date: folds the pending deltas, or rebuilds when that is cheaper or due. */
export async function refreshMapCells(db: Db, options: { full?: boolean } = {}): Promise<MapCellsBuild> {
  const started = performance.now();
  const result: MapCellsBuild = { ran: false, mode: null, deltas: 0, workers: 0, rows: 0, durationMs: 0 };
  let fullAt: string | null = null;
  const run = await runCellsUpkeep(
    db,
    {
      label: 'map cells',
      lockKey: MAP_CELLS_LOCK,
      learn: learnMapCellsBuild,
      fold: async (tx) => {
        const [state] = await queryRows<{ full_at: string | null; deltas: number }>(
          tx,
          sql`SELECT (SELECT detail->>'fullAt' FROM job_runs WHERE name = 'map_cells') AS full_at,
                (SELECT count(*)::int FROM map_cell_deltas) AS deltas`,
        );
        fullAt = state?.full_at ?? null;
        const deltas = Number(state?.deltas ?? 0);
        const due = !fullAt || Date.now() - Date.parse(fullAt) > FULL_BUILD_EVERY_MS;
        if (due || deltas > FULL_BUILD_DELTAS) return 'full';
        await foldDeltas(tx);
        return deltas;
      },
      build: buildAllCells,
      record: (tx, run) => {
        Object.assign(result, run);
        return record(tx, result, started, run.mode === 'fold' ? fullAt : null);
      },
    },
    options,
  );
  Object.assign(result, run);
  result.durationMs = Math.round(performance.now() - started);
  if (result.ran) setLastBuild({ workers: result.workers, at: Date.now() });
  return result;
}

/**
 * Whether a cluster request at this grid zoom may be answered from map_cells
 * (MAP_PREAGG=always|never|auto). Any map centre: the cells use the reference latitude's grid.
 */
export function canUseMapCells(zoom: number): boolean {
  const mode = process.env.MAP_PREAGG ?? 'auto';
  if (mode === 'never') return false;
  const z = Math.floor(zoom);
  if (z < PREAGG_MIN_ZOOM || z > PREAGG_MAX_ZOOM) return false;
  if (mode === 'always') return true;
  const lastBuild = readLastBuild();
  return lastBuild !== null && lastBuild.workers >= AUTO_MIN_WORKERS;
}
