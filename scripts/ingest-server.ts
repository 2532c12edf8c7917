// The device ingestion process: serves /api/v1/device/* and /api/v1/ingest/* on node:http with the
// dashboard's own route code, batched token look-ups and group commit (lib/server/group-commit.ts).
// A load balancer sends those two path prefixes here and everything else to the dashboard.
// Found tokens are cached (lib/server/device-token-cache.ts); the positions transaction checks the
// device again, and a refused one is forgotten.
//   INGEST_PORT (3001)  HOST (127.0.0.1)  GROUP_WINDOW_MS (2)  GROUP_MAX (200)  GROUP_IN_FLIGHT (4)
//   TOKEN_CACHE_MAX (1000000)  INGEST_WORKERS (1; 2 = node:cluster, two processes on one port)
import cluster from 'node:cluster';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getHandle } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { installGroupCommitPath } from '../lib/server/group-commit-path';
import { createIngestServer } from '../lib/server/ingest-http';
import { groupTransactions } from '../lib/server/ingest-transaction';

const port = Number(process.env.INGEST_PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const workers = Math.max(1, numberEnv('INGEST_WORKERS', 1));
if (getHandle().kind === 'pglite') {
  console.warn('[ingest] PGlite serves one process: run the ingest server alone, not beside the dashboard.');
}
if (cluster.isPrimary && workers > 1 && getHandle().kind === 'postgres') {
  await migrate(getDb());
  await closeDb();
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is not replaced: the supervisor (or the demo) sees the exit and restarts all.
  cluster.on('exit', () => process.exit(1));
  const stopAll = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    cluster.removeAllListeners('exit');
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
} else {
  await serve();
}

async function serve(): Promise<void> {
  const db = getDb();
  if (cluster.isPrimary) await migrate(db);
  // On PostgreSQL a group's BEGIN and COMMIT ride with its statements (ingest-transaction.ts);
  // GROUP_PIPELINE=0 runs drizzle's transaction instead. With two round trips a group commits in a
  // few ms, so a 5 ms window was most of a request's wait: 2 ms keeps groups of ~10 at load.
  const committer = installGroupCommitPath(db, {
    windowMs: numberEnv('GROUP_WINDOW_MS', 2),
    maxMembers: numberEnv('GROUP_MAX', 200),
    maxInFlight: numberEnv('GROUP_IN_FLIGHT', 4),
    transactions: process.env.GROUP_PIPELINE === '0' ? undefined : groupTransactions(db),
    tokenCacheMax: numberEnv('TOKEN_CACHE_MAX', 1_000_000),
  });

  const server = createIngestServer(async () => {
    await db.execute(sql`SELECT 1`);
    return true;
  });
  server.listen(port, host, () => console.log(`[ingest] listening on http://${host}:${port}`));

  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    const { groups, members, retries, waitMs, commitMs } = committer.stats;
    const each = (ms: number) => (members ? ms / members : 0).toFixed(1);
    console.log(
      `[ingest] stopping: ${members} uploads in ${groups} groups, ${retries} group retries; ` +
        `per upload ${each(waitMs)} ms queued, ${each(commitMs)} ms in its transaction`,
    );
    await closeDb();
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
