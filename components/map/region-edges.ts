// The outer edge of the region (city ∪ oblast) as polylines. Moscow is not simply a hole in the
// oblast: New Moscow reaches the Kaluga border, so the oblast's exterior runs along the city. An
// edge belongs to the region boundary when neither side of it lies in the other area.
import {
  isPointInPreparedGeometry,
  listPolygons,
  prepareGeometry,
  type PolygonGeometry,
  type Position,
  type PreparedGeometry,
} from '@/lib/domain/geo';

const OFFSET_M = 250;
// The oblast is simplified (60 m) and the city is not, so the shared border leaves short slivers;
// the real outer edge runs for kilometres.
const MIN_RUN_M = 5000;
const M_PER_DEG_LAT = 111_320;

function sidesOutside(a: Position, b: Position, other: PreparedGeometry): boolean {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const mx = (ax + bx) / 2;
  const my = (ay + by) / 2;
  const kx = Math.cos((my * Math.PI) / 180);
  // Unit normal of the segment in metres, back to degrees.
  const dx = (bx - ax) * kx;
  const dy = by - ay;
  const len = Math.hypot(dx, dy) || 1;
  const ox = ((-dy / len) * OFFSET_M) / (M_PER_DEG_LAT * kx);
  const oy = ((dx / len) * OFFSET_M) / M_PER_DEG_LAT;
  return (
    !isPointInPreparedGeometry(other, mx + ox, my + oy) && !isPointInPreparedGeometry(other, mx - ox, my - oy)
  );
}

/** Runs of consecutive ring segments that are not shared with `other`, as [lat, lon] lines. */
function keptRuns(geometry: PolygonGeometry, other: PreparedGeometry): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  for (const polygon of listPolygons(geometry)) {
    for (const ring of polygon) {
      let run: Array<[number, number]> = [];
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        if (!a || !b) continue;
        if (sidesOutside(a, b, other)) {
          if (run.length === 0) run.push([a[1] ?? 0, a[0] ?? 0]);
          run.push([b[1] ?? 0, b[0] ?? 0]);
        } else if (run.length > 0) {
          runs.push(run);
          run = [];
        }
      }
      if (run.length > 1) runs.push(run);
    }
  }
  return runs;
}

function runLengthMeters(run: Array<[number, number]>): number {
  let total = 0;
  for (let i = 1; i < run.length; i++) {
    const [lat1, lon1] = run[i - 1] ?? [0, 0];
    const [lat2, lon2] = run[i] ?? [0, 0];
    total += Math.hypot(
      (lat2 - lat1) * M_PER_DEG_LAT,
      (lon2 - lon1) * M_PER_DEG_LAT * Math.cos((lat1 * Math.PI) / 180),
    );
  }
  return total;
}

export function computeRegionEdges(
  city: PolygonGeometry,
  oblast: PolygonGeometry,
): Array<Array<[number, number]>> {
  const preparedCity = prepareGeometry(city);
  const preparedOblast = prepareGeometry(oblast);
  return [...keptRuns(oblast, preparedCity), ...keptRuns(city, preparedOblast)].filter(
    (run) => runLengthMeters(run) >= MIN_RUN_M,
  );
}
