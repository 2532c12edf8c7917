// `npm run demo`: everything needed to see the dashboard working on this machine, with nothing
// installed beyond node_modules. Migrates, creates the demo accounts, seeds an empty database,
// builds if needed, starts the server (with its lapse sweep), then a simulator of phones.
// Options: --dev (next dev instead of a production build), --port N (or PORT), --workers N
// (phones simulated fast, default 300), --seed-workers N (population to seed, default 10000).
// The embedded database serves one process at a time, so the steps run strictly one after another.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    workers: { type: 'string', default: process.env.SIM_WORKERS ?? '300' },
    'seed-workers': { type: 'string', default: process.env.DEMO_WORKERS ?? '10000' },
    speed: { type: 'string', default: '60' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`[demo] --port must be a TCP port number (got "${values.port}")`);
  process.exit(2);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DEMO: '1', PORT: String(port) };
const children = new Map(); // child -> leads its own process group
let stopping = false;

function log(line) {
  console.log(`[demo] ${line}`);
}

/** Runs a command to completion; resolves with its stdout when `capture` is set. */
function run(command, args, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    children.set(child, false);
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`,
          ),
        );
    });
  });
}

/** Starts a long-running process in its own process group, so it can be stopped with its children. */
function start(command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true });
  children.set(child, true);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      log(`${args[1] ?? command} stopped (${signal ?? `exit ${code}`}); shutting the demo down`);
      void shutdown(1);
    }
  });
  return child;
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (stopping) throw new Error('stopped');
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const signal = (sig) => {
    for (const [child, group] of children) {
      try {
        // Detached children lead their own group: signal the group so their workers stop too.
        if (group) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (children.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  signal('SIGKILL');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  log(
    `database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env.PGLITE_DIR ?? '.data/pglite'}`}`,
  );
  await run('npx', ['tsx', 'scripts/migrate.ts']);
  const accounts = await run('npx', ['tsx', 'scripts/demo-accounts.ts'], { capture: true });
  const seeded = await run(
    'npx',
    ['tsx', 'scripts/seed.ts', '--if-empty', '--workers', values['seed-workers']],
    { capture: true },
  );
  const population = Number(/seeded-workers=(\d+)/.exec(seeded)?.[1] ?? values['seed-workers']);
  if (!values.dev && !fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
    log('no production build yet: building (a few minutes, once)');
    await run('npx', ['next', 'build']);
  }
  start('npx', ['next', values.dev ? 'dev' : 'start', '-p', String(port)]);
  const url = `http://localhost:${port}`;
  await waitForHealth(`${url}/api/health`, values.dev ? 300_000 : 120_000);
  start('npx', [
    'tsx',
    'scripts/simulate.ts',
    '--url',
    url,
    '--workers',
    values.workers,
    '--speed',
    values.speed,
    '--keepalive',
    String(population),
  ]);
  const signIn = accounts
    .split('\n')
    .filter((line) => /^\s{2}\S/.test(line))
    .join('\n');
  console.log(
    `\n[demo] Open ${url} — sign in as one of these (demo only):\n${signIn}\n[demo] Ctrl-C stops the server and the simulator.\n`,
  );
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
