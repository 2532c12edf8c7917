import 'server-only';
// The SQL of map_cells upkeep (see map-cells.ts): a full build from worker_status, and the fold of
// the signed deltas that triggers on worker_status append (migration 0008_map_cells_delta).
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { gridForZoom } from './queries/grid';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Down to the world view: the coarse zooms are a handful of rows, and any bbox fits one of them.
export const PREAGG_MIN_ZOOM = 0;
export const PREAGG_MAX_ZOOM = 13;
// Cells are built for this reference latitude (the grid rounds the map centre to 5 degrees).
export const PREAGG_REF_LAT = 55;

const finest = () => gridForZoom(PREAGG_MAX_ZOOM, PREAGG_REF_LAT);

/**
 * Rebuilds every zoom from worker_status. Runs in one snapshot (repeatable read) together with
 * emptying the delta table, so a change is counted by exactly one of the two.
 */
export async function buildAllCells(tx: Tx): Promise<void> {
  const grid = finest();
  await tx.execute(sql`DELETE FROM map_cell_deltas`);
  await tx.execute(sql`DELETE FROM map_cells`);
  const finestCells = (lon: string, lat: string, kind: string, where: string) => sql`
    INSERT INTO map_cells (zoom, cx, cy, okrug, citizenship, kind, n_pending, n_active, n_interrupted,
      n_cancelled, n_ended, sum_lon, sum_lat, min_lon, min_lat, max_lon, max_lat)
    SELECT ${PREAGG_MAX_ZOOM}::smallint, floor(${sql.raw(lon)} / ${grid.cellLon}::float8)::int,
      floor(${sql.raw(lat)} / ${grid.cellLat}::float8)::int,
      COALESCE(okrug, ''), citizenship, ${sql.raw(kind)},
      count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'active'),
      count(*) FILTER (WHERE status = 'interrupted'), count(*) FILTER (WHERE status = 'cancelled'),
      count(*) FILTER (WHERE status = 'ended'),
      sum(${sql.raw(lon)}), sum(${sql.raw(lat)}), min(${sql.raw(lon)}), min(${sql.raw(lat)}),
      max(${sql.raw(lon)}), max(${sql.raw(lat)})
    FROM worker_status WHERE status <> 'none' AND ${sql.raw(lon)} IS NOT NULL AND ${sql.raw(lat)} IS NOT NULL
      AND ${sql.raw(where)}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  // Addresses (kind '') at the declared point; open lapses by kind at the last known fix.
  await tx.execute(finestCells('declared_lon', 'declared_lat', "''", 'TRUE'));
  await tx.execute(
    finestCells(
      'last_lon',
      'last_lat',
      'open_lapse_kind',
      'open_lapse_id IS NOT NULL AND open_lapse_kind IS NOT NULL',
    ),
  );
  // Grid cells nest exactly, so each coarser zoom is summed from the one below.
  for (let zoom = PREAGG_MAX_ZOOM - 1; zoom >= PREAGG_MIN_ZOOM; zoom--) {
    await tx.execute(sql`
      INSERT INTO map_cells (zoom, cx, cy, okrug, citizenship, kind, n_pending, n_active, n_interrupted,
        n_cancelled, n_ended, sum_lon, sum_lat, min_lon, min_lat, max_lon, max_lat)
      SELECT ${zoom}::smallint, floor(cx / 2.0)::int, floor(cy / 2.0)::int, okrug, citizenship, kind,
        sum(n_pending), sum(n_active), sum(n_interrupted), sum(n_cancelled), sum(n_ended),
        sum(sum_lon), sum(sum_lat), min(min_lon), min(min_lat), max(max_lon), max(max_lat)
      FROM map_cells WHERE zoom = ${zoom + 1}::smallint
      GROUP BY 1, 2, 3, 4, 5, 6`);
  }
}

/**
 * Folds the pending deltas into every zoom in one statement, then drops the cells left empty.
 * Counts and centroids stay exact; a cell's bounds only widen until it empties or the next full
 * build (a worker leaving a cell cannot narrow a min/max without a rescan).
 * Returns how many cell rows (over all zooms) it changed.
 */
export async function foldDeltas(tx: Tx): Promise<number> {
  const grid = finest();
  const statusSum = (s: string) => sql.raw(`sum(sign) FILTER (WHERE status = '${s}')`);
  const result: unknown = await tx.execute(sql`
    WITH d AS (DELETE FROM map_cell_deltas RETURNING *),
    fine AS (
      SELECT floor(lon / ${grid.cellLon}::float8)::int AS cx, floor(lat / ${grid.cellLat}::float8)::int AS cy,
        okrug, citizenship, kind,
        COALESCE(${statusSum('pending')}, 0) AS p, COALESCE(${statusSum('active')}, 0) AS a,
        COALESCE(${statusSum('interrupted')}, 0) AS i, COALESCE(${statusSum('cancelled')}, 0) AS c,
        COALESCE(${statusSum('ended')}, 0) AS e,
        sum(sign * lon) AS slon, sum(sign * lat) AS slat,
        min(lon) FILTER (WHERE sign > 0) AS minlon, min(lat) FILTER (WHERE sign > 0) AS minlat,
        max(lon) FILTER (WHERE sign > 0) AS maxlon, max(lat) FILTER (WHERE sign > 0) AS maxlat
      FROM d GROUP BY 1, 2, 3, 4, 5),
    levels AS (
      SELECT z::smallint AS zoom, floor(cx / power(2, ${PREAGG_MAX_ZOOM} - z))::int AS cx,
        floor(cy / power(2, ${PREAGG_MAX_ZOOM} - z))::int AS cy, okrug, citizenship, kind,
        sum(p)::int AS p, sum(a)::int AS a, sum(i)::int AS i, sum(c)::int AS c, sum(e)::int AS e,
        sum(slon) AS slon, sum(slat) AS slat,
        COALESCE(min(minlon), 'Infinity') AS minlon, COALESCE(min(minlat), 'Infinity') AS minlat,
        COALESCE(max(maxlon), '-Infinity') AS maxlon, COALESCE(max(maxlat), '-Infinity') AS maxlat
      FROM fine CROSS JOIN generate_series(${PREAGG_MIN_ZOOM}::int, ${PREAGG_MAX_ZOOM}::int) z
      GROUP BY 1, 2, 3, 4, 5, 6)
    INSERT INTO map_cells AS m (zoom, cx, cy, okrug, citizenship, kind, n_pending, n_active, n_interrupted,
      n_cancelled, n_ended, sum_lon, sum_lat, min_lon, min_lat, max_lon, max_lat)
    SELECT zoom, cx, cy, okrug, citizenship, kind, p, a, i, c, e, slon, slat, minlon, minlat, maxlon, maxlat
    FROM levels
    ON CONFLICT (zoom, cx, cy, okrug, citizenship, kind) DO UPDATE SET
      n_pending = m.n_pending + excluded.n_pending, n_active = m.n_active + excluded.n_active,
      n_interrupted = m.n_interrupted + excluded.n_interrupted,
      n_cancelled = m.n_cancelled + excluded.n_cancelled, n_ended = m.n_ended + excluded.n_ended,
      sum_lon = m.sum_lon + excluded.sum_lon, sum_lat = m.sum_lat + excluded.sum_lat,
      min_lon = LEAST(m.min_lon, excluded.min_lon), min_lat = LEAST(m.min_lat, excluded.min_lat),
      max_lon = GREATEST(m.max_lon, excluded.max_lon), max_lat = GREATEST(m.max_lat, excluded.max_lat)
    RETURNING 1`);
  await tx.execute(
    sql`DELETE FROM map_cells WHERE n_pending + n_active + n_interrupted + n_cancelled + n_ended <= 0`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}
