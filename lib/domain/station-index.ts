// A uniform grid over station points so a nearest-station lookup reads a handful of cells instead
// of every station; the lapse engine asks once per lapse and the simulator thousands of times.
import { haversineMeters } from './geo';

export interface IndexedPoint {
  lat: number;
  lon: number;
}

export interface PointGrid<T extends IndexedPoint> {
  items: readonly T[];
  cellDeg: number;
  lonScale: number;
  cellMeters: number;
  cells: Map<string, T[]>;
}

const CELL_DEG_LAT = 0.005; // about 556 m
const MAX_CELL_RADIUS = 12; // beyond this a plain scan is cheaper than walking the grid

export function buildPointGrid<T extends IndexedPoint>(items: readonly T[]): PointGrid<T> {
  const meanLat = items.length ? items.reduce((sum, p) => sum + p.lat, 0) / items.length : 0;
  // The most poleward point has the narrowest cells; sizing the search by it never misses a point.
  const maxAbsLat = items.reduce((m, p) => Math.max(m, Math.abs(p.lat)), 0);
  const lonScale = Math.max(0.05, Math.cos((meanLat * Math.PI) / 180));
  const cellMeters =
    CELL_DEG_LAT * 111_000 * Math.min(1, Math.cos((maxAbsLat * Math.PI) / 180) / lonScale) * 0.95;
  const grid: PointGrid<T> = { items, cellDeg: CELL_DEG_LAT, lonScale, cellMeters, cells: new Map() };
  for (const item of items) {
    const key = cellKey(grid, item.lat, item.lon, 0, 0);
    const list = grid.cells.get(key);
    if (list) list.push(item);
    else grid.cells.set(key, [item]);
  }
  return grid;
}

function cellKey(grid: PointGrid<IndexedPoint>, lat: number, lon: number, dy: number, dx: number) {
  const cy = Math.floor(lat / grid.cellDeg) + dy;
  const cx = Math.floor((lon * grid.lonScale) / grid.cellDeg) + dx;
  return `${cy}:${cx}`;
}

export function findNearestInGrid<T extends IndexedPoint>(
  grid: PointGrid<T>,
  lat: number,
  lon: number,
  maxMeters: number,
): { item: T; distanceM: number } | null {
  const radius = Math.ceil(maxMeters / grid.cellMeters);
  const candidates = radius > MAX_CELL_RADIUS ? grid.items : collectCells(grid, lat, lon, radius);
  let best: { item: T; distanceM: number } | null = null;
  for (const item of candidates) {
    const d = haversineMeters(lat, lon, item.lat, item.lon);
    if (d <= maxMeters && (!best || d < best.distanceM)) best = { item, distanceM: d };
  }
  return best;
}

function collectCells<T extends IndexedPoint>(grid: PointGrid<T>, lat: number, lon: number, radius: number) {
  const out: T[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const list = grid.cells.get(cellKey(grid, lat, lon, dy, dx));
      if (list) out.push(...list);
    }
  }
  return out;
}
