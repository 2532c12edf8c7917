import 'server-only';
// Keeps map_cells, the pre-aggregated address clusters, in step with worker_status. Rebuilt as a
// whole on a timer (one scan of worker_status for the finest zoom, then each coarser zoom from the
// one below, as grid cells nest exactly), under a lock so one instance does it at a time.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { gridForZoom } from './queries/grid';

const MAP_CELLS_LOCK = 7_300_020;
export const PREAGG_MIN_ZOOM = 5;
export const PREAGG_MAX_ZOOM = 13;
// Cells are built for this reference latitude (the grid rounds the map centre to 5 degrees).
export const PREAGG_REF_LAT = 55;
// Below this many workers a live GROUP BY is as fast and exactly current.
const AUTO_MIN_WORKERS = 50_000;

let lastBuild: { workers: number; at: number } | null = null;

export interface MapCellsBuild {
  ran: boolean;
  workers: number;
  rows: number;
  durationMs: number;
}

/** Another instance builds the cells: learn the size of its last build for canUseMapCells. */
export async function learnMapCellsBuild(db: Db): Promise<void> {
  const [run] = await queryRows<{ workers: number | null }>(
    db,
    sql`SELECT (detail->>'workers')::int AS workers FROM job_runs WHERE name = 'map_cells'`,
  );
  if (run?.workers != null) lastBuild = { workers: Number(run.workers), at: Date.now() };
}

export async function refreshMapCells(db: Db): Promise<MapCellsBuild> {
  const started = performance.now();
  const result: MapCellsBuild = { ran: false, workers: 0, rows: 0, durationMs: 0 };
  await db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${MAP_CELLS_LOCK}) AS ok`,
    );
    if (!lock?.ok) {
      await learnMapCellsBuild(tx);
      return;
    }
    result.ran = true;
    await tx.execute(sql`DELETE FROM map_cells`);
    const finest = gridForZoom(PREAGG_MAX_ZOOM, PREAGG_REF_LAT);
    await tx.execute(sql`
      INSERT INTO map_cells
      SELECT ${PREAGG_MAX_ZOOM}::smallint, floor(declared_lon / ${finest.cellLon}::float8)::int,
        floor(declared_lat / ${finest.cellLat}::float8)::int,
        COALESCE(okrug, ''), citizenship,
        count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'active'),
        count(*) FILTER (WHERE status = 'interrupted'), count(*) FILTER (WHERE status = 'cancelled'),
        count(*) FILTER (WHERE status = 'ended'),
        sum(declared_lon), sum(declared_lat), min(declared_lon), min(declared_lat), max(declared_lon), max(declared_lat)
      FROM worker_status WHERE status <> 'none' AND declared_lon IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5`);
    for (let zoom = PREAGG_MAX_ZOOM - 1; zoom >= PREAGG_MIN_ZOOM; zoom--) {
      await tx.execute(sql`
        INSERT INTO map_cells
        SELECT ${zoom}::smallint, floor(cx / 2.0)::int, floor(cy / 2.0)::int, okrug, citizenship,
          sum(n_pending), sum(n_active), sum(n_interrupted), sum(n_cancelled), sum(n_ended),
          sum(sum_lon), sum(sum_lat), min(min_lon), min(min_lat), max(max_lon), max(max_lat)
        FROM map_cells WHERE zoom = ${zoom + 1}::smallint
        GROUP BY 1, 2, 3, 4, 5`);
    }
    const [counts] = await queryRows<{ workers: number; rows: number }>(
      tx,
      sql`SELECT COALESCE(sum(n_pending + n_active + n_interrupted + n_cancelled + n_ended) FILTER (WHERE zoom = ${PREAGG_MAX_ZOOM}::smallint), 0)::int AS workers,
            count(*)::int AS rows FROM map_cells`,
    );
    result.workers = Number(counts?.workers ?? 0);
    result.rows = Number(counts?.rows ?? 0);
    await tx.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
      VALUES ('map_cells', now(), ${Math.round(performance.now() - started)}, ${JSON.stringify(result)}::jsonb)
      ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at,
        last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
  });
  result.durationMs = Math.round(performance.now() - started);
  if (result.ran) lastBuild = { workers: result.workers, at: Date.now() };
  return result;
}

/** Whether a cluster request may be answered from map_cells (MAP_PREAGG=always|never|auto). */
export function canUseMapCells(zoom: number, centerLat: number): boolean {
  const mode = process.env.MAP_PREAGG ?? 'auto';
  if (mode === 'never') return false;
  const z = Math.floor(zoom);
  if (z < PREAGG_MIN_ZOOM || z > PREAGG_MAX_ZOOM) return false;
  if (Math.round(centerLat / 5) * 5 !== PREAGG_REF_LAT) return false;
  if (mode === 'always') return true;
  return lastBuild !== null && lastBuild.workers >= AUTO_MIN_WORKERS;
}
