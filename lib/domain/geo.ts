// Pure planar/spherical helpers for GeoJSON areas. Coordinates follow GeoJSON: [lon, lat].

export type Position = number[];
export type BBox = [west: number, south: number, east: number, north: number];
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function computeBbox(rings: Position[][]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings) {
    for (const [x = NaN, y = NaN] of ring) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

export function listPolygons(geometry: PolygonGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function computeGeometryBbox(geometry: PolygonGeometry): BBox {
  return computeBbox(listPolygons(geometry).flat());
}

export function isInBbox(bbox: BBox, lon: number, lat: number): boolean {
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/** Plain ray casting on one ring; O(n). Use prepareGeometry for repeated tests. */
export function isPointInRing(ring: Position[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = NaN, yi = NaN] = ring[i] ?? [];
    const [xj = NaN, yj = NaN] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside an outer ring and outside all of its holes, for any part of the geometry. */
export function isPointInGeometry(geometry: PolygonGeometry, lon: number, lat: number): boolean {
  return listPolygons(geometry).some(
    ([outer, ...holes]) =>
      outer !== undefined &&
      isPointInRing(outer, lon, lat) &&
      !holes.some((hole) => isPointInRing(hole, lon, lat)),
  );
}

// A ring prepared for many tests: each horizontal band lists the edges that cross it, so a
// horizontal ray only meets the few edges of its band instead of all (the oblast has 7,000+).
export interface PreparedRing {
  bbox: BBox;
  xs: Float64Array;
  ys: Float64Array;
  bandHeight: number;
  bands: Int32Array[];
}

export interface PreparedGeometry {
  bbox: BBox;
  polygons: { bbox: BBox; outer: PreparedRing; holes: PreparedRing[] }[];
}

export function prepareRing(ring: Position[]): PreparedRing {
  const bbox = computeBbox([ring]);
  const n = ring.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  ring.forEach(([x = NaN, y = NaN], i) => {
    xs[i] = x;
    ys[i] = y;
  });
  const bandCount = Math.max(1, Math.min(2048, Math.ceil(n / 4)));
  const bandHeight = (bbox[3] - bbox[1]) / bandCount || 1;
  const lists: number[][] = Array.from({ length: bandCount }, () => []);
  const bandOf = (y: number) => Math.min(bandCount - 1, Math.max(0, Math.floor((y - bbox[1]) / bandHeight)));
  for (let i = 0; i < n; i++) {
    const j = i === 0 ? n - 1 : i - 1;
    const lo = bandOf(Math.min(ys[i] ?? 0, ys[j] ?? 0));
    const hi = bandOf(Math.max(ys[i] ?? 0, ys[j] ?? 0));
    for (let b = lo; b <= hi; b++) lists[b]?.push(i);
  }
  return { bbox, xs, ys, bandHeight, bands: lists.map((l) => Int32Array.from(l)) };
}

export function isPointInPreparedRing(ring: PreparedRing, lon: number, lat: number): boolean {
  if (!isInBbox(ring.bbox, lon, lat)) return false;
  const band = ring.bands[Math.min(ring.bands.length - 1, Math.floor((lat - ring.bbox[1]) / ring.bandHeight))];
  if (!band) return false;
  const { xs, ys } = ring;
  const n = xs.length;
  let inside = false;
  for (const i of band) {
    const j = i === 0 ? n - 1 : i - 1;
    const xi = xs[i] ?? NaN;
    const yi = ys[i] ?? NaN;
    const xj = xs[j] ?? NaN;
    const yj = ys[j] ?? NaN;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function prepareGeometry(geometry: PolygonGeometry): PreparedGeometry {
  const polygons = listPolygons(geometry).flatMap(([outer, ...holes]) =>
    outer ? [{ bbox: computeBbox([outer]), outer: prepareRing(outer), holes: holes.map(prepareRing) }] : [],
  );
  return { bbox: computeGeometryBbox(geometry), polygons };
}

export function isPointInPreparedGeometry(prepared: PreparedGeometry, lon: number, lat: number): boolean {
  if (!isInBbox(prepared.bbox, lon, lat)) return false;
  return prepared.polygons.some(
    (p) =>
      isInBbox(p.bbox, lon, lat) &&
      isPointInPreparedRing(p.outer, lon, lat) &&
      !p.holes.some((h) => isPointInPreparedRing(h, lon, lat)),
  );
}

/** Shortest distance in metres from a point to any edge of the geometry (inside or out). */
export function measureDistanceToEdgesMeters(prepared: PreparedGeometry, lon: number, lat: number): number {
  // A local equirectangular plane is accurate to well under 1 % over the tens of km that matter here.
  const kx = 111_320 * Math.cos(toRad(lat));
  const ky = 110_574;
  let best = Infinity;
  for (const polygon of prepared.polygons) {
    for (const ring of [polygon.outer, ...polygon.holes]) {
      const [w, s, e, n] = ring.bbox;
      const dx = Math.max(w - lon, 0, lon - e) * kx;
      const dy = Math.max(s - lat, 0, lat - n) * ky;
      if (Math.hypot(dx, dy) >= best) continue;
      best = Math.min(best, measureDistanceToRing(ring, lon, lat, kx, ky));
    }
  }
  return best;
}

function measureDistanceToRing(ring: PreparedRing, lon: number, lat: number, kx: number, ky: number) {
  let best = Infinity;
  const { xs, ys } = ring;
  for (let i = 1; i < xs.length; i++) {
    const ax = ((xs[i - 1] ?? 0) - lon) * kx;
    const ay = ((ys[i - 1] ?? 0) - lat) * ky;
    const bx = ((xs[i] ?? 0) - lon) * kx;
    const by = ((ys[i] ?? 0) - lat) * ky;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
  }
  return best;
}

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
