// The browser bench's side of the app: one database per size (rw_browser_<N>, seeded once, then
// reused), the points the peer draws, and `next start` on the bench's port. Every process started
// here is its own process group and is registered in `cleanups`, so a failed size or Ctrl-C never
// leaves a server behind.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { PRESENT_FORWARD_SQL } from '../bench/reuse-database';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Stops everything still running; called after each size and on SIGINT/SIGTERM. */
export const cleanups = new Set<() => void>();

export function runCleanups(): void {
  for (const stop of cleanups) stop();
  cleanups.clear();
}

export async function prepareDatabase(
  baseUrl: string,
  workers: number,
): Promise<{ url: string; seedS: number | null }> {
  const name = `rw_browser_${workers}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const [row] = await admin`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`;
  if (!row?.n) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  const started = Date.now();
  for (const args of [
    ['scripts/demo-accounts.ts'],
    ['scripts/seed.ts', '--workers', String(workers), '--full-workers', '1000', '--if-empty'],
  ]) {
    // The scripts import server-only modules: the react-server condition lets them load.
    const result = spawnSync(bin('tsx'), ['--conditions=react-server', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    });
    const out = result.stdout.toString();
    if (result.status !== 0) throw new Error(`tsx ${args.join(' ')} failed:\n${out}`);
    if (out.includes('nothing to do')) {
      await bringPresentForward(url.toString());
      return { url: url.toString(), seedS: null };
    }
  }
  await bringPresentForward(url.toString());
  return { url: url.toString(), seedS: (Date.now() - started) / 1000 };
}

// Fixes age while a seeded database waits between runs: without this the server's first sweeps
// would open lapses for every worker whose phone "went quiet" since, and the pages measured would
// share the machine with that work instead of showing a live population.
async function bringPresentForward(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(PRESENT_FORWARD_SQL);
  await sql.unsafe('ANALYZE worker_status');
  await sql.end();
}

/** Every worker's declared position as flat lat,lon pairs, for the peer page. */
export async function readPoints(url: string): Promise<Float64Array> {
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

const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.ok,
    () => false,
  );

/** `next start` from `appDir` on 127.0.0.1:`port`; resolves with its stop function once healthy. */
export async function startAppServer(appDir: string, port: number, databaseUrl: string): Promise<() => void> {
  if (await answers(`http://127.0.0.1:${port}/api/health`)) {
    throw new Error(`port ${port} is already in use: pass --port`);
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
  const server = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env,
    stdio: 'ignore',
    detached: true,
  });
  let exited = false;
  server.once('exit', () => (exited = true));
  const stop = () => {
    cleanups.delete(stop);
    if (exited || server.pid === undefined) return;
    try {
      // The whole group: `next start` may have children of its own.
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  cleanups.add(stop);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !exited) {
    if (await answers(`http://127.0.0.1:${port}/api/health`)) return stop;
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(exited ? 'the server exited before answering' : 'the server did not answer in 120 s');
}

/** Waits until nothing answers on `port` (the last size's server has let go of it). */
export async function waitPortFree(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await answers(`http://127.0.0.1:${port}/api/health`))) {
    await new Promise((r) => setTimeout(r, 300));
  }
}
