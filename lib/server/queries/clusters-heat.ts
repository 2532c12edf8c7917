// The heat layer: lapses that started in the period, counted per cell at their last known fix.
// Whole local days come from heat_cells (lib/server/heat-cells.ts) up to zoom 13; the partial days
// at the window's edges, street zooms above it, a filter on both kind and citizenship, and a server
// whose cells were never built are answered live from lapses.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { ClustersParams, ClustersResponse } from '@/lib/api/map';
import { CITIZENSHIPS, LAPSE_KINDS } from '@/lib/domain/types';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter, scopeOkrugs } from '../scope';
import { canUseHeatCells } from '../heat-cells';
import {
  ALL_OKRUGS,
  ALL_OKRUGS_MAX_ZOOM,
  citizenshipColumn,
  HEAT_MAX_ZOOM,
  HEAT_PIXELS,
  kindColumn,
} from '../heat-cells-upkeep';
import { PREAGG_REF_LAT } from '../map-cells';
import { type Grid, gridForZoom, roundCoord } from './grid';
import { toNumber } from './values';
import { FEATURE_BUDGET, fitGridZoom, MAX_GRID_CELLS, rollUpCells } from './cluster-budget';
import { type Range, resolveWindow } from './heat-window';

interface HeatRow extends Record<string, unknown> {
  cx: number;
  cy: number;
  n: number;
  lon: number;
  lat: number;
}

/**
 * Grid cells a live viewport above the cells' zooms may span: a 1,600 × 900 screen shows 1,400 heat
 * cells; a larger box is coarsened to the cells' finest zoom, so no live query reads a city centre.
 */
const LIVE_MAX_CELLS = 1_500;

/** The live lapses of [from, to) in the viewport, one row each: cx, cy, n, slon, slat, m. */
function liveLapses(officer: OfficerContext, p: ClustersParams, grid: Grid, range: Range, area: SQL): SQL {
  return sql`SELECT floor(l.last_fix_lon / ${grid.cellLon}::float8)::int AS cx, floor(l.last_fix_lat / ${grid.cellLat}::float8)::int AS cy,
      1 AS n, l.last_fix_lon AS slon, l.last_fix_lat AS slat, 1 AS m
    FROM lapses l
    WHERE l.voided_at IS NULL AND l.started_at >= ${range.from}
      AND ${range.to === null ? sql`TRUE` : sql`l.started_at < ${range.to}`} AND ${area}
      AND ${okrugFilter(officer, sql`l.okrug`, p.okrug)}
      AND ${anyOf(sql`l.kind`, p.kind)} AND ${anyOf(sql`l.citizenship`, p.citizenship)}`;
}

/** Lapses inside [west, east] × [south, north] (lapses_fix_position_idx). */
function inBox(west: number, south: number, east: number, north: number): SQL {
  return sql`l.last_fix_lon BETWEEN ${west}::float8 AND ${east}::float8 AND l.last_fix_lat BETWEEN ${south}::float8 AND ${north}::float8`;
}

/** The count a filter on kind or citizenship selects from a heat_cells row. */
function cellCount(p: ClustersParams): SQL {
  if (p.kind?.length)
    return sql.raw(
      LAPSE_KINDS.filter((k) => p.kind?.includes(k))
        .map(kindColumn)
        .join(' + ') || '0',
    );
  if (p.citizenship?.length)
    return sql.raw(
      CITIZENSHIPS.filter((c) => p.citizenship?.includes(c))
        .map(citizenshipColumn)
        .join(' + ') || '0',
    );
  return sql.raw('n');
}

