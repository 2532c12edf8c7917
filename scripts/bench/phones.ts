// Requests as phones really send them, for the load client: Traccar Client's OsmAnd single fix
// (POST with the fix in the query string, epoch-millisecond timestamp) and the app's batch of ten
// fixes to the device API. Each phone's fixes are strictly newer than its last, like a real queue.
import type { LoadRequest } from './load-client';

export interface BenchPhone {
  token: string;
  lat: number;
  lon: number;
  /** Time of the last fix sent, epoch ms. */
  last: number;
}

function nextTime(p: BenchPhone, spacing: number, n: number): number {
  const t = Math.max(p.last + spacing * n, Date.now() - 1_000);
  p.last = t;
  return t;
}

export function buildOsmAndRequest(phones: BenchPhone[], k: number): LoadRequest {
  const p = phones[k % phones.length]!;
  const t = nextTime(p, 1, 1);
  const q = new URLSearchParams({
    id: p.token,
    lat: (p.lat + ((k % 7) - 3) * 1e-5).toFixed(6),
    lon: p.lon.toFixed(6),
    timestamp: String(t),
    accuracy: '12',
    batt: '80',
    speed: '0',
  });
  return { method: 'POST', path: `/api/v1/ingest/osmand?${q}` };
}

export function buildBatchRequest(phones: BenchPhone[], k: number, size = 10): LoadRequest {
  const p = phones[k % phones.length]!;
  const end = nextTime(p, 1_000, size);
  const positions = Array.from({ length: size }, (_, j) => ({
    time: new Date(end - (size - 1 - j) * 1_000).toISOString(),
    lat: p.lat + j * 1e-5,
    lon: p.lon,
    accuracy: 10,
    battery: 80,
  }));
  return {
    method: 'POST',
    path: '/api/v1/device/positions',
    headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ positions }),
  };
}

/** Fixes the device API accepted, from its answer `{accepted, duplicates, rejected}`. */
export function countAccepted(_status: number, body: string): number {
  const m = /"accepted":(\d+)/.exec(body);
  return m ? Number(m[1]) : 0;
}

/** OsmAnd answers 200 even for a refused fix (Traccar retries anything else): the header says. */
export function countOsmAnd(_status: number, _body: string, headers: Record<string, unknown>): number {
  return headers['x-regwatch-rejected'] ? 0 : 1;
}
