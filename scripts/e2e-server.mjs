// Prepares a fresh, seeded database for the browser tests and serves the production build on it.
// Playwright starts this as its webServer and stops it at the end of the run; the temporary
// database (PGlite folder or PostgreSQL database) is removed afterwards.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const port = process.argv[2] ?? '3210';
const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SWEEP_INTERVAL_MS: '2000', DEMO: '1' };
delete env.DATABASE_URL;

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('[e2e-server] no production build in .next: run `npx next build` first');
  process.exit(1);
}

let cleanup = async () => {};
if (process.env.E2E_DB === 'postgres') {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('E2E_DB=postgres needs TEST_DATABASE_URL');
  const name = `rw_e2e_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const sql = postgres(base, { max: 1, onnotice: () => {} });
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await sql.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-e2e-'));
  env.PGLITE_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`[e2e-server] database: ${env.DATABASE_URL ? 'postgres' : 'pglite'}`);

function run(args) {
  const started = Date.now();
  const result = spawnSync(bin('tsx'), ['--conditions=react-server', ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[e2e-server] failed: tsx ${args.join(' ')}`);
    process.exit(1);
  }
  console.log(`[e2e-server] tsx ${args[0]}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Accounts first (this also migrates), so the seed can name them as reviewers of older lapses.
run(['scripts/demo-accounts.ts']);
run(['scripts/seed.ts', '--workers', '400', '--days', '3', '--seed', '7']);

const server = spawn(bin('next'), ['start', '-p', port, '-H', '127.0.0.1'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
