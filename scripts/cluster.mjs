// `npm run cluster`: the deployment a ministry would run first, on this machine and loopback only.
// PostgreSQL primary + streaming replica, two (or more) app instances on the production build,
// nginx in front with round robin. Prints the address; Ctrl-C stops everything it started.
// Options: --apps N (default 2), --fresh (start from empty data), --seed-workers N (default 2000),
// --port (nginx, default 8088), --primary-port 55510, --replica-port 55511, --app-port 3311 (first
// instance; the next ones count up), --dir (default /tmp/regwatch-cluster-<primary port>).
import { parseArgs } from 'node:util';
import { startCluster } from './cluster/start.mjs';
import { stopAll } from './cluster/procs.mjs';

const { values } = parseArgs({
  options: {
    apps: { type: 'string', default: '2' },
    fresh: { type: 'boolean', default: false },
    'seed-workers': { type: 'string', default: '2000' },
    'seed-days': { type: 'string', default: '2' },
    port: { type: 'string', default: '8088' },
    'primary-port': { type: 'string', default: '55510' },
    'replica-port': { type: 'string', default: '55511' },
    'app-port': { type: 'string', default: '3311' },
    dir: { type: 'string' },
  },
});

function readInt(name, min, max) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`[cluster] --${name} must be a whole number from ${min} to ${max} (got "${values[name]}")`);
    process.exit(2);
  }
  return n;
}

const primaryPort = readInt('primary-port', 1024, 65_535);
const firstApp = readInt('app-port', 1024, 65_000);
const appCount = readInt('apps', 1, 16);
let stopping = false;
const log = (line) => console.log(`[cluster] ${line}`);

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping nginx, the app instances, the replica and the primary …');
  await stopAll();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const cluster = await startCluster({
    dir: values.dir ?? `/tmp/regwatch-cluster-${primaryPort}`,
    primaryPort,
    replicaPort: readInt('replica-port', 1024, 65_535),
    appPorts: Array.from({ length: appCount }, (_, i) => firstApp + i),
    nginxPort: readInt('port', 1024, 65_535),
    seedWorkers: readInt('seed-workers', 1, 1_000_000),
    seedDays: readInt('seed-days', 1, 14),
    fresh: values.fresh,
    log,
    onUnexpectedExit: (name, code, signal) => {
      if (stopping) return;
      log(`${name} stopped (${signal ?? `exit ${code}`}); shutting down`);
      void shutdown(1);
    },
  });
  const lines = [
    `RegWatch cluster: open ${cluster.url}`,
    '',
    `nginx        ${cluster.url}  (round robin, SSE unbuffered)`,
    ...cluster.apps.map((a) => `app          http://127.0.0.1:${a.port}  (pid ${a.child.pid})`),
    `primary      ${cluster.pg.url('primary')}`,
    `replica      ${cluster.pg.url('replica')}  (streaming)`,
    `logs         ${cluster.dir}/logs`,
    '',
    'Demo sign-in: supervisor / demo-password-2026 (see logs/setup.log for all)',
    'Ctrl-C stops everything started here.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`\n┌${'─'.repeat(width + 2)}┐`);
  for (const l of lines) console.log(`│ ${l.padEnd(width)} │`);
  console.log(`└${'─'.repeat(width + 2)}┘\n`);
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
