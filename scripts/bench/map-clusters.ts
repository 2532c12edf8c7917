// Map cluster requests for the benchmark: a supervisor signs in, then asks for clusters over
// several viewports and zooms, both layers, with and without filters, three times over.
import { percentile } from './load-client';

export interface ClusterRun {
  requests: number;
  p50: number;
  p95: number;
  maxBytes: number;
  errors: number;
}

const VIEWS: [number, number, number][] = [
  [0.9, 0.5, 9],
  [0.45, 0.25, 10],
  [0.22, 0.12, 11],
  [0.1, 0.06, 12],
  [0.05, 0.03, 13],
  [0.02, 0.012, 15],
];
const FILTERS = ['', '&status=active', '&citizenship=UZ', '&status=cancelled&citizenship=TJ'];

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

export async function measureClusters(
  base: string,
  cookie: string,
  center: { lat: number; lon: number },
): Promise<ClusterRun> {
  const times: number[] = [];
  let maxBytes = 0;
  let errors = 0;
  for (let rep = 0; rep < 3; rep++) {
    for (const [dx, dy, zoom] of VIEWS) {
      for (const layer of ['addresses', 'lapses']) {
        for (const f of FILTERS) {
          const bbox = [center.lon - dx, center.lat - dy, center.lon + dx, center.lat + dy]
            .map((v) => v.toFixed(4))
            .join(',');
          const t = performance.now();
          const res = await fetch(
            `${base}/api/v1/map/clusters?bbox=${bbox}&zoom=${zoom}&layer=${layer}${f}`,
            {
              headers: { cookie },
            },
          );
          const body = await res.arrayBuffer();
          times.push(performance.now() - t);
          maxBytes = Math.max(maxBytes, body.byteLength);
          if (!res.ok) errors++;
        }
      }
    }
  }
  return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), maxBytes, errors };
}
