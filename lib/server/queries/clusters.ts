// Map clusters computed in SQL for one viewport. No names, documents or addresses, but at high zoom
// single points carry a worker id at the worker's home (or last) position: the route audits those
// ids (pointWorkerIds) on every answer that has any.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, workerStatusSchema } from '@/lib/api/enums';
import type { ClusterFeature, ClustersParams, ClustersResponse } from '@/lib/api/map';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter } from '../scope';
import { type Grid, gridForZoom, roundCoord, SINGLES_ZOOM } from './grid';
import { toNumber } from './values';
import { clusterFromCells } from './clusters-preagg';
import { FEATURE_BUDGET, fitGridZoom, MAX_GRID_CELLS, rollUpCells } from './cluster-budget';
import { canUseMapCells, PREAGG_REF_LAT } from '../map-cells';
import { heatLayer } from './clusters-heat';

const STATUSES = ['pending', 'active', 'interrupted', 'cancelled', 'ended'] as const;
const KINDS = ['signal_lost', 'location_disabled', 'device_off', 'mock_location', 'left_region'] as const;

interface Source {
  lon: SQL;
  lat: SQL;
  where: SQL;
}

function workerSource(officer: OfficerContext, p: ClustersParams): Source {
  const lapses = p.layer === 'lapses';
  const lon = lapses ? sql`last_lon` : sql`declared_lon`;
  const lat = lapses ? sql`last_lat` : sql`declared_lat`;
  const { west, south, east, north } = p.bbox;
  return {
    lon,
    lat,
    where: sql.join(
      [
        sql`${lon} BETWEEN ${west} AND ${east} AND ${lat} BETWEEN ${south} AND ${north}`,
        lapses ? sql`open_lapse_id IS NOT NULL` : sql`status <> 'none'`,
        okrugFilter(officer, sql`okrug`, p.okrug),
        anyOf(sql`status`, p.status),
        anyOf(sql`citizenship`, p.citizenship),
        lapses ? anyOf(sql`open_lapse_kind`, p.kind) : sql`TRUE`,
      ],
      sql` AND `,
    ),
  };
}

export interface CellRow extends Record<string, unknown> {
  cx: number;
  cy: number;
  n: number;
  lon: number;
  lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  wid: string | null;
  st: string | null;
  kind: string | null;
  lid: string | null;
}

function point(lon: unknown, lat: unknown) {
  return {
    type: 'Point' as const,
    coordinates: [roundCoord(toNumber(lon)), roundCoord(toNumber(lat))] as [number, number],
  };
}

function singleFeature(
  lon: unknown,
  lat: unknown,
  wid: string,
  st: unknown,
  kind: unknown,
  lid: string | null,
): ClusterFeature {
  return {
    type: 'Feature',
    geometry: point(lon, lat),
    properties: {
      cluster: false,
      workerId: wid,
      status: workerStatusSchema.parse(st),
      openLapseKind: lapseKindSchema.nullable().parse(kind ?? null),
      lapseId: lid,
    },
  };
}

async function clusterWorkers(db: Db, source: Source, grid: Grid, withKinds: boolean): Promise<CellRow[]> {
  const statusCols = STATUSES.map(
    (s) => sql`count(*) FILTER (WHERE status = ${s})::int AS ${sql.raw(`s_${s}`)}`,
  );
  const kindCols = withKinds
    ? KINDS.map((k) => sql`, count(*) FILTER (WHERE open_lapse_kind = ${k})::int AS ${sql.raw(`k_${k}`)}`)
    : [];
  return queryRows<CellRow>(
    db,
    sql`SELECT floor(${source.lon} / ${grid.cellLon})::int AS cx, floor(${source.lat} / ${grid.cellLat})::int AS cy,
          count(*)::int AS n, ${sql.join(statusCols, sql`, `)} ${sql.join(kindCols, sql``)},
          avg(${source.lon}) AS lon, avg(${source.lat}) AS lat, min(${source.lon}) AS min_lon, min(${source.lat}) AS min_lat,
          max(${source.lon}) AS max_lon, max(${source.lat}) AS max_lat, min(worker_id::text) AS wid, min(status) AS st,
          min(open_lapse_kind) AS kind, min(open_lapse_id::text) AS lid
        FROM worker_status WHERE ${source.where}
        GROUP BY 1, 2 ORDER BY n DESC LIMIT ${MAX_GRID_CELLS * 2}`,
  );
}

