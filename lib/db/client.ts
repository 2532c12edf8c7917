// The one database handle of the process: PGlite in a local folder by default, a PostgreSQL server
// when DATABASE_URL is set. Both speak the same SQL, so nothing above this file knows which it is.
import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import path from 'node:path';
import fs from 'node:fs';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

interface Handle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
}

// Survives Next's module reloading in development, so there is one PGlite per process.
const globalKey = Symbol.for('regwatch.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };

export function resolvePgliteDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? '.data/pglite');
}

function openHandle(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const t = readDbTimeouts();
    const client = postgres(url, {
      max: Number(process.env.DB_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Seconds. A dead or unreachable server must fail a request in a few seconds (answered 503),
      // not hold it for the 30 s default; idle connections are dropped so a restarted server is
      // reconnected to on the next query instead of through a stale socket.
      connect_timeout: t.connectSeconds,
      // postgres-js waits up to 20 s (3^failures / 100 s) before reconnecting after refused
      // connections, and queries queue behind that wait: during an outage requests hung for 10+ s
      // and recovery lagged the server's return by as much. A short, capped backoff keeps every
      // request failing fast (503) while the server is down and reconnects as soon as it is back.
      backoff: (failures: number) => Math.min(0.05 * 2 ** failures, t.backoffMaxSeconds),
      idle_timeout: t.idleSeconds,
      max_lifetime: 60 * 30,
      // Sent in the start-up packet, so every pooled connection has them from its first query.
      connection: {
        application_name: 'regwatch',
        statement_timeout: t.statementMs,
        lock_timeout: t.lockMs,
        idle_in_transaction_session_timeout: t.idleInTransactionMs,
      },
    });
    const db: Db = drizzlePostgres({ client, schema });
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = resolvePgliteDir();
  fs.mkdirSync(dir, { recursive: true });
  // pg_trgm backs the worker search indexes (migration 0008_search).
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  const db: Db = drizzlePglite({ client, schema });
  return { db, kind: 'pglite', close: () => client.close() };
}

export interface DbTimeouts {
  connectSeconds: number;
  idleSeconds: number;
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  backoffMaxSeconds: number;
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** PostgreSQL timeouts, each configurable by environment (0 switches a server-side timeout off). */
export function readDbTimeouts(): DbTimeouts {
  return {
    connectSeconds: envNumber('DB_CONNECT_TIMEOUT_S', 3),
    idleSeconds: envNumber('DB_IDLE_TIMEOUT_S', 30),
    statementMs: envNumber('DB_STATEMENT_TIMEOUT_MS', 60_000),
    lockMs: envNumber('DB_LOCK_TIMEOUT_MS', 10_000),
    idleInTransactionMs: envNumber('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    backoffMaxSeconds: envNumber('DB_RECONNECT_BACKOFF_MAX_S', 0.5),
  };
}

export function getHandle(): Handle {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openHandle();
  return g[globalKey];
}

export function getDb(): Db {
  return getHandle().db;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  g[globalKey] = undefined;
  if (handle) await handle.close();
}

// drizzle's execute() answers with `{ rows }` on PGlite and with an array on postgres-js.
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows as T[];
}
