// Starts the whole local cluster: PostgreSQL primary + streaming replica, migrations and a small
// seeded population, N `next start` instances on the production build, nginx in front. Used by
// `npm run cluster` and by the failure drills; everything binds 127.0.0.1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findNginx, checkNginxConfig, nginxArgs, writeNginxConfig } from './nginx.mjs';
import { createPg, findPgBin } from './pg.mjs';
import { runLogged, runSync, signalGroup, startProcess, waitFor, waitForExit } from './procs.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Installs nginx and PostgreSQL from Debian's packages when missing (as .ci/run does for Chromium). */
export function ensurePackages(log) {
  const missing = [];
  if (!findNginx()) missing.push('nginx');
  if (!findPgBin()) missing.push('postgresql');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`install first: sudo apt-get install -y ${missing.join(' ')}`);
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  runSync('apt-get', ['update', '-qq'], { env });
  runSync('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

function readSecret(file) {
  if (!fs.existsSync(file))
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

export function streamingReplicas(pg) {
  return Number(pg.psql('primary', "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"));
}

/**
 * options: dir, primaryPort, replicaPort, appPorts[], nginxPort, seedWorkers, seedDays, fresh,
 * appEnv (extra environment for the instances), log(line), onUnexpectedExit(name).
 */
export async function startCluster(options) {
  const { dir, primaryPort, replicaPort, appPorts, nginxPort, log } = options;
  ensurePackages(log);
  if (options.fresh) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const logs = path.join(dir, 'logs');
  fs.mkdirSync(logs, { recursive: true });

  const pg = createPg({ bin: findPgBin(), dir, primaryPort, replicaPort });
  log(`PostgreSQL primary :${primaryPort} and streaming replica :${replicaPort} (data in ${dir})`);
  await pg.up();
  await waitFor('streaming replication', () => streamingReplicas(pg) === 1, 30_000);

  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DEMO: '1',
    DATABASE_URL: pg.url('primary'),
    DATABASE_REPLICA_URL: pg.url('replica'),
    // Every instance signs and checks session cookies with the same key.
    BETTER_AUTH_SECRET: readSecret(path.join(dir, 'auth-secret')),
    JOBS_LOG: '1',
    ...options.appEnv,
  };
  log('migrating, demo accounts, seeding (once)');
  await runLogged(bin('tsx'), ['--conditions=react-server', 'scripts/demo-accounts.ts'], {
    env,
    cwd: root,
    logFile: path.join(logs, 'setup.log'),
  });
  const seedArgs = [
    '--conditions=react-server',
    'scripts/seed.ts',
    '--if-empty',
    '--workers',
    String(options.seedWorkers),
    '--days',
    String(options.seedDays),
    '--seed',
    '42',
  ];
  await runLogged(bin('tsx'), seedArgs, { env, cwd: root, logFile: path.join(logs, 'setup.log') });

  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('no production build yet: next build (a few minutes, once)');
    await runLogged(bin('next'), ['build'], { env, cwd: root, logFile: path.join(logs, 'build.log') });
  }

  const apps = appPorts.map((port) => ({ port, child: null, restarts: 0 }));
  const startApp = (app) => {
    const logFile = path.join(logs, `app-${app.port}.log`);
    app.logFile = logFile;
    app.child = startProcess(
      `app :${app.port}`,
      bin('next'),
      ['start', '-p', String(app.port), '-H', '127.0.0.1'],
      {
        env: { ...env, PORT: String(app.port) },
        cwd: root,
        logFile,
        onExit: (code, signal) => options.onUnexpectedExit?.(`app :${app.port}`, code, signal, app),
      },
    );
    return app.child;
  };
  const appHealthy = async (app) =>
    (await fetch(`http://127.0.0.1:${app.port}/api/health`, { signal: AbortSignal.timeout(3_000) })).ok;
  log(`starting ${apps.length} app instances on ${appPorts.map((p) => `:${p}`).join(', ')}`);
  for (const app of apps) startApp(app);
  await Promise.all(apps.map((app) => waitFor(`app :${app.port}`, () => appHealthy(app), 180_000)));

  const nginxBin = findNginx();
  const conf = writeNginxConfig({ dir, port: nginxPort, appPorts });
  checkNginxConfig(nginxBin, dir, conf);
  const nginx = startProcess('nginx', nginxBin, nginxArgs(dir, conf), {
    cwd: dir,
    logFile: path.join(logs, 'nginx.log'),
    onExit: (code, signal) => options.onUnexpectedExit?.('nginx', code, signal),
  });
  const url = `http://127.0.0.1:${nginxPort}`;
  await waitFor('nginx', async () => (await fetch(`${url}/api/health`)).ok, 30_000);

  return {
    url,
    pg,
    apps,
    nginx,
    env,
    dir,
    /** Restarts a stopped (or killed) instance and waits until it answers. */
    async restartApp(app) {
      if (app.child && app.child.exitCode === null && app.child.signalCode === null) {
        signalGroup(app.child, 'SIGTERM');
        await waitForExit(app.child, 10_000);
      }
      app.restarts += 1;
      startApp(app);
      await waitFor(`app :${app.port}`, () => appHealthy(app), 120_000, 250);
    },
  };
}
