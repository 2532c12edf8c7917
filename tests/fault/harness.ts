// Process control for the fault test: a private PostgreSQL server that the test may stop and start,
// and the built app (`next start`) that it may kill -9 and start again on the same database.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const PG_PORT = process.env.PG_PRIVATE_PORT ?? '55499';
const pgEnv = {
  ...process.env,
  PG_PRIVATE_PORT: PG_PORT,
  PG_PRIVATE_DIR: `/tmp/regwatch-fault-pg-${PG_PORT}`,
};

// Asynchronous on purpose: a synchronous exec would freeze the test's own event loop while pg_ctl
// waits, and every request in flight would look as slow as the wait.
async function pg(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('bash', [path.join(root, 'scripts/pg-private.sh'), ...args], {
    env: pgEnv,
    encoding: 'utf8',
  });
  return stdout.trim();
}

export const startPostgres = () => pg('start');
export const stopPostgres = () => pg('stop');
export const createDatabase = (name: string) => pg('createdb', name);

export function runScript(script: string, databaseUrl: string): void {
  execFileSync('npx', ['tsx', '--conditions=react-server', script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'pipe',
  });
}

export interface App {
  child: ChildProcess;
  baseUrl: string;
  logFile: string;
}

export async function startApp(databaseUrl: string, port: number): Promise<App> {
  const logFile = path.join(os.tmpdir(), `regwatch-fault-${port}-${Date.now()}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      detached: true, // its own process group, so kill -9 reaches every process of the server
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        SWEEP_INTERVAL_MS: '1000',
        DB_CONNECT_TIMEOUT_S: '2',
      },
    },
  );
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${fs.readFileSync(logFile, 'utf8')}`);
    const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, baseUrl, logFile };
    await sleep(200);
  }
  throw new Error(`the app did not become healthy; log ${logFile}`);
}

/** kill -9 of the whole process group: no shutdown hooks, no flushing, like a power cut. */
export function killApp(app: App): Promise<void> {
  if (!app.child.pid || app.child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => app.child.once('exit', () => resolve()));
  try {
    process.kill(-app.child.pid, 'SIGKILL');
  } catch {
    return Promise.resolve();
  }
  return exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
