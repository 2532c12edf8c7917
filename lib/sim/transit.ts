// Commute routing over the region pack's transit lines: walk or ride a bus to a station, ride along
// the line's station sequence (changing where platforms share a complex or stand close), walk out.
// Rides on underground systems are where phones lose GPS between stations.
import { haversineMeters } from '@/lib/domain/geo';
import type { RegionPack, Station } from '@/lib/domain/region';

const WALK_MPS = 1.3;
const WALK_DETOUR = 1.25;
const BUS_MPS = 6.5;
const BUS_DETOUR = 1.35;
const BUS_WAIT_S = 300;
const WALK_MAX_M = 1_200;
const ACCESS_MAX_M = 5_000;
const PLATFORM_WAIT_S = 150;
const DWELL_S = 35;
const TRANSFER_SAME_COMPLEX_S = 180;
const TRANSFER_NEARBY_S = 330;
const TRANSFER_NEARBY_M = 260;
const RIDE_MPS: Record<string, number> = { metro: 12, mcc: 11, mcd: 14 };
// Systems that run in tunnels; the others run on the surface where GPS keeps working.
const UNDERGROUND_SYSTEMS = new Set(['metro']);

interface Edge {
  to: number;
  sec: number;
}

export interface TransitNetwork {
  stations: Station[];
  adjacency: Edge[][];
  underground: boolean[];
  /** All-pairs travel seconds (n×n, row = origin) and the predecessor on each shortest path. */
  seconds: Float64Array;
  previous: Int16Array;
}

export function buildTransitNetwork(pack: RegionPack): TransitNetwork {
  const stations = pack.stations;
  const index = new Map(stations.map((s, i) => [s.id, i]));
  const adjacency: Edge[][] = stations.map(() => []);
  const link = (a: number, b: number, sec: number) => {
    adjacency[a]?.push({ to: b, sec });
    adjacency[b]?.push({ to: a, sec });
  };
  for (const line of pack.lines) {
    const mps = RIDE_MPS[line.system] ?? 11;
    for (const sequence of line.sequences) {
      const ids = sequence.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      const pairs = ids.slice(1).map((b, k) => [ids[k] ?? b, b] as const);
      if (line.ring && ids.length > 2) pairs.push([ids[ids.length - 1] ?? 0, ids[0] ?? 0]);
      for (const [a, b] of pairs) {
        const sa = stations[a];
        const sb = stations[b];
        if (sa && sb) link(a, b, haversineMeters(sa.lat, sa.lon, sb.lat, sb.lon) / mps + DWELL_S);
      }
    }
  }
  for (let a = 0; a < stations.length; a++) {
    for (let b = a + 1; b < stations.length; b++) {
      const sa = stations[a];
      const sb = stations[b];
      if (!sa || !sb || sa.lineId === sb.lineId) continue;
      if (sa.stationId === sb.stationId) link(a, b, TRANSFER_SAME_COMPLEX_S);
      else if (haversineMeters(sa.lat, sa.lon, sb.lat, sb.lon) < TRANSFER_NEARBY_M)
        link(a, b, TRANSFER_NEARBY_S);
    }
  }
  const n = stations.length;
  const seconds = new Float64Array(n * n);
  const previous = new Int16Array(n * n);
  for (let origin = 0; origin < n; origin++) {
    const { dist, prev } = shortestFrom(adjacency, origin);
    seconds.set(dist, origin * n);
    previous.set(prev, origin * n);
  }
  return {
    stations,
    adjacency,
    underground: stations.map((s) => UNDERGROUND_SYSTEMS.has(s.system)),
    seconds,
    previous,
  };
}

export type LegMode = 'walk' | 'bus' | 'metro' | 'rail';

/** A path in time: waypoint k is reached `sec[k]` seconds after departure. */
export interface Route {
  sec: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** The stretch from waypoint k to k+1 runs underground. */
  ug: Uint8Array;
  /** Waypoint k is a platform where a network fix is possible even underground. */
  stop: Uint8Array;
  totalSec: number;
  modes: LegMode[];
}

interface Point {
  lat: number;
  lon: number;
}

interface Waypoint extends Point {
  sec: number;
  ug: boolean;
  stop: boolean;
}

export function buildRoute(points: Waypoint[], modes: LegMode[]): Route {
  return {
    sec: Float64Array.from(points, (p) => p.sec),
    lat: Float64Array.from(points, (p) => p.lat),
    lon: Float64Array.from(points, (p) => p.lon),
    ug: Uint8Array.from(points, (p) => (p.ug ? 1 : 0)),
    stop: Uint8Array.from(points, (p) => (p.stop ? 1 : 0)),
    totalSec: points[points.length - 1]?.sec ?? 0,
    modes,
  };
}

function accessSeconds(meters: number): number {
  return meters <= WALK_MAX_M
    ? (meters * WALK_DETOUR) / WALK_MPS
    : BUS_WAIT_S + (meters * BUS_DETOUR) / BUS_MPS;
}

