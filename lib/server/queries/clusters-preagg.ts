// Address and open-lapse clusters answered from map_cells (see lib/server/map-cells.ts): kind ''
// rows are addresses, the others workers with an open lapse of that kind at their last fix. Same
// cell grid and the same row shape as the live GROUP BY in clusters.ts, so the two are interchangeable.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { ClustersParams } from '@/lib/api/map';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter } from '../scope';
import type { CellRow } from './clusters';
import type { Grid } from './grid';
import { MAX_GRID_CELLS } from './cluster-budget';

const STATUSES = ['pending', 'active', 'interrupted', 'cancelled', 'ended'] as const;
const KINDS = ['signal_lost', 'location_disabled', 'device_off', 'mock_location', 'left_region'] as const;

export async function clusterFromCells(
  db: Db,
  officer: OfficerContext,
  p: ClustersParams,
  zoom: number,
  grid: Grid,
): Promise<CellRow[]> {
  const selected = STATUSES.filter((s) => !p.status?.length || p.status.includes(s));
  const statusSum = (s: string) => (selected.some((x) => x === s) ? sql.raw(`sum(n_${s})`) : sql.raw('0'));
  const total = sql.raw(selected.length ? selected.map((s) => `n_${s}`).join(' + ') : '0');
  const { west, south, east, north } = p.bbox;
  const lapses = p.layer === 'lapses';
  const layerFilter = lapses ? sql`kind <> '' AND ${anyOf(sql`kind`, p.kind)}` : sql`kind = ''`;
  const kindCols = lapses
    ? KINDS.map(
        (k) => sql`, COALESCE(sum(${total}) FILTER (WHERE kind = ${k}), 0)::int AS ${sql.raw(`k_${k}`)}`,
      )
    : [];
  // Cells overlapping the viewport; members outside it are few and keep clusters stable on pan.
  return queryRows<CellRow>(
    db,
    sql`SELECT cx, cy, sum(${total})::int AS n,
          ${sql.join(
            STATUSES.map((s) => sql`${statusSum(s)}::int AS ${sql.raw(`s_${s}`)}`),
            sql`, `,
          )} ${sql.join(kindCols, sql``)},
          sum(sum_lon) / NULLIF(sum(n_pending + n_active + n_interrupted + n_cancelled + n_ended), 0) AS lon,
          sum(sum_lat) / NULLIF(sum(n_pending + n_active + n_interrupted + n_cancelled + n_ended), 0) AS lat,
          min(min_lon) AS min_lon, min(min_lat) AS min_lat, max(max_lon) AS max_lon, max(max_lat) AS max_lat,
          NULL::text AS wid, NULL::text AS st, NULL::text AS kind, NULL::text AS lid
        FROM map_cells
        WHERE zoom = ${zoom}::smallint
          AND cx BETWEEN ${Math.floor(west / grid.cellLon)}::int AND ${Math.floor(east / grid.cellLon)}::int
          AND cy BETWEEN ${Math.floor(south / grid.cellLat)}::int AND ${Math.floor(north / grid.cellLat)}::int
          AND ${okrugFilter(officer, sql`NULLIF(okrug, '')`, p.okrug)} AND ${anyOf(sql`citizenship`, p.citizenship)}
          AND ${layerFilter}
        GROUP BY 1, 2 HAVING sum(${total}) > 0 ORDER BY n DESC LIMIT ${MAX_GRID_CELLS * 2}`,
  );
}
