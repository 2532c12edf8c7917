// Pure planar/spherical helpers for GeoJSON areas. Coordinates follow GeoJSON: [lon, lat].

export type Position = number[];
export type BBox = [west: number, south: number, east: number, north: number];
export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

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
  const band =
    ring.bands[Math.min(ring.bands.length - 1, Math.floor((lat - ring.bbox[1]) / ring.bandHeight))];
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
