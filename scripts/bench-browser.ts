// `npm run bench:browser`: the map page in real Chromium, measured at 10,000, 100,000 and
// 1,000,000 workers (or --sizes). For each size: navigation to clusters drawn on the map page
// (median of --loads loads, signed in as a demo supervisor: the whole region), next to the floor
// (the same page with ?bench=floor: no cluster data) and the peer (a static page drawing the same
// points with client-side Leaflet.markercluster), plus the redraw after a keyboard pan and zoom.
// Needs a production build and a PostgreSQL server (--database-url, else BENCH_DATABASE_URL or
// TEST_DATABASE_URL): each size gets its own database rw_browser_<N>, seeded once and then reused.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { chromium, type Browser } from 'playwright';
import { signIn } from './bench/map-clusters';
import { startPeerServer } from './bench-browser/peer-server';
import {
  measureLoad,
  measureRedraw,
  median,
  OUR_MARK,
  PEER_MARK,
  readOpeningView,
} from './bench-browser/probe';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    loads: { type: 'string', default: '5' },
    port: { type: 'string', default: '3314' },
    'database-url': { type: 'string' },
    'peer-timeout': { type: 'string', default: '60' },
    account: { type: 'string', default: 'supervisor' },
    // Where the production build to serve lives (a copy lets the next build run meanwhile).
    'app-dir': { type: 'string' },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const appDir = path.resolve(values['app-dir'] ?? root);
const sizes = values.sizes.split(',').map(Number);
const loads = Math.max(5, Number(values.loads));
const port = Number(values.port);
const peerTimeoutS = Number(values['peer-timeout']);
const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PASSWORD = 'demo-password-2026';

if (!baseUrl || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('[bench:browser] needs --database-url (or BENCH_DATABASE_URL) and --sizes like 10000,100000');
  process.exit(2);
}
if (!fs.existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
  console.error('[bench:browser] no production build in .next: run `npx next build` first');
  process.exit(2);
}

interface SizeResult {
  workers: number;
  ours: number | null;
  floor: number | null;
  peer: number | null;
  peerNote: string;
  pan: number[];
  panFromRequest: number[];
  zoom: number[];
  zoomFromRequest: number[];
  seedS: number | null;
  /** Our page: when its first clusters request started and when the answer was in. */
  requestStart: number | null;
  requestEnd: number | null;
}

async function prepareDatabase(workers: number): Promise<{ url: string; seedS: number | null }> {
  const name = `rw_browser_${workers}`;
  const admin = postgres(baseUrl ?? '', { max: 1, onnotice: () => {} });
  const [row] = await admin`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`;
  if (!row?.n) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl ?? '');
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  const started = Date.now();
  for (const args of [
    ['scripts/demo-accounts.ts'],
    ['scripts/seed.ts', '--workers', String(workers), '--full-workers', '1000', '--if-empty'],
  ]) {
    const result = spawnSync(bin('tsx'), args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const out = result.stdout.toString();
    if (result.status !== 0) throw new Error(`tsx ${args.join(' ')} failed:\n${out}`);
    if (out.includes('nothing to do')) return { url: url.toString(), seedS: null };
  }
  return { url: url.toString(), seedS: (Date.now() - started) / 1000 };
}

async function readPoints(url: string): Promise<Float64Array> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<{ lat: number; lon: number }[]>`
    SELECT declared_lat AS lat, declared_lon AS lon FROM worker_status WHERE declared_lat IS NOT NULL`;
  await sql.end();
  const flat = new Float64Array(rows.length * 2);
  rows.forEach((r, i) => {
    flat[i * 2] = r.lat;
    flat[i * 2 + 1] = r.lon;
  });
  return flat;
}

