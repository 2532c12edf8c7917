// `npm run cluster:drills`: starts a throwaway cluster (its own ports and folder), drives a steady
// load of phones and officers through nginx, and runs the failure drills: kill -9 one app
// instance, stop the replica, restart the primary. Prints each drill's figures, checks that the
// background jobs ran once per interval across the instances, and exits 1 when a drill fails.
import fs from 'node:fs';
import postgres from 'postgres';
import { startCluster, streamingReplicas } from './cluster/start.mjs';
import {
  enlistPhones,
  Recorder,
  runOfficers,
  runPhones,
  runStream,
  signIn,
  tokenHash,
} from './cluster/load.mjs';
import { signalGroup, sleep, stopAll, waitFor } from './cluster/procs.mjs';
import { checkJobs } from './cluster/jobs-check.mjs';

const PHONES = Number(process.env.DRILL_PHONES ?? 24);
const OBSERVE_MS = Number(process.env.DRILL_OBSERVE_MS ?? 12_000);
const INTERVALS = { sweep: 2_000, 'map cells': 3_000, 'retention purge': 4_000 };
const log = (line) => console.log(`[drills] ${new Date().toISOString().slice(11, 19)} ${line}`);
const results = [];
const dir = `/tmp/regwatch-drills-${process.pid}`;
let stopping = false;
const budget = setTimeout(() => {
  console.error('[drills] over the 6-minute budget: giving up');
  void finish(1);
}, 360_000);

async function finish(code, removeDir) {
  if (stopping) return;
  stopping = true;
  clearTimeout(budget);
  await stopAll();
  // Kept after a failure, with the logs of every process, for a look at what went wrong.
  if (removeDir) fs.rmSync(removeDir, { recursive: true, force: true });
  else if (code !== 130) console.log(`[drills] logs kept in ${dir}`);
  process.exit(code);
}
process.on('SIGINT', () => void finish(130));
// Whatever goes wrong, the processes started here are stopped.
process.on('uncaughtException', (error) => {
  console.error(`[drills] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void finish(1);
});
process.on('unhandledRejection', (error) => {
  console.error(`[drills] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void finish(1);
});

const cluster = await startCluster({
  dir,
  primaryPort: 55520,
  replicaPort: 55521,
  appPorts: [3321, 3322],
  nginxPort: 8098,
  seedWorkers: 600,
  seedDays: 1,
  fresh: true,
  log,
  appEnv: {
    SWEEP_INTERVAL_MS: String(INTERVALS.sweep),
    MAP_CELLS_INTERVAL_MS: String(INTERVALS['map cells']),
    PURGE_INTERVAL_MS: String(INTERVALS['retention purge']),
    REPLICA_PROBE_MS: '1000',
  },
  onUnexpectedExit: () => {},
}).catch(async (error) => {
  console.error(`[drills] the cluster did not start: ${error instanceof Error ? error.message : error}`);
  await finish(1);
});
const base = cluster.url;
const primary = postgres(cluster.pg.url('primary'), { max: 2, onnotice: () => {}, connect_timeout: 3 });
// An instance's own view (not through nginx); {} when it does not answer in time on a busy machine.
const health = async (port) => {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return await res.json();
    } catch {
      await sleep(500);
    }
  }
  return {};
};

// --- load ------------------------------------------------------------------------------------
const recorder = new Recorder();
const stop = { done: false, readers: new Set() };
const upstreams = new Map();
const phones = await enlistPhones(base, PHONES, recorder);
const cookies = [
  await signIn(base, 'supervisor', 'demo-password-2026'),
  await signIn(base, 'officer', 'demo-password-2026'),
  await signIn(base, 'supervisor', 'demo-password-2026'),
];
const loadStarted = Date.now();
const phonesDone = runPhones(phones, 1_000, stop);
const officersDone = runOfficers(base, cookies, 250, recorder, stop, upstreams);
const streams = [runStream(base, cookies[0], stop), runStream(base, cookies[1], stop)];
log(
  `load: ${phones.length} phones (1 fix/s each; half batches, half OsmAnd), ${cookies.length} officers, ${streams.length} event streams`,
);
await sleep(8_000);

