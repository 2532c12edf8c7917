// A small closed-loop HTTP load client for the benchmark: `concurrency` keep-alive connections,
// each sending its next request as soon as the previous answer has been read, for a bounded time
// and count. It only ever talks to the loopback server the bench started (or --url). Uses
// node:http rather than fetch: it costs the shared CPU less, so more is left for the server.
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  base: string;
  concurrency: number;
  seconds: number;
  /** Stop after this many requests even if time remains. */
  maxRequests?: number;
  /** Requests sent before timing starts (connections opened, code paths warm). */
  warmup?: number;
  next: (k: number) => LoadRequest;
  /** Units of work in an answer (fixes accepted); 1 per 2xx answer when absent. */
  count?: (status: number, body: string, headers: http.IncomingHttpHeaders) => number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  units: number;
  seconds: number;
  rps: number;
  unitsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function send(
  agent: http.Agent,
  base: URL,
  req: LoadRequest,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve) => {
    const body = req.body ?? '';
    const r = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            headers: res.headers,
          }),
        );
        res.on('error', () => resolve({ status: 0, body: '', headers: {} }));
      },
    );
    r.on('error', () => resolve({ status: 0, body: '', headers: {} }));
    r.end(body);
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.base);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname))
    throw new Error(`the load client only targets this machine (got ${base.hostname})`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const max = opts.maxRequests ?? Number.MAX_SAFE_INTEGER;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let issued = 0;
  let ok = 0;
  let units = 0;
  const warm = opts.warmup ?? opts.concurrency * 4;
  const warmLoop = async () => {
    while (issued < warm) await send(agent, base, opts.next(issued++));
  };
  await Promise.all(Array.from({ length: opts.concurrency }, warmLoop));
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  let timed = 0;
  const loop = async () => {
    while (performance.now() < until && timed < max) {
      timed++;
      const t = performance.now();
      const res = await send(agent, base, opts.next(issued++));
      latencies.push(performance.now() - t);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 200 && res.status < 300) {
        ok++;
        units += opts.count ? opts.count(res.status, res.body, res.headers) : 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    units,
    seconds,
    rps: latencies.length / seconds,
    unitsPerSecond: units / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}
