// `npm run demo`: everything needed to see the dashboard working on this machine, with nothing
// installed beyond node_modules. Migrates, creates the demo accounts, seeds an empty database,
// builds if needed, starts the server (with its lapse sweep), on PostgreSQL also the device ingest
// server (scripts/ingest-server.ts, port + 1 or INGEST_PORT), then a simulator of phones.
// Options: --dev (next dev instead of a production build), --port N (or PORT), --host H (or HOST,
// default 127.0.0.1), --workers N (phones simulated fast, default 300), --seed-workers N
// (population to seed, default 10000), --preset strict|121-FZ (or DEMO_PRESET: the policy the
// seeded week ran under; 121-FZ shows reminders and far fewer cancellations; only on a fresh seed).
// Each step's own output goes to .data/demo-logs/<step>.log; the terminal shows one line per step,
// so the address and the credentials at the end are what stays on screen.
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
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    workers: { type: 'string', default: process.env.SIM_WORKERS ?? '300' },
    'seed-workers': { type: 'string', default: process.env.DEMO_WORKERS ?? '10000' },
    speed: { type: 'string', default: '60' },
    preset: { type: 'string', default: process.env.DEMO_PRESET ?? '' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`[demo] --port must be a TCP port number (got "${values.port}")`);
  process.exit(2);
}
const host = values.host;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DEMO: '1', PORT: String(port) };
const logDir = path.join(root, '.data', 'demo-logs');
fs.mkdirSync(logDir, { recursive: true });
const children = new Map(); // child -> leads its own process group
let stopping = false;
const TOTAL_STEPS = 5;
let stepNo = 0;

function log(line) {
  console.log(`[demo] ${line}`);
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs one numbered step to completion with its output in a log file; resolves with that output. */
async function step(title, command, args) {
  stepNo += 1;
  const logFile = path.join(logDir, `${stepNo}-${title.split(' ')[0].toLowerCase()}.log`);
  const started = Date.now();
  process.stdout.write(`[demo] ${stepNo}/${TOTAL_STEPS} ${title} … `);
  const ticker = setInterval(() => process.stdout.write('.'), 5_000);
  try {
    const out = await run(command, args, logFile);
    process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    return out;
  } catch (error) {
    process.stdout.write('failed\n');
    console.error(tail(logFile));
    console.error(`[demo] the whole log: ${path.relative(root, logFile)}`);
    throw error;
  } finally {
    clearInterval(ticker);
  }
}

function run(command, args, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', out, out] });
    children.set(child, false);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      fs.closeSync(out);
      if (code === 0) resolve(fs.readFileSync(logFile, 'utf8'));
      else
        reject(
          new Error(
            `${args.slice(0, 2).join(' ')} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`,
          ),
        );
    });
  });
}

/** Starts a long-running process in its own process group, so it can be stopped with its children. */
function start(name, command, args, extraEnv = {}) {
  const out = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', out, out],
    detached: true,
  });
  children.set(child, true);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      log(`${name} stopped (${signal ?? `exit ${code}`}); see .data/demo-logs/${name}.log; shutting down`);
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

function printBox(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  console.log(`\n┌${bar}┐`);
  for (const line of lines) console.log(`│ ${line.padEnd(width)} │`);
  console.log(`└${bar}┘\n`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  log(
    `database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${process.env.PGLITE_DIR ?? '.data/pglite'}`}; step logs in .data/demo-logs`,
  );
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  // Server modules carry `import 'server-only'`, which only the react-server condition lets load.
  const RS = '--conditions=react-server';
  const next = path.join(root, 'node_modules', '.bin', 'next');
  await step('Migrating the database', tsx, [RS, 'scripts/migrate.ts']);
  const accounts = await step('Creating demo accounts', tsx, [RS, 'scripts/demo-accounts.ts']);
  const seeded = await step(
    `Seeding ${Number(values['seed-workers']).toLocaleString('en')} workers (once)`,
    tsx,
    [
      RS,
      'scripts/seed.ts',
      '--if-empty',
      '--workers',
      values['seed-workers'],
      ...(values.preset ? ['--preset', values.preset] : []),
    ],
  );
  const population = Number(/seeded-workers=(\d+)/.exec(seeded)?.[1] ?? values['seed-workers']);
  if (!values.dev && !fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
    await step('Building the dashboard (first run only, a few minutes)', next, ['build']);
  } else {
    stepNo += 1;
    log(
      `${stepNo}/${TOTAL_STEPS} Building the dashboard … ${values.dev ? 'dev mode, skipped' : 'already built'}`,
    );
  }
  stepNo += 1;
  process.stdout.write(`[demo] ${stepNo}/${TOTAL_STEPS} Starting the server and the phone simulator … `);
  start('server', next, [values.dev ? 'dev' : 'start', '-p', String(port), '-H', host]);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await waitForHealth(`${url}/api/health`, values.dev ? 300_000 : 120_000);
  // On PostgreSQL the phones talk to the ingest server, as a load balancer would route them
  // (/api/v1/device/* and /api/v1/ingest/*); PGlite serves one process, so there the dashboard
  // serves the device paths itself.
  let deviceUrl = url;
  if (process.env.DATABASE_URL) {
    const ingestPort = Number(process.env.INGEST_PORT ?? port + 1);
    const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    start('ingest', process.execPath, [tsxCli, '--conditions=react-server', 'scripts/ingest-server.ts'], {
      INGEST_PORT: String(ingestPort),
      HOST: host,
    });
    deviceUrl = `http://${host.includes(':') ? `[${host}]` : host}:${ingestPort}`;
    await waitForHealth(`${deviceUrl}/api/health`, 60_000);
  }
  start('simulator', tsx, [
    'scripts/simulate.ts',
    '--url',
    deviceUrl,
    '--workers',
    values.workers,
    '--speed',
    values.speed,
    '--keepalive',
    String(population),
  ]);
  process.stdout.write('ready\n');
  const signIn = accounts
    .split('\n')
    .filter((line) => /^\s{2}\S/.test(line))
    .map((line) => line.trimEnd());
  printBox([
    `RegWatch is running: open ${url}`,
    ...(deviceUrl === url ? [] : [`Phones send to the ingest server at ${deviceUrl}`]),
    '',
    'Demo accounts (user  password  role):',
    ...signIn,
    '',
    'Ctrl-C stops the server and the simulator.',
  ]);
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
