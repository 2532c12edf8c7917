// Prepares a fresh, seeded database for the browser tests and serves the production build on it.
// Playwright starts this as its webServer and stops it at the end of the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const port = process.argv[2] ?? '3210';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SWEEP_INTERVAL_MS: '2000', DEMO: '1' };
delete env.DATABASE_URL;

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
} else {
  env.PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-e2e-'));
}

function run(args) {
  const result = spawnSync('npx', args, { env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[e2e-server] failed: npx ${args.join(' ')}`);
    process.exit(1);
  }
}

run(['tsx', 'scripts/migrate.ts']);
run(['tsx', 'scripts/seed.ts', '--workers', '400', '--days', '3', '--seed', '7']);
run(['tsx', 'scripts/demo-accounts.ts']);

const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
