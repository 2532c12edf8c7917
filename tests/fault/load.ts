// Load for the fault test: fake phones posting fixes in batches (recording every fix the server
// acknowledged) and officer readers, each request logged with its start, latency and answer.
export interface Sample {
  kind: 'fix' | 'read' | 'health';
  path: string;
  startedAt: number;
  ms: number;
  status: number; // 0 when the connection failed (server killed)
  problem: boolean;
  retryAfter: string | null;
}

export interface Phone {
  deviceId: string;
  token: string;
  next: number; // epoch ms of the next fix
}

const REQUEST_TIMEOUT_MS = 20_000;

async function timed(
  kind: Sample['kind'],
  baseUrl: string,
  path: string,
  init: RequestInit,
): Promise<{ sample: Sample; body: unknown }> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const sample: Sample = {
      kind,
      path,
      startedAt,
      ms: Date.now() - startedAt,
      status: res.status,
      problem: type.startsWith('application/problem+json'),
      retryAfter: res.headers.get('retry-after'),
    };
    return { sample, body: type.includes('json') && text ? JSON.parse(text) : null };
  } catch {
    const sample: Sample = {
      kind,
      path,
      startedAt,
      ms: Date.now() - startedAt,
      status: 0,
      problem: false,
      retryAfter: null,
    };
    return { sample, body: null };
  }
}

/** Posts one batch of fixes 20 ms apart; returns the fix times the server acknowledged. */
export async function postBatch(
  baseUrl: string,
  phone: Phone,
  size: number,
  samples: Sample[],
): Promise<number[]> {
  // Close to now and never repeated, so no fix is refused as from the future or as a duplicate.
  phone.next = Math.max(phone.next, Date.now() - 1_000);
  const times = Array.from({ length: size }, (_, i) => phone.next + i * 20);
  phone.next += size * 20;
  const positions = times.map((t) => ({
    time: new Date(t).toISOString(),
    lat: 55.7606,
    lon: 37.6093,
    accuracy: 10,
    battery: 80,
    charging: false,
  }));
  const { sample, body } = await timed('fix', baseUrl, '/api/v1/device/positions', {
    method: 'POST',
    headers: { authorization: `Bearer ${phone.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ positions }),
  });
  samples.push(sample);
  if (sample.status !== 200 || !body || typeof body !== 'object' || !('rejected' in body)) return [];
  const rejected = new Set(
    Array.isArray(body.rejected) ? body.rejected.map((r: { index: number }) => r.index) : [],
  );
  return times.filter((_, i) => !rejected.has(i));
}

export async function read(baseUrl: string, path: string, cookie: string, samples: Sample[]): Promise<void> {
  const kind = path === '/api/health' ? 'health' : 'read';
  samples.push((await timed(kind, baseUrl, path, { headers: { cookie } })).sample);
}

/** Runs `step` in a loop until `stop()` says so, pausing `pauseMs` between steps. */
export async function loop(
  stop: () => boolean,
  pauseMs: number,
  step: () => Promise<unknown>,
): Promise<void> {
  while (!stop()) {
    await step();
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}
