// The transit network of a region pack as a graph of platforms: rides between consecutive stations
// of each line, changes where platforms share a complex or stand close, and all-pairs travel times
// computed once, so routing a commute is a table lookup.
import { haversineMeters } from '@/lib/domain/geo';
import type { RegionPack, Station } from '@/lib/domain/region';

const DWELL_S = 35;
const TRANSFER_SAME_COMPLEX_S = 180;
const TRANSFER_NEARBY_S = 330;
const TRANSFER_NEARBY_M = 260;
const RIDE_MPS: Record<string, number> = { metro: 12, mcc: 11, mcd: 14 };
// Systems that run in tunnels; the others run on the surface where GPS keeps working.
const UNDERGROUND_SYSTEMS = new Set(['metro']);

export interface Edge {
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
