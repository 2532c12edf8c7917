// Map cluster requests for the benchmark: a supervisor signs in, then asks for clusters over
// viewports from the whole region to a street, at zooms 7 to 18 and one world-sized bbox, on every
// layer, with and without filters, three times over. The same requests can be answered in process
// (readClusters on the database, no HTTP, no session, no audit) to show where the time goes.
import { percentile } from './load-client';

export interface ClusterRun {
  requests: number;
  p50: number;
  p95: number;
  max: number;
  maxBytes: number;
  errors: number;
  /** The slowest request, for the report. */
  slowest: string;
}

// Half-widths in degrees (lon, lat) around the region's centre and the zoom a 1,600 × 900 screen
// shows them at; the last is a world-sized bbox at a street zoom, which the server must coarsen.
const VIEWS: [number, number, number][] = [
  [1.8, 0.6, 8],
  [0.9, 0.5, 9],
  [0.45, 0.25, 10],
  [0.22, 0.12, 11],
  [0.1, 0.06, 12],
  [0.05, 0.03, 13],
  [0.03, 0.015, 14],
  [0.02, 0.012, 15],
  [0.01, 0.006, 16],
  [0.003, 0.0015, 18],
  [179, 84, 17],
];
const LAYERS = ['addresses', 'lapses', 'heat'] as const;
const FILTERS = ['', '&status=active', '&citizenship=UZ', '&status=cancelled&citizenship=TJ'];

export const CLUSTER_REQUESTS_LABEL = `${VIEWS.length} viewports × ${LAYERS.length} layers × ${FILTERS.length} filters × 3`;

export async function signIn(
  base: string,
  account: { username: string; password: string } | undefined,
): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/username`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: account?.username, password: account?.password }),
  });
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.includes('session_token='))
      ?.split(';')[0] ?? ''
  );
}

/** Every request of the run as a query string (without the leading `?`). */
export function clusterQueries(center: { lat: number; lon: number }): string[] {
  const out: string[] = [];
  for (const [dx, dy, zoom] of VIEWS) {
    const bbox = [
      Math.max(-180, center.lon - dx),
      Math.max(-85, center.lat - dy),
      Math.min(180, center.lon + dx),
      Math.min(85, center.lat + dy),
    ]
      .map((v) => v.toFixed(4))
      .join(',');
    for (const layer of LAYERS) {
      for (const f of FILTERS) out.push(`bbox=${bbox}&zoom=${zoom}&layer=${layer}${f}`);
    }
  }
  return out;
}

/** Times `answer` over every query, three times over. */
export async function measureQueries(
  queries: string[],
  answer: (query: string) => Promise<{ bytes: number; ok: boolean }>,
): Promise<ClusterRun> {
  const times: number[] = [];
  let maxBytes = 0;
  let errors = 0;
  let slowest = { ms: 0, query: '' };
  for (let rep = 0; rep < 3; rep++) {
    for (const query of queries) {
      const t = performance.now();
      const { bytes, ok } = await answer(query);
      const ms = performance.now() - t;
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, query };
      maxBytes = Math.max(maxBytes, bytes);
      if (!ok) errors++;
    }
  }
  return {
    requests: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: slowest.ms,
    maxBytes,
    errors,
    slowest: slowest.query,
  };
}

export async function measureClusters(
  base: string,
  cookie: string,
  center: { lat: number; lon: number },
): Promise<ClusterRun> {
  return measureQueries(clusterQueries(center), async (query) => {
    const res = await fetch(`${base}/api/v1/map/clusters?${query}`, { headers: { cookie } });
    const body = await res.arrayBuffer();
    return { bytes: body.byteLength, ok: res.ok };
  });
}
