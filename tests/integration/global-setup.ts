// Starts the built app (`next start`) on a fresh database for the HTTP integration suite, and stops
// it afterwards. TEST_DB=pglite (default) uses a temporary PGlite folder; TEST_DB=postgres creates a
// throwaway database on the server at TEST_DATABASE_URL and drops it at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where /api/v1/device and /api/v1/ingest go: the ingest server with INGEST_SERVER=1, else baseUrl. */
    deviceBaseUrl: string;
    dbKind: 'pglite' | 'postgres';
    /** The test database on PostgreSQL runs (for read-only checks); empty on PGlite. */
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const STARTUP_TIMEOUT_MS = 120_000;

function log(message: string): void {
  console.log(`[integration] ${message}`);
}

function ensureBuild(): void {
  if (fs.existsSync(path.join(root, '.next/BUILD_ID'))) return;
  log('no production build found; running `next build` (a few minutes)');
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (build.status !== 0) throw new Error('`next build` failed; see the output above.');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base)
    throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. $(scripts/pg-private.sh start)).');
  const name = `regwatch_it_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: withDatabase(base, name),
    drop: async () => {
      const sql = postgres(base, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next start exited with code ${child.exitCode}. Server log:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `The server did not answer /api/health within ${STARTUP_TIMEOUT_MS} ms. Server log:\n${tail(logFile)}`,
  );
}

function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  ensureBuild();
  const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SWEEP_INTERVAL_MS: process.env.SWEEP_INTERVAL_MS ?? '1000',
    // Requests from this loopback address act as a reverse proxy (tests/integration/sign-in-security).
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.9',
    // Every suite signs in from 127.0.0.1, many times a minute: the flood cap per address would
    // answer 429 to the later files. The lockout rules under test are separate and keep defaults.
    AUTH_SIGN_IN_PER_MINUTE: process.env.AUTH_SIGN_IN_PER_MINUTE ?? '100000',
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;

  let cleanupDb: () => Promise<void>;
  let databaseUrl = '';
  if (kind === 'postgres') {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    env.DATABASE_URL = databaseUrl;
    cleanupDb = created.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regwatch-it-pglite-'));
    env.PGLITE_DIR = dir;
    cleanupDb = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  const migrated = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (migrated.status !== 0) {
    await cleanupDb();
    throw new Error(`Migrations failed:\n${migrated.stdout}\n${migrated.stderr}`);
  }
  // One account per role (officer, officer2, supervisor, auditor, admin; password demo-password-2026).
  const accounts = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/demo-accounts.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (accounts.status !== 0) {
    await cleanupDb();
    throw new Error(`Demo accounts failed:\n${accounts.stdout}\n${accounts.stderr}`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `regwatch-it-${kind}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  // Its own process group, so teardown can stop next and everything it spawned with one signal.
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  log(`next start (${kind}) pid ${child.pid} on ${baseUrl}; log ${logFile}`);

  try {
    await waitForHealth(baseUrl, child, logFile);
  } catch (error) {
    await stopGroup(child);
    await cleanupDb();
    throw error;
  }
  log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let ingest: ChildProcess | null = null;
  let deviceBaseUrl = baseUrl;
  if (process.env.INGEST_SERVER === '1') {
    // PGlite serves one process, so the separate ingest server is exercised on PostgreSQL only.
    if (kind !== 'postgres') throw new Error('INGEST_SERVER=1 needs TEST_DB=postgres.');
    const ingestPort = await freePort();
    deviceBaseUrl = `http://127.0.0.1:${ingestPort}`;
    const ingestLog = path.join(os.tmpdir(), `regwatch-it-ingest-${ingestPort}.log`);
    const ingestOut = fs.openSync(ingestLog, 'w');
    ingest = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        'scripts/ingest-server.ts',
      ],
      {
        cwd: root,
        env: { ...env, INGEST_PORT: String(ingestPort) },
        detached: true,
        stdio: ['ignore', ingestOut, ingestOut],
      },
    );
    fs.closeSync(ingestOut);
    log(`ingest server pid ${ingest.pid} on ${deviceBaseUrl}; log ${ingestLog}`);
    try {
      await waitForHealth(deviceBaseUrl, ingest, ingestLog);
    } catch (error) {
      await stopGroup(ingest);
      await stopGroup(child);
      await cleanupDb();
      throw error;
    }
  }
  project.provide('baseUrl', baseUrl);
  project.provide('deviceBaseUrl', deviceBaseUrl);
  project.provide('dbKind', kind);
  project.provide('databaseUrl', databaseUrl);

  return async () => {
    if (ingest) await stopGroup(ingest);
    await stopGroup(child);
    await cleanupDb().catch((e: unknown) => log(`could not remove the test database: ${String(e)}`));
  };
}
