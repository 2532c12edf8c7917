// `npm run bench:browser`: the map page in real Chromium, measured at 10,000, 100,000 and
// 1,000,000 workers (or --sizes). For each size: navigation to clusters drawn on the map page
// (median of --loads loads, signed in as a demo supervisor: the whole region), next to the floor
// (the same page with ?bench=floor: no cluster data) and the peer (a static page drawing the same
// points with client-side Leaflet.markercluster), plus the redraw after a keyboard pan and zoom.
// Needs a production build and a PostgreSQL server (--database-url, else BENCH_DATABASE_URL or
// TEST_DATABASE_URL): each size gets its own database rw_browser_<N>, seeded once and then reused.
// The peer runs in its own Chromium, launched per size: at a million points it may crash or never
// finish, which the table records before the run carries on with our page and the other sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signIn } from './bench/map-clusters';
import {
  prepareDatabase,
  readPoints,
  runCleanups,
  startAppServer,
  waitPortFree,
} from './bench-browser/app-server';
import { launchBrowser, withDeadline, type BenchBrowser } from './bench-browser/browsers';
import { startPeerServer } from './bench-browser/peer-server';
import {
  closeQuietly,
  measureLoad,
  measureRedraw,
  median,
  OUR_MARK,
  PEER_MARK,
  readOpeningView,
} from './bench-browser/probe';
import { emptyResult, printTable, type SizeResult } from './bench-browser/table';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    loads: { type: 'string', default: '5' },
    // The app listens here and the peer page on the next port.
    port: { type: 'string', default: '3314' },
    'database-url': { type: 'string' },
    'peer-timeout': { type: 'string', default: '60' },
    account: { type: 'string', default: 'supervisor' },
    // Where the production build to serve lives (a copy lets the next build run meanwhile).
    'app-dir': { type: 'string' },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const appDir = path.resolve(values['app-dir'] ?? root);
const sizes = values.sizes.split(',').map(Number);
const loads = Math.max(5, Number(values.loads));
const port = Number(values.port);
const peerTimeoutS = Number(values['peer-timeout']);
const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PASSWORD = 'demo-password-2026';
const OUR_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1440, height: 900 };

if (!baseUrl || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('[bench:browser] needs --database-url (or BENCH_DATABASE_URL) and --sizes like 10000,100000');
  process.exit(2);
}
if (!fs.existsSync(path.join(appDir, '.next', 'BUILD_ID'))) {
  console.error('[bench:browser] no production build in .next: run `npx next build` first');
  process.exit(2);
}

const log = (line: string) => console.log(`[bench:browser] ${line}`);
const fmt = (n: number | null) => (n === null ? 'no mark' : `${Math.round(n)} ms`);

async function measureSize(workers: number, result: SizeResult): Promise<void> {
  const { url, seedS } = await prepareDatabase(baseUrl ?? '', workers);
  result.seedS = seedS;
  if (seedS !== null) log(`seeded ${workers} workers in ${seedS.toFixed(0)} s`);
  const points = await readPoints(url);
  await waitPortFree(port);
  const stopApp = await startAppServer(appDir, port, url);
  const base = `http://127.0.0.1:${port}`;
  let ours: BenchBrowser | null = null;
  let peerBrowser: BenchBrowser | null = null;
  let stopPeer = async () => {};
  try {
    ours = await launchBrowser(CHROMIUM, VIEWPORT, 'ru-RU');
    const cookie = await signIn(base, { username: values.account, password: PASSWORD });
    const [name = '', value = ''] = cookie.split(/=(.*)/s);
    if (!name || !value) throw new Error(`signing in as ${values.account} failed`);
    await ours.context.addCookies([{ name, value, url: base }]);
    // One load not counted: it warms the server's caches and the browser's. It also tells the
    // view our page opened on, for the peer to open on the same one.
    const warm = await withDeadline(
      measureLoad(ours.context, `${base}/`, OUR_MARK, OUR_TIMEOUT_MS),
      OUR_TIMEOUT_MS + 15_000,
      null,
    );
    if (!warm || warm.ms === null)
      throw new Error(`our page never marked clusters drawn (${warm?.failure ?? 'stuck'})`);
    const view = await readOpeningView(warm.page);
    await closeQuietly(warm.page);
    const peer = await startPeerServer(points, view, port + 1);
    stopPeer = peer.stop;
    peerBrowser = await launchBrowser(CHROMIUM, VIEWPORT);

    const loadsOurs: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const floor: number[] = [];
    const peers: number[] = [];
    result.load = os.loadavg()[0] ?? 0;
    for (let i = 0; i < loads; i++) {
      // Interleaved, so a burst of load on the shared machine hits all three alike.
      for (const [target, into] of [
        [`${base}/`, loadsOurs],
        [`${base}/?bench=floor`, floor],
      ] as const) {
        if (!ours.alive()) throw new Error('our browser died');
        const run = await ours.load(target, OUR_MARK, OUR_TIMEOUT_MS);
        if (run.ms !== null) into.push(run.ms);
        if (into === loadsOurs && run.request) {
          starts.push(run.request.start);
          ends.push(run.request.end);
        }
        log(`  ${target.replace(base, '')}: ${run.failure ?? fmt(run.ms)}`);
      }
      if (result.peerNote) continue;
      const run = await peerBrowser.load(`${peer.origin}/`, PEER_MARK, peerTimeoutS * 1000);
      if (run.ms !== null) peers.push(run.ms);
      else {
        result.peerNote = run.failure === 'crashed' ? 'crashed' : `did not finish in ${peerTimeoutS} s`;
        // A page still clustering (or a dead renderer) would skew the loads that follow.
        await peerBrowser.kill();
      }
      log(`  peer: ${run.ms === null ? result.peerNote : fmt(run.ms)}`);
    }
    result.ours = loadsOurs.length ? median(loadsOurs) : null;
    result.requestStart = starts.length ? median(starts) : null;
    result.requestEnd = ends.length ? median(ends) : null;
    result.floor = floor.length ? median(floor) : null;
    result.peer = peers.length && !result.peerNote ? median(peers) : null;

    const opened = await withDeadline(
      measureLoad(ours.context, `${base}/`, OUR_MARK, OUR_TIMEOUT_MS),
      OUR_TIMEOUT_MS + 15_000,
      null,
    );
    if (!opened) throw new Error('our page got stuck before the redraws');
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight']) {
      const r = await measureRedraw(opened.page, key, 30_000);
      if (!r) continue;
      result.pan.push(r.fromInput);
      result.panFromRequest.push(r.fromRequest);
    }
    for (let i = 0; i < 5; i++) {
      const r = await measureRedraw(opened.page, 'Equal', 30_000);
      if (!r) continue;
      result.zoom.push(r.fromInput);
      result.zoomFromRequest.push(r.fromRequest);
    }
  } finally {
    await peerBrowser?.kill();
    await ours?.kill();
    await stopPeer();
    stopApp();
    await waitPortFree(port);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    runCleanups();
    process.exit(130);
  });
}

const results: SizeResult[] = [];
try {
  for (const workers of sizes) {
    log(`${workers} workers: preparing (load average ${os.loadavg()[0]?.toFixed(2)})`);
    const result = emptyResult(workers);
    try {
      await measureSize(workers, result);
    } catch (error) {
      // One size failing (seeding, the server, our page) still leaves the other sizes measured.
      result.error = error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error);
      log(`${workers} workers failed: ${result.error}`);
    }
    log(JSON.stringify(result));
    results.push(result);
  }
} finally {
  runCleanups();
}
printTable(results, loads, CHROMIUM);