function cellToFeature(row: CellRow, withKinds: boolean): ClusterFeature {
  if (toNumber(row.n) === 1 && row.wid)
    return singleFeature(row.lon, row.lat, row.wid, row.st, row.kind, row.lid);
  const counts = { pending: 0, active: 0, interrupted: 0, cancelled: 0, ended: 0 };
  for (const s of STATUSES) counts[s] = toNumber(row[`s_${s}`] ?? 0);
  const kinds: Record<string, number> = {};
  if (withKinds) for (const k of KINDS) kinds[k] = toNumber(row[`k_${k}`] ?? 0);
  return {
    type: 'Feature',
    geometry: point(row.lon, row.lat),
    properties: {
      cluster: true,
      count: toNumber(row.n),
      counts,
      bbox: [
        roundCoord(toNumber(row.min_lon)),
        roundCoord(toNumber(row.min_lat)),
        roundCoord(toNumber(row.max_lon)),
        roundCoord(toNumber(row.max_lat)),
      ],
      ...(withKinds ? { kinds } : {}),
    },
  };
}

async function workerLayer(db: Db, officer: OfficerContext, p: ClustersParams): Promise<ClustersResponse> {
  const source = workerSource(officer, p);
  const withKinds = p.layer === 'lapses';
  const centerLat = (p.bbox.south + p.bbox.north) / 2;
  if (p.zoom >= SINGLES_ZOOM) {
    const rows = await queryRows<{
      worker_id: string;
      lon: number;
      lat: number;
      status: string;
      kind: string | null;
      lid: string | null;
    }>(
      db,
      sql`SELECT worker_id, ${source.lon} AS lon, ${source.lat} AS lat, status, open_lapse_kind AS kind, open_lapse_id::text AS lid
          FROM worker_status WHERE ${source.where} LIMIT ${FEATURE_BUDGET.points + 1}`,
    );
    if (rows.length <= FEATURE_BUDGET.points) {
      const features = rows.map((r) => singleFeature(r.lon, r.lat, r.worker_id, r.status, r.kind, r.lid));
      const grid = gridForZoom(p.zoom, centerLat);
      return { ...layerBase(p, grid), features, total: rows.length, truncated: false };
    }
  }
  // The pre-aggregated cells are built on the grid of the region's reference latitude; they serve
  // any map centre, since the cells lie where the workers are.
  const fromCells = canUseMapCells(fitGridZoom(p.bbox, p.zoom, PREAGG_REF_LAT));
  const gridLat = fromCells ? PREAGG_REF_LAT : centerLat;
  const zoom = fitGridZoom(p.bbox, p.zoom, gridLat);
  const grid = gridForZoom(zoom, gridLat);
  const rows = fromCells
    ? await clusterFromCells(db, officer, p, zoom, grid)
    : await clusterWorkers(db, source, grid, withKinds);
  const budget = withKinds ? FEATURE_BUDGET.lapseClusters : FEATURE_BUDGET.clusters;
  const fitted = rollUpCells(rows, zoom, budget);
  const kept = fitted.cells.sort((a, b) => toNumber(b.n) - toNumber(a.n)).slice(0, budget);
  return {
    ...layerBase(p, gridForZoom(fitted.zoom, gridLat)),
    features: kept.map((c) => cellToFeature(c, withKinds)),
    total: kept.reduce((sum, c) => sum + toNumber(c.n), 0),
    truncated: rows.length >= MAX_GRID_CELLS * 2 || fitted.cells.length > budget,
  };
}

function layerBase(p: ClustersParams, grid: Grid) {
  return { type: 'FeatureCollection' as const, layer: p.layer, zoom: p.zoom, cellDegrees: grid.cellLon };
}

export async function readClusters(
  db: Db,
  officer: OfficerContext,
  p: ClustersParams,
): Promise<ClustersResponse> {
  return p.layer === 'heat' ? heatLayer(db, officer, p) : workerLayer(db, officer, p);
}

/** The workers whose own position the answer shows (single points, not clusters or heat cells). */
export function pointWorkerIds(body: ClustersResponse): string[] {
  return body.features.flatMap((f) =>
    'cluster' in f.properties && f.properties.cluster === false ? [f.properties.workerId] : [],
  );
}