/** Every okrug: the summed row where there is one; else the okrug rows in the caller's scope. */
function okrugs(officer: OfficerContext, p: ClustersParams, zoom: number): SQL {
  const all = scopeOkrugs(officer) === null && !p.okrug?.length;
  if (all && zoom <= ALL_OKRUGS_MAX_ZOOM) return sql`okrug = ${ALL_OKRUGS}`;
  // ALL_OKRUGS is no okrug id, so a list of okrugs never matches the summed rows.
  return all ? sql`okrug <> ${ALL_OKRUGS}` : okrugFilter(officer, sql`NULLIF(okrug, '')`, p.okrug);
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

async function fromCells(
  db: Db,
  officer: OfficerContext,
  p: ClustersParams,
  zoom: number,
  grid: Grid,
): Promise<HeatRow[]> {
  const window = await resolveWindow(db, p);
  const { west, south, east, north } = p.bbox;
  const [cx0, cx1] = [Math.floor(west / grid.cellLon), Math.floor(east / grid.cellLon)];
  const [cy0, cy1] = [Math.floor(south / grid.cellLat), Math.floor(north / grid.cellLat)];
  const parts: SQL[] = [];
  if (window.days) {
    const { first, last } = window.days;
    // A cell's centroid is that of all its lapses: inside one cell, close enough for a heat spot.
    parts.push(sql`SELECT cx, cy, ${cellCount(p)} AS n, sum_lon AS slon, sum_lat AS slat, n AS m FROM heat_cells
      WHERE zoom = ${zoom}::smallint AND cx = ANY(${sql.raw(`'{${range(cx0, cx1).join(',')}}'`)}::int[])
        AND cy BETWEEN ${cy0}::int AND ${cy1}::int AND day >= ${first}
        AND ${last === null ? sql`TRUE` : sql`day <= ${last}`}
        AND ${okrugs(officer, p, zoom)}`);
  }
  // The edges are read on the cells' grid, over the whole cells the viewport touches, like the cells.
  const eps = 1e-9;
  const cellArea = sql`${inBox(cx0 * grid.cellLon - eps, cy0 * grid.cellLat - eps, (cx1 + 1) * grid.cellLon + eps, (cy1 + 1) * grid.cellLat + eps)}
    AND floor(l.last_fix_lon / ${grid.cellLon}::float8)::int BETWEEN ${cx0}::int AND ${cx1}::int
    AND floor(l.last_fix_lat / ${grid.cellLat}::float8)::int BETWEEN ${cy0}::int AND ${cy1}::int`;
  for (const edge of window.edges) parts.push(liveLapses(officer, p, grid, edge, cellArea));
  if (parts.length === 0) return [];
  return queryRows<HeatRow>(
    db,
    sql`SELECT cx, cy, sum(n)::int AS n, sum(slon) / NULLIF(sum(m), 0) AS lon, sum(slat) / NULLIF(sum(m), 0) AS lat
      FROM (${sql.join(parts, sql` UNION ALL `)}) parts
      GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY n DESC LIMIT ${MAX_GRID_CELLS * 2}`,
  );
}

async function live(db: Db, officer: OfficerContext, p: ClustersParams, grid: Grid): Promise<HeatRow[]> {
  const { whole } = await resolveWindow(db, p);
  const { west, south, east, north } = p.bbox;
  return queryRows<HeatRow>(
    db,
    sql`SELECT cx, cy, count(*)::int AS n, avg(slon) AS lon, avg(slat) AS lat
      FROM (${liveLapses(officer, p, grid, whole, inBox(west, south, east, north))}) l
      GROUP BY 1, 2 ORDER BY n DESC LIMIT ${MAX_GRID_CELLS * 2}`,
  );
}

function pickZoom(p: ClustersParams, cells: boolean): { zoom: number; gridLat: number; fromCells: boolean } {
  const centerLat = (p.bbox.south + p.bbox.north) / 2;
  if (!cells)
    return {
      zoom: fitGridZoom(p.bbox, p.zoom, centerLat, HEAT_PIXELS),
      gridLat: centerLat,
      fromCells: false,
    };
  // The cells use the reference latitude's grid; they serve any map centre.
  let zoom = fitGridZoom(p.bbox, p.zoom, PREAGG_REF_LAT, HEAT_PIXELS);
  if (zoom > HEAT_MAX_ZOOM)
    zoom = Math.max(HEAT_MAX_ZOOM, fitGridZoom(p.bbox, p.zoom, PREAGG_REF_LAT, HEAT_PIXELS, LIVE_MAX_CELLS));
  return { zoom, gridLat: PREAGG_REF_LAT, fromCells: zoom <= HEAT_MAX_ZOOM };
}

export async function heatLayer(
  db: Db,
  officer: OfficerContext,
  p: ClustersParams,
): Promise<ClustersResponse> {
  const cells = !(p.kind?.length && p.citizenship?.length) && canUseHeatCells();
  const { zoom, gridLat, fromCells: useCells } = pickZoom(p, cells);
  const grid = gridForZoom(zoom, gridLat, HEAT_PIXELS);
  const rows = useCells ? await fromCells(db, officer, p, zoom, grid) : await live(db, officer, p, grid);
  const fitted = rollUpCells(rows, zoom, FEATURE_BUDGET.heat);
  const kept = fitted.cells.sort((a, b) => b.n - a.n).slice(0, FEATURE_BUDGET.heat);
  const max = kept.reduce((m, r) => Math.max(m, toNumber(r.n)), 0);
  return {
    type: 'FeatureCollection',
    layer: 'heat',
    zoom: p.zoom,
    cellDegrees: gridForZoom(fitted.zoom, gridLat, HEAT_PIXELS).cellLon,
    features: kept.map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundCoord(toNumber(r.lon)), roundCoord(toNumber(r.lat))] },
      properties: {
        heat: true,
        count: toNumber(r.n),
        weight: max ? Math.round((toNumber(r.n) / max) * 1000) / 1000 : 0,
      },
    })),
    total: kept.reduce((sum, r) => sum + toNumber(r.n), 0),
    truncated: rows.length >= MAX_GRID_CELLS * 2 || fitted.cells.length > FEATURE_BUDGET.heat,
  };
}
