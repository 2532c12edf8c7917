// `npm run bench -- --workers 100000`: figures for DESIGN.md section 6, each next to a baseline
// measured in the same run. No assertions. Uses BENCH_DATABASE_URL (an expendable PostgreSQL
// database: it is emptied) or a fresh PGlite folder. Needs a production build for the HTTP parts
// (or --url of a running server on the same database).
//   seed time for N workers             sweep: nothing changed / 10,000 lapses at once
//   ingestion over HTTP as phones send it (OsmAnd single fixes, 10-fix app batches) beside the
//   same rows by COPY and beside a bare node:http server (the HTTP floor), same load client
//   map clusters p50/p95 and size beside a plain GROUP BY      server RSS
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  percentile,
  runLoad,
  type LoadOptions,
  type LoadRequest,
  type LoadResult,
} from './bench/load-client';
import {
  CLUSTER_REQUESTS_LABEL,
  clusterQueries,
  measureClusters,
  measureQueries,
  signIn,
} from './bench/map-clusters';
import {
  buildBatchRequest,
  buildOsmAndRequest,
  countAccepted,
  countOsmAnd,
  type BenchPhone,
} from './bench/phones';
import { openOfficerStreams } from './bench/officer-streams';
import { readTreeRss, watchPeakRss } from './bench/process-rss';
import { bringPresentForward } from './bench/reuse-database';

