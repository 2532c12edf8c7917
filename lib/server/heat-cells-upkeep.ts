import 'server-only';
// The SQL of heat_cells upkeep (see heat-cells.ts): a full build from lapses, and the fold of the
// signed deltas that triggers on lapses append (migration 0014_heat_cells). A lapse's day is its
// start's date in the region's time zone; its cell is the heat grid's at the reference latitude.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { CITIZENSHIPS, LAPSE_KINDS } from '@/lib/domain/types';
import { gridForZoom } from './queries/grid';
import { PREAGG_MIN_ZOOM, PREAGG_REF_LAT } from './map-cells-upkeep';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Cells of the heat layer are half as wide as cluster cells (lib/server/queries/clusters-heat.ts). */
export const HEAT_PIXELS = 32;
export const HEAT_MIN_ZOOM = PREAGG_MIN_ZOOM;
// Three zooms finer than the address cells: a street view of the centre holds thousands of lapses a
// week, too many to group live within budget; above this zoom a viewport holds few.
export const HEAT_MAX_ZOOM = 16;
/**
 * Up to this zoom each cell and day also has a row summed over every okrug (okrug ALL_OKRUGS), read
 * when the caller sees every okrug: a lapse's okrug is its worker's, so a city cell mixes them all.
 * Finer cells hold one or two okrugs, and the extra row would not save reading.
 */
export const ALL_OKRUGS_MAX_ZOOM = 13;
export const ALL_OKRUGS = '*';

export const heatGrid = (zoom: number) => gridForZoom(zoom, PREAGG_REF_LAT, HEAT_PIXELS);

export const kindColumn = (kind: string) => `n_${kind}`;
export const citizenshipColumn = (code: string) => `n_${code.toLowerCase()}`;
const COUNT_COLUMNS = [
  'n',
  ...LAPSE_KINDS.map(kindColumn),
  ...CITIZENSHIPS.map(citizenshipColumn),
  'sum_lon',
  'sum_lat',
];
const columnList = sql.raw(COUNT_COLUMNS.join(', '));

/** The counts of one cell from rows carrying kind, citizenship, lon, lat and a weight. */
function countsOf(weight: SQL): SQL {
  const parts = [
    sql`sum(${weight})::int`,
    ...LAPSE_KINDS.map((k) => sql`COALESCE(sum(${weight}) FILTER (WHERE kind = ${k}), 0)::int`),
    ...CITIZENSHIPS.map((c) => sql`COALESCE(sum(${weight}) FILTER (WHERE citizenship = ${c}), 0)::int`),
    sql`sum(${weight} * lon)`,
    sql`sum(${weight} * lat)`,
  ];
  return sql.join(parts, sql`, `);
}

const summed = sql.raw(
  COUNT_COLUMNS.map((c) => `sum(${c})${c.startsWith('sum_') ? '' : '::int'} AS ${c}`).join(', '),
);

/**
 * Rebuilds every zoom from lapses. Runs in one snapshot (repeatable read) together with emptying the
 * delta table, so a change is counted by exactly one of the two.
 */
export async function buildAllHeatCells(tx: Tx, timeZone: string): Promise<void> {
  const grid = heatGrid(HEAT_MAX_ZOOM);
  await tx.execute(sql`DELETE FROM heat_cell_deltas`);
  await tx.execute(sql`DELETE FROM heat_cells`);
  await tx.execute(sql`
    INSERT INTO heat_cells (day, zoom, cx, cy, okrug, ${columnList})
    SELECT (started_at AT TIME ZONE ${timeZone})::date, ${HEAT_MAX_ZOOM}::smallint,
      floor(lon / ${grid.cellLon}::float8)::int, floor(lat / ${grid.cellLat}::float8)::int, okrug,
      ${countsOf(sql`1`)}
    FROM (SELECT started_at, last_fix_lon AS lon, last_fix_lat AS lat, COALESCE(okrug, '') AS okrug, kind, citizenship
          FROM lapses WHERE voided_at IS NULL AND last_fix_lon IS NOT NULL AND last_fix_lat IS NOT NULL) l
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 3, 4, 1`);
  // Grid cells nest exactly, so each coarser zoom is summed from the one below. Written in index
  // order, so that a viewport's rows lie on few pages.
  for (let zoom = HEAT_MAX_ZOOM - 1; zoom >= HEAT_MIN_ZOOM; zoom--) {
    await tx.execute(sql`
      INSERT INTO heat_cells (day, zoom, cx, cy, okrug, ${columnList})
      SELECT day, ${zoom}::smallint, floor(cx / 2.0)::int, floor(cy / 2.0)::int, okrug, ${summed}
      FROM heat_cells WHERE zoom = ${zoom + 1}::smallint AND okrug <> ${ALL_OKRUGS}
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 3, 4, 1`);
  }
  await tx.execute(sql`
    INSERT INTO heat_cells (day, zoom, cx, cy, okrug, ${columnList})
    SELECT day, zoom, cx, cy, ${ALL_OKRUGS}, ${summed}
    FROM heat_cells WHERE zoom <= ${ALL_OKRUGS_MAX_ZOOM}::smallint
    GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4, 1`);
}

/** Folds the pending deltas into every zoom in one statement, then drops the cells left empty. */
export async function foldHeatDeltas(tx: Tx, timeZone: string): Promise<void> {
  const grid = heatGrid(HEAT_MAX_ZOOM);
  const set = sql.raw(COUNT_COLUMNS.map((c) => `${c} = h.${c} + excluded.${c}`).join(', '));
  await tx.execute(sql`
    WITH d AS (DELETE FROM heat_cell_deltas RETURNING *),
    fine AS (
      SELECT (started_at AT TIME ZONE ${timeZone})::date AS day, floor(lon / ${grid.cellLon}::float8)::int AS cx,
        floor(lat / ${grid.cellLat}::float8)::int AS cy, okrug, ${countsOf(sql`sign`)}
      FROM d GROUP BY 1, 2, 3, 4),
    fine_named AS (SELECT * FROM fine AS f (day, cx, cy, okrug, ${columnList})),
    lifted AS (
      SELECT day, z::smallint AS zoom, floor(cx / power(2, ${HEAT_MAX_ZOOM} - z))::int AS lcx,
        floor(cy / power(2, ${HEAT_MAX_ZOOM} - z))::int AS lcy, okrug, ${columnList}
      FROM fine_named CROSS JOIN generate_series(${HEAT_MIN_ZOOM}::int, ${HEAT_MAX_ZOOM}::int) z),
    levels AS (
      SELECT day, zoom, lcx AS cx, lcy AS cy, okrug, ${summed} FROM lifted
      GROUP BY GROUPING SETS ((day, zoom, lcx, lcy, okrug), (day, zoom, lcx, lcy)))
    INSERT INTO heat_cells AS h (day, zoom, cx, cy, okrug, ${columnList})
    SELECT day, zoom, cx, cy, COALESCE(okrug, ${ALL_OKRUGS}), ${columnList} FROM levels
    WHERE okrug IS NOT NULL OR zoom <= ${ALL_OKRUGS_MAX_ZOOM}::smallint
    ON CONFLICT (zoom, cx, cy, day, okrug) DO UPDATE SET ${set}`);
  await tx.execute(sql`DELETE FROM heat_cells WHERE n <= 0`);
}
