// Ingestion as phones send it: N phones, each on its own keep-alive connection, posting one fix per
// request (OsmAnd, as Traccar Client does) or 10-fix app batches, as fast as they are answered.
// Prints requests/s, fixes/s, p50/p99 for each target, beside a bare node:http server answering 200
// (the HTTP floor) and beside the same number of rows written by COPY (the raw database limit).
//   npx tsx scripts/bench-ingest.ts --target next=http://127.0.0.1:3000 --target lean=http://127.0.0.1:3001
//     [--phones 200] [--seconds 20] [--modes osmand,batch10]    (COPY needs DATABASE_URL)
// Importable: runLoad, startHttpFloor and measureCopy have no side effects at import.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

export type Mode = 'osmand' | 'batch10' | 'floor';
export interface LoadResult {
  label: string;
  mode: Mode;
  requests: number;
  fixes: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

const HOME = { lat: 55.7606, lon: 37.6093 };

function request(agent: http.Agent, url: URL, method: string, body?: string, token?: string) {
  return new Promise<number>((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function enrollPhone(base: string, agent: http.Agent, i: number): Promise<string> {
  const doc = `BI${Date.now().toString(36).toUpperCase()}${i}`;
  const res = await fetch(`${base}/api/v1/device/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      worker: {
        fullName: 'Нагрузка Тест',
        citizenship: 'UZ',
        documentNumber: doc,
        birthDate: '1990-01-01',
        phone: '+998901234567',
      },
      device: { platform: 'android', model: 'bench' },
    }),
  });
  if (res.status !== 201) throw new Error(`enroll answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  const declared = await request(
    agent,
    new URL(`${base}/api/v1/device/registrations`),
    'POST',
    JSON.stringify({ address: { text: 'Москва, ул. Тверская, д. 7', ...HOME } }),
    token,
  );
  if (declared !== 201) throw new Error(`registration answered ${declared}`);
  return token;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;

/** Closed loop: every phone sends its next request when the last one is answered. */
export async function runLoad(opts: {
  label: string;
  base: string;
  mode: Mode;
  phones: number;
  seconds: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.phones });
  const tokens =
    opts.mode === 'floor'
      ? Array.from({ length: opts.phones }, () => '')
      : await Promise.all(Array.from({ length: opts.phones }, (_, i) => enrollPhone(opts.base, agent, i)));
  const perRequest = opts.mode === 'batch10' ? 10 : 1;
  // Fixes start an hour back, one second apart per phone: always fresh, never in the future.
  const startMs = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
  const latencies: number[] = [];
  let errors = 0;
  const began = performance.now();
  const until = began + opts.seconds * 1000;
  await Promise.all(
    tokens.map(async (token, phone) => {
      let seq = 0;
      while (performance.now() < until) {
        const times = Array.from({ length: perRequest }, () => startMs + ++seq * 1000);
        const lat = HOME.lat + (phone % 50) * 1e-5;
        const t0 = performance.now();
        let status: number;
        try {
          if (opts.mode === 'floor') status = await request(agent, new URL(`${opts.base}/`), 'GET');
          else if (opts.mode === 'osmand') {
            const q = `id=${token}&lat=${lat}&lon=${HOME.lon}&timestamp=${(times[0] ?? 0) / 1000}&accuracy=12&batt=80`;
            status = await request(agent, new URL(`${opts.base}/api/v1/ingest/osmand?${q}`), 'GET');
          } else {
            const positions = times.map((t) => ({
              time: new Date(t).toISOString(),
              lat,
              lon: HOME.lon,
              accuracy: 12,
              battery: 80,
            }));
            status = await request(
              agent,
              new URL(`${opts.base}/api/v1/device/positions`),
              'POST',
              JSON.stringify({ positions }),
              token,
            );
          }
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label: opts.label,
    mode: opts.mode,
    requests: latencies.length,
    fixes: opts.mode === 'floor' ? 0 : (latencies.length - errors) * perRequest,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** A bare node:http server answering 200 in its own process: the most any HTTP server here can do. */
export async function startHttpFloor(port: number): Promise<ChildProcess> {
  const code = `require('http').createServer((q,r)=>{q.resume();q.on('end',()=>r.end())}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}

/** The same number of position rows by COPY into an unpartitioned copy of the table. */
export async function measureCopy(
  databaseUrl: string,
  rows: number,
): Promise<{ rows: number; seconds: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`CREATE TEMP TABLE bench_copy (LIKE positions INCLUDING DEFAULTS)`;
    await sql`ALTER TABLE bench_copy ADD PRIMARY KEY (device_id, fix_time)`;
    const began = performance.now();
    const stream =
      await sql`COPY bench_copy (device_id, worker_id, fix_time, lat, lon, accuracy, battery) FROM STDIN`.writable();
    const device = crypto.randomUUID();
    const worker = crypto.randomUUID();
    const t0 = Date.now() - 3_600_000;
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += `${device}\t${worker}\t${new Date(t0 + i * 10).toISOString()}\t${HOME.lat}\t${HOME.lon}\t12\t80\n`;
      if (chunk.length > 256_000) {
        if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
        chunk = '';
      }
    }
    await new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      stream.end(chunk);
    });
    return { rows, seconds: (performance.now() - began) / 1000 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function format(r: LoadResult): string {
  const cell = (v: string, w: number) => v.padStart(w);
  return [
    r.label.padEnd(22),
    cell(r.mode, 8),
    cell((r.requests / r.seconds).toFixed(0), 9),
    cell((r.fixes / r.seconds).toFixed(0), 9),
    cell(r.p50.toFixed(1), 8),
    cell(r.p99.toFixed(1), 8),
    cell(String(r.errors), 7),
  ].join(' ');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const targets = args
    .flatMap((a, i) => (a === '--target' ? [args[i + 1] ?? ''] : []))
    .map((t) => t.split('='));
  const phones = Number(value('phones', '200'));
  const seconds = Number(value('seconds', '20'));
  const modes = value('modes', 'osmand,batch10').split(',') as Mode[];
  const results: LoadResult[] = [];
  const floor = await startHttpFloor(Number(value('floor-port', '3499')));
  try {
    results.push(
      await runLoad({
        label: 'bare node:http 200',
        base: `http://127.0.0.1:${value('floor-port', '3499')}`,
        mode: 'floor',
        phones,
        seconds,
      }),
    );
  } finally {
    floor.kill();
  }
  for (const [label, base] of targets) {
    for (const mode of modes) {
      if (!label || !base) continue;
      results.push(await runLoad({ label, base, mode, phones, seconds }));
      console.log(format(results[results.length - 1] as LoadResult));
    }
  }
  console.log(
    `\n${phones} phones, ${seconds} s per run, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${os.cpus().length} CPUs`,
  );
  console.log(`${'target'.padEnd(22)}     mode     req/s   fixes/s  p50 ms  p99 ms  errors`);
  for (const r of results) console.log(format(r));
  if (process.env.DATABASE_URL) {
    const most = Math.max(10_000, ...results.map((r) => r.fixes));
    const copy = await measureCopy(process.env.DATABASE_URL, most);
    console.log(
      `COPY of ${copy.rows} position rows: ${(copy.rows / copy.seconds).toFixed(0)} rows/s (${copy.seconds.toFixed(2)} s)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
