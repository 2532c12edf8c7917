import 'server-only';
// The read handle for officer reads that tolerate a little lag (map clusters, lists, stats): a
// streaming replica when DATABASE_REPLICA_URL is set, else the primary from client.ts. A probe
// checks the replica every few seconds; while it is unreachable, or further behind than
// REPLICA_MAX_LAG_MS, reads go to the primary. Writes, and reads that follow a write in the same
// flow, never come here: they use getDb().
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Db, getDb, queryRows } from './client';
import * as schema from './schema';

const PROBE_MS = Number(process.env.REPLICA_PROBE_MS ?? 2_000);
const MAX_LAG_MS = Number(process.env.REPLICA_MAX_LAG_MS ?? 10_000);
const CONNECT_TIMEOUT_S = 2;
const PROBE_WAIT_MS = 1_500;

export interface ReplicaLag {
  /** Whether a replica is configured at all. */
  configured: boolean;
  /** Whether officer reads go to the replica right now (false: they fall back to the primary). */
  inUse: boolean;
  reachable: boolean;
  /** Replay delay behind the primary; 0 when everything received has been replayed. */
  lagMs: number | null;
  checkedAt: string | null;
}

interface Replica {
  db: Db;
  client: postgres.Sql;
  healthy: boolean;
  inflight: Promise<ReplicaLag> | null;
  last: ReplicaLag;
  timer: NodeJS.Timeout;
}

const globalKey = Symbol.for('regwatch.replica');
type GlobalWithReplica = typeof globalThis & { [globalKey]?: Replica | null };

// Zero when the replica has replayed all it received (an idle primary sends nothing, so the time
// since the last replayed commit would grow without meaning anything).
const LAG_QUERY = sql`SELECT pg_is_in_recovery() AS standby,
  CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000, 0) END::float8 AS lag_ms`;

// One probe at a time; callers during a probe share its answer.
function probe(replica: Replica): Promise<ReplicaLag> {
  replica.inflight ??= measure(replica).finally(() => {
    replica.inflight = null;
  });
  return replica.inflight;
}

async function measure(replica: Replica): Promise<ReplicaLag> {
  const checkedAt = new Date().toISOString();
  try {
    const [row] = await queryRows<{ standby: boolean; lag_ms: number }>(replica.db, LAG_QUERY);
    const lagMs = Math.round(Number(row?.lag_ms ?? 0));
    replica.healthy = lagMs <= MAX_LAG_MS;
    replica.last = { configured: true, inUse: replica.healthy, reachable: true, lagMs, checkedAt };
  } catch {
    replica.healthy = false;
    replica.last = { configured: true, inUse: false, reachable: false, lagMs: null, checkedAt };
  }
  return replica.last;
}

function openReplica(url: string): Replica {
  const client = postgres(url, {
    max: Number(process.env.DB_REPLICA_POOL_SIZE ?? 5),
    connect_timeout: CONNECT_TIMEOUT_S,
    onnotice: () => {},
    connection: { application_name: 'regwatch-read' },
    // A dropped connection (replica stopped or restarted) sends reads to the primary at once; the
    // next probe brings them back when the replica answers again.
    onclose: () => {
      replica.healthy = false;
      void probe(replica);
    },
  });
  // Runs only after `replica` below is assigned: connections open lazily, on the first probe.
  const timer = setInterval(() => void probe(replica), PROBE_MS);
  timer.unref();
  const replica: Replica = {
    db: drizzle({ client, schema }),
    client,
    healthy: false,
    inflight: null,
    last: { configured: true, inUse: false, reachable: false, lagMs: null, checkedAt: null },
    timer,
  };
  void probe(replica);
  return replica;
}

function getReplica(): Replica | null {
  const g = globalThis as GlobalWithReplica;
  if (g[globalKey] === undefined) {
    const url = process.env.DATABASE_REPLICA_URL;
    g[globalKey] = url && process.env.DATABASE_URL ? openReplica(url) : null;
  }
  return g[globalKey];
}

/** The handle for lag-tolerant officer reads: the replica when it is up and close, else the primary. */
export function getReadDb(): Db {
  const replica = getReplica();
  return replica?.healthy ? replica.db : getDb();
}

/** Where reads go and how far the replica is behind, for /api/health (probes afresh). */
export async function readReplicaLag(): Promise<ReplicaLag> {
  const replica = getReplica();
  if (!replica) return { configured: false, inUse: false, reachable: false, lagMs: null, checkedAt: null };
  // Health checks must answer quickly: a probe still running after a moment gives the last answer.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReplicaLag>((resolve) => {
    timer = setTimeout(() => resolve(replica.last), PROBE_WAIT_MS);
  });
  try {
    return await Promise.race([probe(replica), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function closeReadDb(): Promise<void> {
  const g = globalThis as GlobalWithReplica;
  const replica = g[globalKey];
  g[globalKey] = undefined;
  if (!replica) return;
  clearInterval(replica.timer);
  await replica.client.end({ timeout: 5 });
}
