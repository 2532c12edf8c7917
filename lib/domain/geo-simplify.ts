// Geometry reduction for drawing: rounding and Douglas-Peucker. Pure; lookups keep full precision.
import { type PolygonGeometry, type Position, listPolygons } from './geo';

const toRad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Rounds coordinates for drawing and drops the vertices that rounding makes repeated. Borders shared
 * by two areas have identical vertices, so they stay identical (no slivers between neighbours).
 */
export function roundGeometry(geometry: PolygonGeometry, decimals: number): PolygonGeometry {
  const f = 10 ** decimals;
  const roundRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (const [x = NaN, y = NaN] of ring) {
      const p = [Math.round(x * f) / f, Math.round(y * f) / f];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const roundPolygon = (rings: Position[][]) =>
    rings.map(roundRing).filter((r, i) => i === 0 || r.length >= 4);
  const polygons = listPolygons(geometry)
    .map(roundPolygon)
    .filter((rings) => (rings[0]?.length ?? 0) >= 4);
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Douglas-Peucker per ring in a local metric plane; rings that collapse are dropped. */
export function simplifyGeometry(geometry: PolygonGeometry, toleranceMeters: number): PolygonGeometry {
  const polygons = listPolygons(geometry)
    .map((rings) => rings.map((ring) => simplifyRing(ring, toleranceMeters)).filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function simplifyRing(ring: Position[], toleranceMeters: number): Position[] {
  if (ring.length <= 4) return ring;
  const lat0 = ring[0]?.[1] ?? 0;
  const kx = 111_320 * Math.cos(toRad(lat0));
  const ky = 110_574;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // A closed ring's first and last points coincide, so split it at its farthest vertex as well.
  const far = findFarthest(ring, 0, kx, ky);
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length) {
    const [a, b] = stack.pop() ?? [0, 0];
    let maxD = 0;
    let idx = -1;
    for (let i = a + 1; i < b; i++) {
      const d = measureOffsetMeters(ring, i, a, b, kx, ky);
      if (d > maxD) [maxD, idx] = [d, i];
    }
    if (idx >= 0 && maxD > toleranceMeters) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

function findFarthest(ring: Position[], from: number, kx: number, ky: number): number {
  const [x0 = 0, y0 = 0] = ring[from] ?? [];
  let best = from;
  let bestD = -1;
  ring.forEach(([x = 0, y = 0], i) => {
    const d = Math.hypot((x - x0) * kx, (y - y0) * ky);
    if (d > bestD) [bestD, best] = [d, i];
  });
  return best;
}

function measureOffsetMeters(ring: Position[], i: number, a: number, b: number, kx: number, ky: number) {
  const [px = 0, py = 0] = ring[i] ?? [];
  const [ax = 0, ay = 0] = ring[a] ?? [];
  const [bx = 0, by = 0] = ring[b] ?? [];
  const [x, y, x1, y1] = [(px - ax) * kx, (py - ay) * ky, (bx - ax) * kx, (by - ay) * ky];
  const len2 = x1 * x1 + y1 * y1;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (x * x1 + y * y1) / len2));
  return Math.hypot(x - t * x1, y - t * y1);
}