interface Row {
  measure: string;
  result: string;
  baseline: string;
  target: string;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const loadAverage = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');

function say(line: string): void {
  console.log(`[bench] ${line} (load ${loadAverage()})`);
}

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

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 180 s');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

function describeFailures(r: LoadResult): string {
  if (!r.failed) return '';
  const codes = Object.entries(r.statuses)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${n}×${code === '0' ? 'network error' : code}`);
  return ` (${codes.join(', ')})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '32' },
      phones: { type: 'string', default: '5000' },
      // Officers' live streams held open on the dashboard during the ingestion phases.
      streams: { type: 'string', default: '200' },
      // Seconds of unmeasured single-fix load before the ingestion phases.
      warmup: { type: 'string', default: '10' },
      'copy-rows': { type: 'string', default: '200000' },
      'full-workers': { type: 'string' },
      'trail-minutes': { type: 'string' },
      url: { type: 'string' },
      keep: { type: 'boolean', default: false },
      // Measure the database as it is (e.g. grown by scripts/bench/grow-population.sql) instead of
      // seeding it; the recent fixes are moved up to now so the sweep sees a live population.
      reuse: { type: 'boolean', default: false },
    },
  });
  const workers = Math.max(1_000, Number(values.workers));
  const seconds = Math.max(5, Number(values.seconds));
  const concurrency = Math.max(1, Number(values.concurrency));
  const phoneCount = Math.max(1, Number(values.phones));
  const streamCount = Math.max(0, Number(values.streams));
  const warmup = Math.max(0, Number(values.warmup));
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
  const { refreshMapCells } = await import('../lib/server/map-cells');
  const { refreshHeatCells } = await import('../lib/server/heat-cells');
  const { ensureDemoAccounts } = await import('../lib/server/demo-accounts');
  const { loadRegionPack } = await import('../lib/region/load-pack');
  const { createSimContext, deriveDeviceToken, generatePerson } = await import('../lib/sim/population');
  const { ByteWriter } = await import('../lib/sim/byte-writer');
  const { COPY_TABLES } = await import('../lib/sim/copy-rows');

  const rows: Row[] = [];
  const db = getDb();
  const kind = getHandle().kind;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30)} GB`;
  say(`${kind}, ${fmt(workers)} workers, ${machine}`);
  await migrate(db);
  const accounts = await ensureDemoAccounts(db);

  if (values.reuse) {
    const present = await bringPresentForward(db, sql, queryRows, say);
    rows.push({
      measure: `Database reused (--reuse): ${fmt(present)} workers`,
      result: 'not seeded in this run',
      baseline: '',
      target: '',
    });
  } else {
    // Seeding: a week of history for the first workers, the present and a recent trail for the rest.
    const loadBefore = loadAverage();
    const [seeded, seedMs] = await timeIt(() =>
      seedDatabase(getHandle(), {
        workers,
        days: 7,
        seed,
        fullHours: 1,
        fullWorkers: values['full-workers'] === undefined ? undefined : Number(values['full-workers']),
        trailMinutes: values['trail-minutes'] === undefined ? undefined : Number(values['trail-minutes']),
        force: true,
        onProgress: (l) => say(`seed: ${l}`),
      }),
    );
    const seedRows = Object.values(seeded.counts).reduce((a, b) => a + b, 0);
    rows.push({
      measure: `Seed ${fmt(workers)} workers (7 days for the first ${fmt(Math.min(workers, seeded.fullWorkers))}, present state + trail for the rest)`,
      result: `${fmt(seedMs / 1000, 1)} s`,
      baseline: `${fmt(seedRows)} rows (${fmt(seeded.counts.positions)} positions), ${fmt(seedRows / (seedMs / 1000))} rows/s; load ${loadBefore} → ${loadAverage()}`,
      target: '1M workers < 3 min',
    });
    say(
      `seeded in ${fmt(seedMs / 1000, 1)} s: ${Object.entries(seeded.timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
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
  const devices = Array.from({ length: Math.min(workers, Math.max(phoneCount, 20_000)) }, (_, i) => {
    const w = generatePerson(ctx, i);
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

  rows.push({
    measure: `Raw limit: ${fmt(written)} fixes by COPY into positions`,
    result: `${fmt(copyRate)} rows/s`,
    baseline: `${fmt(copyMs)} ms`,
    target: '',
  });
  say(`COPY ${fmt(copyRate)} rows/s`);

  // Map: the pre-aggregated cells rebuilt once (the server keeps them fresh on a timer), and the
  // plain aggregate a map would need without them: a city-wide grid by status over every worker.
  const [, cellsMs] = await timeIt(() => refreshMapCells(db));
  // The heat layer's cells (lapses per local day) too, so the server starts with them built and
  // its first job run folds instead of building while the ingestion phases are measured.
  const [heatBuild, heatMs] = await timeIt(() => refreshHeatCells(db));
  const groupTimes: number[] = [];
  for (let k = 0; k < 10; k++) {
    const [, ms] = await timeIt(() =>
      queryRows(
        db,
        sql`SELECT floor(declared_lon / 0.05) AS gx, floor(declared_lat / 0.03) AS gy, status, count(*), avg(declared_lon), avg(declared_lat)
            FROM worker_status WHERE declared_lon IS NOT NULL GROUP BY 1, 2, 3`,
      ),
    );
    groupTimes.push(ms);
  }
  rows.push({
    measure: 'Map cells rebuilt from worker_status (all zooms); heat cells from lapses',
    result: `${fmt(cellsMs)} ms; heat ${heatBuild.mode ?? 'skipped'} ${fmt(heatMs)} ms`,
    baseline: `city grid GROUP BY p50 ${fmt(percentile(groupTimes, 50), 1)} ms`,
    target: '',
  });
  // The same cluster requests answered in process: the database part alone, without HTTP, Next,
  // the session look-up or the audit write, so the HTTP figure below can be split.
  const { readClusters } = await import('../lib/server/queries/clusters');
  const { clustersParamsSchema } = await import('../lib/api/map');
  const benchOfficer = {
    officerId: 'bench',
    username: 'bench',
    name: 'bench',
    role: 'supervisor' as const,
    okrugs: null,
  };
  const inProcess = await measureQueries(clusterQueries(pack.defaultView), async (query) => {
    const params = clustersParamsSchema.parse(Object.fromEntries(new URLSearchParams(query)));
    const body = JSON.stringify(await readClusters(db, benchOfficer, params));
    return { bytes: body.length, ok: true };
  });
  say(
    `clusters in process: p50 ${fmt(inProcess.p50, 1)} ms, p95 ${fmt(inProcess.p95, 1)} ms, max ${fmt(inProcess.max, 1)} ms (${inProcess.slowest})`,
  );
  // A fresh load leaves PostgreSQL's autovacuum working through millions of new rows for a while;
  // the HTTP phases wait for it (up to 3 min) so they measure ingestion, not that backlog.
  if (kind === 'postgres') {
    const [waited] = await timeIt(async () => {
      const deadline = Date.now() + 180_000;
      for (;;) {
        const [row] = await queryRows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
        );
        if (!Number(row?.n) || Date.now() > deadline) return Number(row?.n ?? 0);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }).then(([left, ms]) => [`${fmt(ms / 1000, 1)} s${left ? `, ${left} still running` : ''}`]);
    say(`waited for autovacuum after the load: ${waited}`);
  }
  await closeDb();

  // The HTTP parts: the floor first (nothing else running), then the production server on the
  // seeded database with its sweep and map-cell timers running, all driven by the same client.
  const phones: BenchPhone[] = devices.slice(0, Math.min(devices.length, phoneCount)).map((d) => ({
    token: d.token,
    lat: d.lat,
    lon: d.lon,
    last: 0,
  }));
  const load = (
    base: string,
    next: (k: number) => LoadRequest,
    count?: LoadOptions['count'],
    forSeconds = seconds,
  ) => runLoad({ base, concurrency, seconds: forSeconds, next, count });
  const floorPort = await freePort();
  const floor = fork(path.join(import.meta.dirname, 'bench/floor-server.mjs'), [String(floorPort)], {
    stdio: 'ignore',
  });
  await new Promise((resolve) => floor.once('message', resolve));
  const floorRun = await load(`http://127.0.0.1:${floorPort}`, (k) => buildOsmAndRequest(phones, k));
  floor.kill('SIGTERM');
  const floorText = `node:http 200: ${fmt(floorRun.rps)} req/s, p50 ${fmt(floorRun.p50, 1)} ms, p99 ${fmt(floorRun.p99, 1)} ms`;
  say(`HTTP floor ${floorText}`);

  let server: ChildProcess | null = null;
  let ingestServer: ChildProcess | null = null;
  try {
    let base = values.url ?? '';
    let rss: { stop: () => number } | null = null;
    if (!base && !fs.existsSync(path.join(process.cwd(), '.next/BUILD_ID'))) {
      rows.push({
        measure: 'Ingestion / map over HTTP',
        result: 'skipped: no production build (run `npx next build`) and no --url',
        baseline: `COPY ${fmt(copyRate)} rows/s; ${floorText}`,
        target: '',
      });
    } else {
      if (!base) {
        const port = await freePort();
        base = `http://127.0.0.1:${port}`;
        server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
          stdio: ['ignore', 'ignore', 'inherit'],
          detached: true,
        });
        rss = server.pid ? watchPeakRss(server.pid) : null;
      }
      await waitForHealth(base);

      // (a) Ingestion as phones send it: one fix per OsmAnd request, then 10-fix app batches. On
      // PostgreSQL the device paths go to the ingest server (scripts/ingest-server.ts), as a load
      // balancer would send them, while the dashboard keeps running its sweep beside it.
      let ingestBase = base;
      let ingestLabel = 'next start';
      if (kind === 'postgres') {
        const ingestPort = await freePort();
        ingestServer = spawn(
          process.execPath,
          [
            path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'),
            '--conditions=react-server',
            'scripts/ingest-server.ts',
          ],
          {
            env: { ...process.env, INGEST_PORT: String(ingestPort) },
            stdio: ['ignore', 'ignore', 'inherit'],
            detached: true,
          },
        );
        ingestBase = `http://127.0.0.1:${ingestPort}`;
        ingestLabel = `ingest server${process.env.INGEST_WORKERS ? ` ×${process.env.INGEST_WORKERS}` : ''}`;
        await waitForHealth(ingestBase);
      }
      // Officers watching: their live streams stay open on the dashboard through both phases.
      const watcher = accounts.find((a) => a.role === 'supervisor');
      const streams = await openOfficerStreams(base, await signIn(base, watcher), streamCount);
      say(`${streams.open()} of ${streamCount} officer streams open`);
      // Not measured: the ingest server's first seconds (JIT, token cache, each phone's rows read
      // into memory for the first time after the load); the phases below are its steady state.
      if (warmup > 0) {
        const warm = await load(ingestBase, (k) => buildOsmAndRequest(phones, k), countOsmAnd, warmup);
        say(`warm-up (${warmup} s, not counted): ${fmt(warm.rps)} req/s, p99 ${fmt(warm.p99, 1)} ms`);
      }
      const osm = await load(ingestBase, (k) => buildOsmAndRequest(phones, k), countOsmAnd);
      rows.push({
        measure: `OsmAnd single-fix requests, ${ingestLabel} (${fmt(phones.length)} phones, ${concurrency} at a time, sweep on, ${streamCount} officer streams open)`,
        result: `${fmt(osm.rps)} req/s = ${fmt(osm.unitsPerSecond)} fixes/s, p50 ${fmt(osm.p50, 1)} ms, p99 ${fmt(osm.p99, 1)} ms${describeFailures(osm)}`,
        baseline: `COPY ${fmt(copyRate)} rows/s; ${floorText}`,
        target: '3,300 req/s, p99 < 200 ms',
      });
      say(`OsmAnd ${rows.at(-1)?.result}`);
      const app = await load(ingestBase, (k) => buildBatchRequest(phones, k, 10), countAccepted);
      rows.push({
        measure: `App batches of 10 fixes, ${ingestLabel} (${fmt(phones.length)} phones, ${concurrency} at a time)`,
        result: `${fmt(app.rps)} req/s = ${fmt(app.unitsPerSecond)} fixes/s, p50 ${fmt(app.p50, 1)} ms, p99 ${fmt(app.p99, 1)} ms${describeFailures(app)}`,
        baseline: `COPY ${fmt(copyRate)} rows/s; ${floorText}`,
        target: '3,300 fixes/s, p99 < 200 ms',
      });
      say(`App batches ${rows.at(-1)?.result}`);
      const stillOpen = streams.open();
      say(
        `officer streams: ${stillOpen} of ${streamCount} still open, ${fmt(streams.close())} events received`,
      );

      // (b) Clusters for a set of viewports and zooms, with and without filters.
      const supervisor = accounts.find((a) => a.role === 'supervisor');
      const map = await measureClusters(base, await signIn(base, supervisor), pack.defaultView);
      rows.push({
        measure: `Map clusters over HTTP, ${map.requests} requests (${CLUSTER_REQUESTS_LABEL})`,
        result: `p50 ${fmt(map.p50, 1)} ms, p95 ${fmt(map.p95, 1)} ms, max ${fmt(map.max, 1)} ms, largest ${fmt(map.maxBytes / 1024, 1)} KB${map.errors ? `, ${map.errors} errors` : ''}`,
        baseline: `plain GROUP BY over worker_status: city grid p50 ${fmt(percentile(groupTimes, 50), 1)} ms, p95 ${fmt(percentile(groupTimes, 95), 1)} ms; same requests in process (database only) p50 ${fmt(inProcess.p50, 1)} ms, p95 ${fmt(inProcess.p95, 1)} ms`,
        target: 'p95 < 25 ms, < 200 KB',
      });
      say(`clusters over HTTP: slowest ${fmt(map.max, 1)} ms (${map.slowest})`);
      if (rss) {
        const peak = rss.stop();
        rows.push({
          measure: 'Server RSS (next start and its children), peak during the run',
          result: `${fmt(peak / 2 ** 20)} MB`,
          baseline: `after the run ${fmt((server?.pid ? readTreeRss(server.pid) : 0) / 2 ** 20)} MB`,
          target: '< 1 GB',
        });
      }
    }
  } finally {
    if (ingestServer?.pid) {
      try {
        process.kill(-ingestServer.pid, 'SIGTERM');
      } catch {
        // already stopped
      }
    }
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
    `\n${kind}, ${fmt(workers)} workers, ${machine}; load average at the end ${loadAverage()}; targets are for 1M workers on native PostgreSQL.`,
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
