// The device ingestion process: serves /api/v1/device/* and /api/v1/ingest/* on node:http with the
// dashboard's own route code, batched token look-ups and group commit (lib/server/group-commit.ts).
// A load balancer sends those two path prefixes here and everything else to the dashboard.
//   INGEST_PORT (3001)  HOST (127.0.0.1)  GROUP_WINDOW_MS (5)  GROUP_MAX (200)  GROUP_IN_FLIGHT (4)
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getHandle } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { createBatchedDeviceFinder } from '../lib/server/device-token-batch';
import { GroupCommitter } from '../lib/server/group-commit';
import { createIngestServer } from '../lib/server/ingest-http';
import { setPositionsPath } from '../lib/server/positions-path';

const port = Number(process.env.INGEST_PORT ?? 3001);
const host = process.env.HOST ?? '127.0.0.1';
const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

if (getHandle().kind === 'pglite') {
  console.warn('[ingest] PGlite serves one process: run the ingest server alone, not beside the dashboard.');
}
const db = getDb();
await migrate(db);
const committer = new GroupCommitter(db, {
  windowMs: numberEnv('GROUP_WINDOW_MS', 5),
  maxMembers: numberEnv('GROUP_MAX', 200),
  maxInFlight: numberEnv('GROUP_IN_FLIGHT', 4),
});
setPositionsPath({
  findDevice: createBatchedDeviceFinder(),
  write: (_db, device, fixes, options) => committer.submit({ device, fixes, backlog: options.backlog }),
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
  const { groups, members, retries } = committer.stats;
  console.log(`[ingest] stopping: ${members} uploads in ${groups} groups, ${retries} group retries`);
  await closeDb();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
