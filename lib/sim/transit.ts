// Commute routing over the region pack's transit lines: walk or ride a bus to a station, ride along
// the line's station sequence (changing where platforms share a complex or stand close), walk out.
// Rides on underground systems are where phones lose GPS between stations.
import { haversineMeters } from '@/lib/domain/geo';
import type { TransitNetwork } from './transit-network';

export { buildTransitNetwork, type TransitNetwork } from './transit-network';

const WALK_MPS = 1.3;
const WALK_DETOUR = 1.25;
const BUS_MPS = 6.5;
const BUS_DETOUR = 1.35;
const BUS_WAIT_S = 300;
const WALK_MAX_M = 1_200;
const ACCESS_MAX_M = 5_000;
const PLATFORM_WAIT_S = 150;

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