async function startServer(databaseUrl: string): Promise<() => void> {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already in use: pass --port`);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
  const server = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return () => server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not answer /api/health in 120 s');
}

async function measureSize(browser: Browser, workers: number): Promise<SizeResult> {
  const { url, seedS } = await prepareDatabase(workers);
  const points = await readPoints(url);
  const stop = await startServer(url);
  const base = `http://127.0.0.1:${port}`;
  const result: SizeResult = {
    workers,
    ours: null,
    floor: null,
    peer: null,
    peerNote: '',
    pan: [],
    panFromRequest: [],
    zoom: [],
    zoomFromRequest: [],
    seedS,
    requestStart: null,
    requestEnd: null,
  };
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  try {
    const cookie = await signIn(base, { username: values.account, password: PASSWORD });
    const [name = '', value = ''] = cookie.split(/=(.*)/s);
    if (!name || !value) throw new Error(`signing in as ${values.account} failed`);
    await context.addCookies([{ name, value, url: base }]);
    // One load not counted: the server compiles nothing, but its caches and the browser's warm up.
    const warm = await measureLoad(context, `${base}/`, OUR_MARK, 60_000);
    if (warm.ms === null) throw new Error('the map page never marked clusters drawn');
    const view = await readOpeningView(warm.page);
    await warm.page.close();
    const peer = await startPeerServer(points, view);
    const ours: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const floor: number[] = [];
    const peers: number[] = [];
    let peerGaveUp = false;
    for (let i = 0; i < loads; i++) {
      // Interleaved, so a burst of load on the shared machine hits all three alike.
      for (const [target, mark, into] of [
        [`${base}/`, OUR_MARK, ours],
        [`${base}/?bench=floor`, OUR_MARK, floor],
      ] as const) {
        const run = await measureLoad(context, target, mark, 60_000);
        await run.page.close();
        if (run.ms !== null) into.push(run.ms);
        if (into === ours && run.request) {
          starts.push(run.request.start);
          ends.push(run.request.end);
        }
        console.log(
          `[bench:browser]   ${target.replace(base, '')}: ${run.ms === null ? 'no mark' : `${Math.round(run.ms)} ms`}`,
        );
      }
      if (peerGaveUp) continue;
      const run = await measureLoad(context, `${peer.origin}/`, PEER_MARK, peerTimeoutS * 1000);
      await run.page.close();
      if (run.ms === null) peerGaveUp = true;
      else peers.push(run.ms);
      console.log(
        `[bench:browser]   peer: ${run.ms === null ? 'did not finish' : `${Math.round(run.ms)} ms`}`,
      );
    }
    await peer.stop();
    result.ours = ours.length ? median(ours) : null;
    result.requestStart = starts.length ? median(starts) : null;
    result.requestEnd = ends.length ? median(ends) : null;
    result.floor = floor.length ? median(floor) : null;
    result.peer = peers.length && !peerGaveUp ? median(peers) : null;
    if (peerGaveUp) result.peerNote = `did not finish in ${peerTimeoutS} s`;

    const page = (await measureLoad(context, `${base}/`, OUR_MARK, 60_000)).page;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight']) {
      const r = await measureRedraw(page, key, 30_000);
      if (!r) continue;
      result.pan.push(r.fromInput);
      result.panFromRequest.push(r.fromRequest);
    }
    for (let i = 0; i < 5; i++) {
      const r = await measureRedraw(page, 'Equal', 30_000);
      if (!r) continue;
      result.zoom.push(r.fromInput);
      result.zoomFromRequest.push(r.fromRequest);
    }
    await page.close();
  } finally {
    await context.close();
    stop();
    await new Promise((r) => setTimeout(r, 1000));
  }
  return result;
}

const ms = (n: number | null) => (n === null ? '-' : `${Math.round(n)} ms`);
const med = (list: number[]) => (list.length ? ms(median(list)) : '-');

function printTable(results: SizeResult[]): void {
  const load = os.loadavg().map((n) => n.toFixed(2));
  console.log(
    `\nbench:browser on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
      `Chromium ${CHROMIUM}, load average ${load.join(' ')}; medians, ${loads} loads each`,
  );
  const head = [
    'workers',
    'ours: clusters drawn',
    'floor',
    'ours - floor',
    'peer (markercluster)',
    'peer / ours',
    'pan redraw (input / request)',
    'zoom redraw (input / request)',
  ];
  const rows = results.map((r) => [
    r.workers.toLocaleString('en-US'),
    ms(r.ours),
    `${ms(r.requestStart)} / ${ms(r.requestEnd)}`,
    ms(r.floor),
    r.ours !== null && r.floor !== null ? ms(r.ours - r.floor) : '-',
    r.peerNote || ms(r.peer),
    r.peer !== null && r.ours ? `${(r.peer / r.ours).toFixed(1)}x` : '-',
    `${med(r.pan)} / ${med(r.panFromRequest)}`,
    `${med(r.zoom)} / ${med(r.zoomFromRequest)}`,
  ]);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(
    'targets: ours within 300 ms of the floor; redraw under 250 ms; at 100,000 at least 5x faster than the peer',
  );
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results: SizeResult[] = [];
try {
  for (const workers of sizes) {
    console.log(
      `[bench:browser] ${workers} workers: preparing, loading load avg ${os.loadavg()[0]?.toFixed(2)}`,
    );
    const r = await measureSize(browser, workers);
    if (r.seedS !== null) console.log(`[bench:browser] seeded ${workers} workers in ${r.seedS.toFixed(0)} s`);
    console.log(`[bench:browser] ${JSON.stringify(r)}`);
    results.push(r);
  }
} finally {
  await browser.close();
}
printTable(results);