async function lostFixes() {
  // What was acknowledged before the query starts: later acknowledgements may not be in its snapshot.
  const acknowledged = phones.map((p) => p.acknowledged.slice());
  const hashes = phones.map((p) => tokenHash(p.token));
  const rows =
    await primary`SELECT d.token_hash, p.fix_time FROM positions p JOIN devices d ON d.id = p.device_id
    WHERE d.token_hash = ANY(${hashes}) AND p.fix_time >= ${new Date(loadStarted - 60_000)}`;
  const stored = new Set(rows.map((r) => `${r.token_hash}|${r.fix_time.getTime()}`));
  let acked = 0;
  let lost = 0;
  for (const [i, phone] of phones.entries()) {
    const hash = tokenHash(phone.token);
    for (const t of acknowledged[i]) {
      acked++;
      if (!stored.has(`${hash}|${t}`)) lost++;
    }
  }
  return { acked, lost };
}

// Judged once the load has stopped, so requests that hung past a drill's window are counted too.
function record(name, from, to, extra, checks) {
  results.push({ name, from, to, extra, checks });
  log(`${name}: done`);
}

function judge(r) {
  const phone = recorder.figures('phone', r.from, r.to);
  const officer = recorder.figures('officer', r.from, r.to);
  const failed = Object.entries(r.checks(phone, officer))
    .filter(([, ok]) => !ok)
    .map(([what]) => what);
  return { ...r, phone, officer, failed };
}

const within = (f, ms) => f.recoverMs !== null && f.recoverMs <= ms;

// --- baseline ---------------------------------------------------------------------------------
{
  const from = Date.now();
  await sleep(6_000);
  const h = await health(cluster.apps[0].port);
  record(
    'steady load (no fault)',
    from,
    Date.now(),
    `replica lag ${h.replica?.lagMs ?? '?'} ms, reads on replica: ${h.replica?.inUse}`,
    (p, o) => ({
      'phone requests failed': p.failed === 0,
      'officer requests failed': o.failed === 0,
      'reads not on the replica': h.replica?.inUse === true,
    }),
  );
}

// --- drill 1: kill -9 one app instance -------------------------------------------------------
{
  const victim = cluster.apps[0];
  const victimAddr = `127.0.0.1:${victim.port}`;
  const streamsOnVictim = streams.filter((s) => s.state.upstream === victimAddr).length;
  const outagesBefore = streams.map((s) => s.state.outages.length);
  log(`drill 1: kill -9 app :${victim.port} (pid ${victim.child.pid}; ${streamsOnVictim} stream(s) on it)`);
  const from = Date.now();
  signalGroup(victim.child, 'SIGKILL');
  await sleep(OBSERVE_MS);
  const to = Date.now();
  const reconnects = streams.flatMap((s, i) => s.state.outages.slice(outagesBefore[i]));
  const streamsUp = streams.every((s) => s.state.down === null);
  const { lost, acked } = await lostFixes();
  record(
    'kill -9 one app instance',
    from,
    to,
    `fixes acknowledged so far ${acked}, lost ${lost}; streams reconnected ${reconnects.length} (max ${Math.max(0, ...reconnects)} ms)`,
    (p, o) => ({
      'fixes lost': lost === 0,
      'phones did not recover within 5 s': within(p, 5_000),
      'officers did not recover within 5 s': within(o, 5_000),
      'a stream did not reconnect': streamsUp && reconnects.length >= streamsOnVictim,
    }),
  );
  const rejoin = Date.now();
  await cluster.restartApp(victim);
  log(`drill 1: app :${victim.port} back in ${((Date.now() - rejoin) / 1000).toFixed(1)} s`);
  await sleep(3_000);
}

// --- drill 2: stop the replica -----------------------------------------------------------------
{
  const before = await Promise.all(cluster.apps.map((a) => health(a.port)));
  log('drill 2: stop the replica (pg_ctl stop -m fast)');
  const from = Date.now();
  await cluster.pg.stop('replica');
  await sleep(OBSERVE_MS);
  const to = Date.now();
  const during = await Promise.all(cluster.apps.map((a) => health(a.port)));
  await cluster.pg.start('replica');
  const back = Date.now();
  let backMs = null;
  await waitFor(
    'reads back on the replica',
    async () => {
      const all = await Promise.all(cluster.apps.map((a) => health(a.port)));
      return all.every((h) => h.replica?.inUse === true);
    },
    30_000,
    250,
  )
    .then(() => (backMs = Date.now() - back))
    .catch(() => {});
  record(
    'stop the replica',
    from,
    to,
    `reads on replica before ${before.map((h) => h.replica?.inUse).join('/')}, during ${during.map((h) => h.replica?.inUse).join('/')}; back on the replica ${backMs === null ? 'never' : `${backMs} ms`} after it restarted`,
    (p, o) => ({
      'reads were not on the replica before': before.every((h) => h.replica?.inUse === true),
      'reads did not fall back to the primary': during.every((h) => h.replica?.inUse === false),
      'officers did not recover within 5 s': within(o, 5_000),
      'phones failed': p.failed === 0,
      'reads did not return to the replica': backMs !== null,
    }),
  );
}

