import { describe, expect, it } from 'vitest';
import {
  countGridCells,
  fitGridZoom,
  MAX_GRID_CELLS,
  rollUpCells,
  type MergeableCell,
} from './cluster-budget';
import { gridForZoom } from './grid';

const moscow = { west: 37.3, south: 55.5, east: 37.95, north: 55.95 };

function cell(cx: number, cy: number, n: number, extra: Partial<MergeableCell> = {}): MergeableCell {
  return {
    cx,
    cy,
    n,
    lon: cx + 0.5,
    lat: cy + 0.5,
    min_lon: cx,
    min_lat: cy,
    max_lon: cx + 1,
    max_lat: cy + 1,
    wid: n === 1 ? `w${cx}:${cy}` : null,
    s_active: n,
    s_pending: 0,
    k_signal_lost: 1,
    ...extra,
  };
}

describe('fitGridZoom', () => {
  it('keeps the zoom of a screen-sized viewport', () => {
    // About 1,900 × 1,000 px at zoom 11 over Moscow.
    expect(fitGridZoom({ west: 37.3, south: 55.6, east: 37.95, north: 55.8 }, 11, 55.7)).toBe(11);
  });

  it('coarsens a world bbox at street zoom until the grid has few enough cells', () => {
    const world = { west: -180, south: -85, east: 180, north: 85 };
    const z = fitGridZoom(world, 18, 0);
    expect(z).toBeLessThan(18);
    expect(countGridCells(world, gridForZoom(z, 0))).toBeLessThanOrEqual(MAX_GRID_CELLS);
    expect(countGridCells(world, gridForZoom(z + 1, 0))).toBeGreaterThan(MAX_GRID_CELLS);
  });

  it('takes fractional zooms as their floor', () => {
    expect(fitGridZoom(moscow, 9.7, 55.7)).toBe(9);
  });
});

describe('rollUpCells', () => {
  it('leaves an answer within budget untouched', () => {
    const cells = [cell(0, 0, 3), cell(1, 0, 1)];
    expect(rollUpCells(cells, 12, 10)).toEqual({ cells, zoom: 12 });
  });

  it('merges four cells into their parent, keeping totals, counts, bounds and the centroid', () => {
    const cells = [
      cell(0, 0, 1),
      cell(1, 0, 3),
      cell(0, 1, 2),
      cell(1, 1, 2),
      cell(2, 0, 1),
      cell(-1, -1, 5),
    ];
    const { cells: out, zoom } = rollUpCells(cells, 12, 3);
    expect(zoom).toBe(11);
    expect(out).toHaveLength(3);
    const parent = out.find((c) => c.cx === 0 && c.cy === 0)!;
    expect(parent.n).toBe(8);
    expect(parent.s_active).toBe(8);
    expect(parent.k_signal_lost).toBe(4);
    expect(parent.wid).toBeNull();
    expect([parent.min_lon, parent.min_lat, parent.max_lon, parent.max_lat]).toEqual([0, 0, 2, 2]);
    // Weighted: (0.5×1 + 1.5×3 + 0.5×2 + 1.5×2) / 8
    expect(parent.lon).toBeCloseTo(9 / 8, 10);
    // Negative cells round toward minus infinity, as floor() in SQL does.
    expect(out.find((c) => c.n === 5)).toMatchObject({ cx: -1, cy: -1 });
    // A lone single point keeps its worker id.
    expect(out.find((c) => c.cx === 1 && c.cy === 0)).toMatchObject({ n: 1, wid: 'w2:0' });
    expect(out.reduce((s, c) => s + c.n, 0)).toBe(14);
  });

  it('keeps merging until the budget holds', () => {
    const cells = Array.from({ length: 64 * 64 }, (_, i) => cell(i % 64, Math.floor(i / 64), 1));
    const { cells: out, zoom } = rollUpCells(cells, 14, 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(zoom).toBe(10);
    expect(out.reduce((s, c) => s + c.n, 0)).toBe(64 * 64);
  });
});
