// Whether a fix has clearly left the region, fast enough to ask of every fix on a trip. Far
// outside the region's box the answer is plain; nearer, the exact border test is slow, so the
// distance of each ~1 km cell is remembered.
import {
  BORDER_TOLERANCE_M,
  hasClearlyLeftRegion,
  measureDistanceOutsideRegionMeters,
} from '@/lib/domain/region';
import type { SimContext } from './population';

const outsideCells = new WeakMap<SimContext, Map<number, number>>();

export function createOutsideTest(ctx: SimContext): (lat: number, lon: number, accuracy: number) => boolean {
  const [w, s, e, n] = ctx.pack.oblast.bbox;
  const margin = 0.05;
  let cells = outsideCells.get(ctx);
  if (!cells) outsideCells.set(ctx, (cells = new Map()));
  const cache = cells;
  return (lat, lon, accuracy) => {
    if (lat < s - margin || lat > n + margin || lon < w - margin || lon > e + margin) return true;
    const key = Math.round(lat * 100) * 100_000 + Math.round(lon * 100);
    let centre = cache.get(key);
    if (centre === undefined) {
      centre = measureDistanceOutsideRegionMeters(
        ctx.pack,
        Math.round(lat * 100) / 100,
        Math.round(lon * 100) / 100,
      );
      cache.set(key, centre);
    }
    // A cell is at most ~0.8 km across from its centre: well inside or well outside settles it.
    if (centre === 0 && !hasClearlyLeftRegion(ctx.pack, lat, lon, accuracy)) return false;
    if (centre > 1_000 + Math.max(BORDER_TOLERANCE_M, accuracy)) return true;
    return hasClearlyLeftRegion(ctx.pack, lat, lon, accuracy);
  };
}