// --- drill 3: restart the primary ------------------------------------------------------------
{
  const pids = cluster.apps.map((a) => a.child.pid);
  log('drill 3: restart the primary (pg_ctl restart -m fast)');
  const from = Date.now();
  await cluster.pg.restart('primary');
  const downMs = Date.now() - from;
  await sleep(OBSERVE_MS);
  const to = Date.now();
  let replicaMs = null;
  await waitFor('replica streaming again', () => streamingReplicas(cluster.pg) === 1, 30_000, 250)
    .then(() => (replicaMs = Date.now() - from))
    .catch(() => {});
  const { lost, acked } = await lostFixes();
  const samePids = cluster.apps.every((a, i) => a.child.pid === pids[i] && a.child.exitCode === null);
  record(
    'restart the primary',
    from,
    to,
    `pg_ctl restart took ${downMs} ms; apps not restarted: ${samePids}; replica streaming again after ${replicaMs ?? 'never'} ms; fixes lost ${lost} of ${acked}`,
    (p, o) => ({
      'fixes lost': lost === 0,
      // Counted from the moment the primary is back: how long it takes to restart is its own business.
      'phones did not recover within 15 s of the primary being back': within(p, downMs + 15_000),
      'officers did not recover within 15 s of the primary being back': within(o, downMs + 15_000),
      'an app was restarted': samePids,
      'the replica did not reconnect': replicaMs !== null,
    }),
  );
}

// --- wind down and final checks --------------------------------------------------------------
stop.done = true;
for (const reader of stop.readers) void reader.cancel().catch(() => {});
await Promise.all([phonesDone, officersDone]);
for (const phone of phones) while (phone.pending.length) await phone.upload();
const final = await lostFixes();
fs.writeFileSync(`${cluster.dir}/events.json`, JSON.stringify(recorder.events));
const jobs = checkJobs(
  cluster.apps.map((a) => fs.readFileSync(a.logFile, 'utf8')),
  INTERVALS,
  loadStarted,
);
await primary.end();

console.log(
  '\nDrill figures (through nginx; time to recover = fault until the first success after the last failure)',
);
const row = (cells) =>
  console.log(cells.map((c, i) => String(c).padEnd([28, 17, 19, 12, 13, 8][i] ?? 0)).join(''));
row(['drill', 'phone req/fail', 'officer req/fail', 'phones ok', 'officers ok', 'result']);
const judged = results.map(judge);
for (const r of judged) {
  const ms = (f) => (f.recoverMs === null ? 'never' : `${(f.recoverMs / 1000).toFixed(1)} s`);
  row([
    r.name,
    `${r.phone.requests}/${r.phone.failed}`,
    `${r.officer.requests}/${r.officer.failed}`,
    ms(r.phone),
    ms(r.officer),
    r.failed.length ? 'FAIL' : 'pass',
  ]);
  if (r.failed.length) console.log(`  FAILED: ${r.failed.join('; ')}`);
  console.log(`  slowest request: phones ${r.phone.slowestMs} ms, officers ${r.officer.slowestMs} ms`);
  console.log(
    `  ${r.extra}${r.phone.failed + r.officer.failed ? `; failure statuses: phones ${r.phone.statuses}, officers ${r.officer.statuses}` : ''}`,
  );
}
console.log(`\nfixes: ${final.acked} acknowledged (2xx), ${final.lost} missing from the primary`);
console.log(`officer requests per instance: ${[...upstreams].map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const j of jobs.lines) console.log(j);
const ok = judged.every((r) => r.failed.length === 0) && final.lost === 0 && jobs.ok;
console.log(
  `\n[drills] ${ok ? 'all drills passed' : 'SOME DRILLS FAILED'} in ${Math.round((Date.now() - loadStarted) / 1000)} s of load`,
);
await finish(ok ? 0 : 1, ok && process.env.DRILL_KEEP !== '1' ? cluster.dir : undefined);
