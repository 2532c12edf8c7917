// `npm run bench -- --workers 100000`: figures for DESIGN.md section 6, each next to a baseline
// measured in the same run. No assertions. Uses BENCH_DATABASE_URL (an expendable PostgreSQL
// database: it is emptied) or a fresh PGlite folder. Needs a production build for the HTTP parts.
//   (d) seed time for N workers     (c) sweep: nothing changed / 10,000 lapses at once
//   (a) ingestion over HTTP vs COPY (b) map clusters p50/p95 and size vs a plain GROUP BY
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface Row {
  measure: string;
  result: string;
  baseline: string;
  target: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '20' },
      clients: { type: 'string', default: '16' },
      'copy-rows': { type: 'string', default: '200000' },
      keep: { type: 'boolean', default: false },
    },
  });
  const workers = Math.max(1_000, Number(values.workers));
  const seconds = Math.max(5, Number(values.seconds));
  const clients = Math.max(1, Number(values.clients));
  const copyRows = Math.max(10_000, Number(values['copy-rows']));
  const seed = 42;
  const pgliteDir = path.join(os.tmpdir(), `regwatch-bench-${process.pid}`);
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = pgliteDir;
  }
  const { sql } = await import('drizzle-orm');
  const { closeDb, getDb, getHandle, queryRows } = await import('../lib/db/client');
  const { migrate } = await import('../lib/db/migrate');
  const { seedDatabase } = await import('../lib/server/seed');
  const { openBulkTarget } = await import('../lib/server/bulk-insert');
  const { runSweep } = await import('../lib/server/sweep');
  const { ensureDemoAccounts } = await import('../lib/server/demo-accounts');
  const { loadRegionPack } = await import('../lib/region/load-pack');
  const { createSimContext, deriveDeviceToken, generateWorker } = await import('../lib/sim/population');
  const { ByteWriter } = await import('../lib/sim/byte-writer');
  const { COPY_TABLES } = await import('../lib/sim/copy-rows');

  const rows: Row[] = [];
  const db = getDb();
  const kind = getHandle().kind;
  console.log(`[bench] ${kind}, ${workers} workers, ${os.cpus().length} CPUs`);
  await migrate(db);
  const accounts = await ensureDemoAccounts(db);

  // (d) Seeding: a week of history, one hour of it at full density.
  const [seeded, seedMs] = await timeIt(() =>
    seedDatabase(getHandle(), {
      workers,
      days: 7,
      seed,
      fullHours: 1,
      force: true,
      onProgress: (l) => console.log(`[bench] seed: ${l}`),
    }),
  );
  const seedRows = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
  rows.push({
    measure: `Seed ${fmt(workers)} workers, 7 days (1 h at full density)`,
    result: `${fmt(seedMs / 1000, 1)} s`,
    baseline: `${fmt(seedRows)} rows, ${fmt(seedRows / (seedMs / 1000))} rows/s`,
    target: '1M workers < 60 s',
  });
  const seedNow = Date.now();

  // (c) Sweep with nothing due, then with 10,000 registrations silent past lapseAfter.
  const cutoffScan = async () =>
    timeIt(() =>
      queryRows(
        db,
        sql`SELECT count(*) FROM worker_status WHERE status = 'active' AND last_fix_time <= now() - interval '15 minutes'`,
      ),
    );
  await runSweep(db, new Date());
  const [idle, idleMs] = await timeIt(() => runSweep(db, new Date()));
  const [, scanMs] = await cutoffScan();
  rows.push({
    measure: 'Sweep, nothing changed',
    result: `${fmt(idleMs)} ms (${idle.examined} examined)`,
    baseline: `due-row scan ${fmt(scanMs, 1)} ms`,
    target: '< 1 s at 1M',
  });
  const lapsing = Math.min(10_000, workers);
  await db.execute(sql`UPDATE worker_status SET last_fix_time = now() - interval '20 minutes'
    WHERE worker_id IN (SELECT worker_id FROM worker_status WHERE status = 'active' ORDER BY worker_id LIMIT ${lapsing})`);
  const [burst, burstMs] = await timeIt(() => runSweep(db, new Date()));
  rows.push({
    measure: `Sweep, ${fmt(lapsing)} lapses opening at once`,
    result: `${fmt(burstMs)} ms (${burst.opened} opened)`,
    baseline: `due-row scan ${fmt(scanMs, 1)} ms`,
    target: '< 3 s',
  });

  // (a) baseline: the raw limit, fixes of the same shape COPYed straight into positions.
  const pack = loadRegionPack();
  const ctx = createSimContext(pack, seed, new Date(seedNow));
  const devices = Array.from({ length: Math.min(workers, 20_000) }, (_, i) => {
    const w = generateWorker(ctx, i);
    return {
      token: deriveDeviceToken(seed, i),
      ids: new TextEncoder().encode(`${w.deviceId}\t${w.workerId}\t`),
      lat: w.home.lat,
      lon: w.home.lon,
    };
  });
  const perDevice = Math.ceil(copyRows / devices.length);
  const writer = new ByteWriter();
  let written = 0;
  for (const d of devices) {
    for (let k = 0; k < perDevice && written < copyRows; k++, written++) {
      const t = seedNow + 1_000 + k;
      writer
        .raw(d.ids)
        .time(t)
        .tab()
        .time(t)
        .tab()
        .fixed(d.lat, 6)
        .tab()
        .fixed(d.lon, 6)
        .tab()
        .fixed(12, 1)
        .tab();
      writer
        .fixed(0, 2)
        .tab()
        .nul()
        .tab()
        .fixed(150, 0)
        .tab()
        .uint(80)
        .tab()
        .bool(false)
        .tab()
        .ascii('fused')
        .tab()
        .bool(false)
        .newline();
    }
  }
  const target = openBulkTarget(getHandle());
  const [, copyMs] = await timeIt(() => target.copy('positions', COPY_TABLES.positions, writer.view()));
  const copyRate = written / (copyMs / 1000);

  // (b) baseline: the plain aggregate a map would need without pre-aggregation.
  const groupTimes: number[] = [];
  for (let k = 0; k < 15; k++) {
    const [, ms] = await timeIt(() =>
      queryRows(db, sql`SELECT okrug, status, count(*) FROM worker_status GROUP BY okrug, status`),
    );
    groupTimes.push(ms);
  }
  await closeDb();

  // The HTTP parts run against the built app on the same database, with its sweep timer running.
  let server: ChildProcess | null = null;
  try {
    if (!fs.existsSync(path.join(process.cwd(), '.next/BUILD_ID'))) {
      rows.push({
        measure: 'Ingestion / map over HTTP',
        result: 'skipped: no production build (run `npx next build`)',
        baseline: `COPY ${fmt(copyRate)} rows/s`,
        target: '',
      });
    } else {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      server = spawn('npx', ['next', 'start', '-p', String(port)], {
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      });
      const deadline = Date.now() + 120_000;
      for (;;) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error('the server did not start within 120 s');
        await new Promise((r) => setTimeout(r, 1_000));
      }

      // (a) Ingestion: `clients` loops posting 100-fix batches, each batch newer than the last.
      let batch = 0;
      let accepted = 0;
      let failed = 0;
      const started = performance.now();
      const until = started + seconds * 1000;
      const loop = async () => {
        while (performance.now() < until) {
          const k = batch++;
          const d = devices[k % devices.length]!;
          const from = seedNow + 10_000 + Math.floor(k / devices.length) * 10_000;
          const positions = Array.from({ length: 100 }, (_, j) => ({
            time: new Date(from + j * 100).toISOString(),
            lat: d.lat + j * 1e-5,
            lon: d.lon,
            accuracy: 10,
            battery: 80,
          }));
          const res = await fetch(`${base}/api/v1/device/positions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ positions }),
          }).catch(() => null);
          if (res?.ok) accepted += ((await res.json()) as { accepted: number }).accepted;
          else failed++;
        }
      };
      await Promise.all(Array.from({ length: clients }, loop));
      const rate = accepted / ((performance.now() - started) / 1000);
      rows.push({
        measure: `Ingestion via device API (${clients} clients, 100-fix batches, sweep on)`,
        result: `${fmt(rate)} fixes/s${failed ? ` (${failed} failed batches)` : ''}`,
        baseline: `COPY ${fmt(copyRate)} rows/s`,
        target: '≥ 20,000/s',
      });

      // (b) Clusters for a set of viewports and zooms, with and without filters.
      const supervisor = accounts.find((a) => a.role === 'supervisor');
      const signIn = await fetch(`${base}/api/auth/sign-in/username`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ username: supervisor?.username, password: supervisor?.password }),
      });
      const cookie =
        signIn.headers
          .getSetCookie()
          .find((c) => c.includes('session_token='))
          ?.split(';')[0] ?? '';
      const { lat, lon } = pack.defaultView;
      const views: [number, number, number][] = [
        [0.9, 0.5, 9],
        [0.45, 0.25, 10],
        [0.22, 0.12, 11],
        [0.1, 0.06, 12],
        [0.05, 0.03, 13],
        [0.02, 0.012, 15],
      ];
      const filters = ['', '&status=active', '&citizenship=UZ', '&status=cancelled&citizenship=TJ'];
      const times: number[] = [];
      let maxBytes = 0;
      let errors = 0;
      for (let rep = 0; rep < 3; rep++) {
        for (const [dx, dy, zoom] of views) {
          for (const layer of ['addresses', 'lapses']) {
            for (const f of filters) {
              const bbox = [lon - dx, lat - dy, lon + dx, lat + dy].map((v) => v.toFixed(4)).join(',');
              const t = performance.now();
              const res = await fetch(
                `${base}/api/v1/map/clusters?bbox=${bbox}&zoom=${zoom}&layer=${layer}${f}`,
                { headers: { cookie } },
              );
              const body = await res.arrayBuffer();
              times.push(performance.now() - t);
              maxBytes = Math.max(maxBytes, body.byteLength);
              if (!res.ok) errors++;
            }
          }
        }
      }
      rows.push({
        measure: `Map clusters, ${views.length} viewports × 2 layers × ${filters.length} filters × 3`,
        result: `p50 ${fmt(percentile(times, 50), 1)} ms, p95 ${fmt(percentile(times, 95), 1)} ms, max ${fmt(maxBytes / 1024, 1)} KB${errors ? `, ${errors} errors` : ''}`,
        baseline: `GROUP BY over worker_status p50 ${fmt(percentile(groupTimes, 50), 1)} ms, p95 ${fmt(percentile(groupTimes, 95), 1)} ms`,
        target: 'p95 < 25 ms, < 200 KB',
      });
    }
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already stopped
      }
    }
    if (!values.keep && !process.env.BENCH_DATABASE_URL) {
      await new Promise((r) => setTimeout(r, 2_000));
      fs.rmSync(pgliteDir, { recursive: true, force: true });
    }
  }
  console.log(
    `\n| Measure | Result | Baseline (same run) | Target (DESIGN.md §6) |\n| --- | --- | --- | --- |`,
  );
  for (const r of rows) console.log(`| ${r.measure} | ${r.result} | ${r.baseline} | ${r.target} |`);
  console.log(
    `\n${kind}, ${os.cpus().length} CPUs, ${fmt(workers)} workers; targets are for 1M workers on native PostgreSQL.`,
  );
}

// lib/server/sweep.ts is marked server-only; outside Next it loads under the react-server condition.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
