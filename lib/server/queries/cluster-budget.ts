// Keeps a cluster answer small for any viewport and zoom. Two bounds, both pure:
//  - before the query, the grid is coarsened until the viewport covers at most MAX_GRID_CELLS cells,
//    so a world-sized bbox at street zoom cannot make the database group a million cells;
//  - after it, cells are merged four into one (grid cells nest exactly between zooms) until the
//    features fit the response budget (DESIGN.md section 6: under 200 KB).
import { type Grid, gridForZoom } from './grid';

/** Cells a query may return: comfortably more than any screen shows at 64 px per cell. */
export const MAX_GRID_CELLS = 4_000;

/**
 * Features per answer, from the largest serialised feature of each kind (a cluster with the five
 * status counts and a bbox ~230 B, with the five lapse kinds ~330 B, a single point ~240 B, a
 * heat cell ~130 B) so that the answer stays under 200 KB.
 */
export const FEATURE_BUDGET = { clusters: 800, lapseClusters: 560, points: 800, heat: 1_400 } as const;

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function countGridCells(bbox: BBox, grid: Grid): number {
  const columns = Math.floor(bbox.east / grid.cellLon) - Math.floor(bbox.west / grid.cellLon) + 1;
  const rows = Math.floor(bbox.north / grid.cellLat) - Math.floor(bbox.south / grid.cellLat) + 1;
  return columns * rows;
}

/** The finest zoom at or below `zoom` whose grid covers the bbox with at most `maxCells` cells. */
export function fitGridZoom(
  bbox: BBox,
  zoom: number,
  centerLat: number,
  pixels?: number,
  maxCells = MAX_GRID_CELLS,
): number {
  let z = Math.max(0, Math.min(22, Math.floor(zoom)));
  while (z > 0 && countGridCells(bbox, gridForZoom(z, centerLat, pixels)) > maxCells) z--;
  return z;
}

/** The columns a merge needs; other columns (status and kind counts) are summed by name. */
export interface MergeableCell {
  cx: number;
  cy: number;
  n: number;
  lon: number;
  lat: number;
  min_lon?: number;
  min_lat?: number;
  max_lon?: number;
  max_lat?: number;
  wid?: string | null;
  [key: string]: unknown;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
const COUNT_PREFIXES = ['s_', 'k_'];

function mergeLevel<T extends MergeableCell>(cells: T[]): T[] {
  const out = new Map<string, T>();
  for (const cell of cells) {
    const cx = Math.floor(num(cell.cx) / 2);
    const cy = Math.floor(num(cell.cy) / 2);
    const key = `${cx}:${cy}`;
    const into = out.get(key);
    if (!into) {
      out.set(key, { ...cell, cx, cy, n: num(cell.n), lon: num(cell.lon), lat: num(cell.lat) });
      continue;
    }
    const n = into.n + num(cell.n);
    // Centroids weighted by the members counted in each part.
    const w = n > 0 ? num(cell.n) / n : 0.5;
    into.lon = into.lon * (1 - w) + num(cell.lon) * w;
    into.lat = into.lat * (1 - w) + num(cell.lat) * w;
    into.n = n;
    if (cell.min_lon !== undefined) {
      into.min_lon = Math.min(num(into.min_lon), num(cell.min_lon));
      into.min_lat = Math.min(num(into.min_lat), num(cell.min_lat));
      into.max_lon = Math.max(num(into.max_lon), num(cell.max_lon));
      into.max_lat = Math.max(num(into.max_lat), num(cell.max_lat));
    }
    for (const key of Object.keys(cell)) {
      if (COUNT_PREFIXES.some((p) => key.startsWith(p))) {
        (into as Record<string, unknown>)[key] = num(into[key] ?? 0) + num(cell[key] ?? 0);
      }
    }
    // A merged cell has several members: no single worker stands for it.
    if ('wid' in into) into.wid = null;
  }
  return [...out.values()];
}

/** Merges cells one zoom level at a time until at most `max` remain; returns them and the zoom. */
export function rollUpCells<T extends MergeableCell>(
  cells: T[],
  zoom: number,
  max: number,
): { cells: T[]; zoom: number } {
  let current = cells;
  let z = zoom;
  while (current.length > max && z > 0) {
    current = mergeLevel(current);
    z--;
  }
  return { cells: current, zoom: z };
}