function surfacePoints(from: Point, to: Point, t0: number): { points: Waypoint[]; mode: LegMode } {
  const meters = haversineMeters(from.lat, from.lon, to.lat, to.lon);
  const mode: LegMode = meters <= WALK_MAX_M ? 'walk' : 'bus';
  const total = accessSeconds(meters);
  const wait = mode === 'bus' ? BUS_WAIT_S : 0;
  // One bend halfway, so a trace does not look like a ruler line.
  const mid = {
    lat: (from.lat + to.lat) / 2 + (to.lon - from.lon) * 0.08,
    lon: (from.lon + to.lon) / 2 - (to.lat - from.lat) * 0.08,
  };
  const at = (p: Point, sec: number): Waypoint => ({ ...p, sec: t0 + sec, ug: false, stop: false });
  const points = [
    at(from, 0),
    ...(wait ? [at(from, wait)] : []),
    at(mid, wait + (total - wait) / 2),
    at(to, total),
  ];
  return { points, mode };
}

function nearbyStations(net: TransitNetwork, p: Point): { i: number; meters: number }[] {
  // Equirectangular distance is exact enough at these ranges and far cheaper than haversine.
  const kx = 111_320 * Math.cos((p.lat * Math.PI) / 180);
  const found: { i: number; meters: number }[] = [];
  net.stations.forEach((s, i) => {
    const meters = Math.hypot((s.lat - p.lat) * 111_320, (s.lon - p.lon) * kx);
    if (meters <= ACCESS_MAX_M) found.push({ i, meters });
  });
  return found.sort((a, b) => a.meters - b.meters).slice(0, 8);
}

// Dijkstra with a binary heap over a few hundred platforms.
function shortestFrom(adjacency: Edge[][], origin: number): { dist: Float64Array; prev: Int16Array } {
  const n = adjacency.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int16Array(n).fill(-1);
  const heapD: number[] = [];
  const heapI: number[] = [];
  const swap = (a: number, b: number) => {
    [heapD[a], heapD[b]] = [heapD[b]!, heapD[a]!];
    [heapI[a], heapI[b]] = [heapI[b]!, heapI[a]!];
  };
  const push = (d: number, i: number) => {
    heapD.push(d);
    heapI.push(i);
    for (let k = heapD.length - 1; k > 0;) {
      const parent = (k - 1) >> 1;
      if (heapD[parent]! <= d) break;
      swap(k, parent);
      k = parent;
    }
  };
  dist[origin] = 0;
  push(0, origin);
  while (heapD.length) {
    const d = heapD[0]!;
    const i = heapI[0]!;
    const lastD = heapD.pop()!;
    const lastI = heapI.pop()!;
    if (heapD.length) {
      heapD[0] = lastD;
      heapI[0] = lastI;
      for (let k = 0; ;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < heapD.length && heapD[l]! < heapD[m]!) m = l;
        if (r < heapD.length && heapD[r]! < heapD[m]!) m = r;
        if (m === k) break;
        swap(k, m);
        k = m;
      }
    }
    if (d > dist[i]!) continue;
    for (const e of adjacency[i] ?? []) {
      const nd = d + e.sec;
      if (nd < dist[e.to]!) {
        dist[e.to] = nd;
        prev[e.to] = i;
        push(nd, e.to);
      }
    }
  }
  return { dist, prev };
}

function surfaceRoute(from: Point, to: Point): Route {
  const { points, mode } = surfacePoints(from, to, 0);
  return buildRoute(points, [mode]);
}

/** Door-to-door route: surface when close or quicker, else via the transit network. */
export function planCommute(net: TransitNetwork, from: Point, to: Point): Route {
  const direct = haversineMeters(from.lat, from.lon, to.lat, to.lon);
  const surfaceSec = accessSeconds(direct);
  if (direct <= 1_800) return surfaceRoute(from, to);
  const starts = nearbyStations(net, from);
  const ends = nearbyStations(net, to);
  const n = net.stations.length;
  let best: { s: number; e: number; sec: number; meters: number } | null = null;
  for (const s of starts) {
    for (const e of ends) {
      const sec =
        accessSeconds(s.meters) +
        PLATFORM_WAIT_S +
        (net.seconds[s.i * n + e.i] ?? Infinity) +
        accessSeconds(e.meters);
      if (!best || sec < best.sec) best = { s: s.i, e: e.i, sec, meters: e.meters };
    }
  }
  if (!best || !Number.isFinite(best.sec) || best.sec >= surfaceSec) return surfaceRoute(from, to);
  const path: number[] = [];
  for (
    let i = best.e;
    i >= 0 && path.length <= n;
    i = i === best.s ? -1 : (net.previous[best.s * n + i] ?? -1)
  )
    path.unshift(i);
  const first = net.stations[best.s]!;
  const last = net.stations[best.e]!;
  const access = surfacePoints(from, first, 0);
  const points = access.points;
  const modes: LegMode[] = [access.mode];
  // Entering the station: from the street to the platform is underground if the line is.
  let t = points[points.length - 1]!.sec + PLATFORM_WAIT_S;
  for (let k = 0; k < path.length; k++) {
    const i = path[k]!;
    const s = net.stations[i]!;
    if (k > 0) t += net.adjacency[path[k - 1]!]?.find((e) => e.to === i)?.sec ?? 0;
    const underground = net.underground[i] ?? false;
    const mode: LegMode = underground ? 'metro' : 'rail';
    if (modes[modes.length - 1] !== mode) modes.push(mode);
    const before = points[points.length - 1]!;
    if (underground) before.ug = true;
    points.push({ lat: s.lat, lon: s.lon, sec: t, ug: underground, stop: underground });
  }
  // Walking from the platform to the street is still underground.
  const egress = surfacePoints(last, to, t + 60);
  modes.push(egress.mode);
  points.push(...egress.points);
  return buildRoute(points, modes);
}
