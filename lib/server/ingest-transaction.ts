import 'server-only';
// How a group's transaction is run. Through drizzle a group pays four round trips: BEGIN, the lock
// and insert (pipelined), the status update, COMMIT. On PostgreSQL the ingest server sends BEGIN
// together with the first statement and COMMIT together with the last one, on a connection of its
// own for the transaction: two round trips, the same statements in the same order. A fix is still
// answered only after COMMIT has succeeded; if the last statement fails, PostgreSQL turns that
// COMMIT into a rollback and the caller gets the statement's error.
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Db } from '@/lib/db/client';
import * as schema from '@/lib/db/schema';

/** What a transaction body hands back: its last statement, already sent, still to be awaited. */
export interface TxTail {
  pending: Promise<void> | null;
}

export type TxRunner = (body: (tx: Db) => Promise<TxTail>) => Promise<void>;

/** drizzle's own transaction (PGlite, the dashboard): the tail is awaited before COMMIT. */
export function drizzleTransactions(db: Db): TxRunner {
  return (body) =>
    db.transaction(async (tx) => {
      const { pending } = await body(tx);
      await pending;
    });
}

export function isPostgresClient(value: unknown): value is postgres.Sql {
  return typeof value === 'function' && 'reserve' in value && typeof value.reserve === 'function';
}

/** The ingest server's runner for this database: pipelined on PostgreSQL, drizzle's on PGlite. */
export function groupTransactions(db: Db): TxRunner {
  const client = '$client' in db ? db.$client : null;
  return isPostgresClient(client) ? pipelinedTransactions(client) : drizzleTransactions(db);
}

/** BEGIN and COMMIT each ride with a statement of the body (postgres.js pipelines one connection). */
export function pipelinedTransactions(client: postgres.Sql): TxRunner {
  return async (body) => {
    const conn = await client.reserve();
    // drizzle reads the type parsers from `options`, which a reserved connection's sql lacks; they
    // are the pool's (drizzle set them up when the pool's db was made).
    conn.options = client.options;
    try {
      const begin = conn.unsafe('BEGIN').execute();
      let tail: TxTail;
      try {
        tail = await body(drizzle({ client: conn, schema }));
        await begin;
      } catch (error) {
        await begin.catch(() => {});
        await conn.unsafe('ROLLBACK').catch(() => {});
        throw error;
      }
      const commit = conn.unsafe('COMMIT').execute();
      const [last, done] = await Promise.allSettled([tail.pending, commit]);
      // A failed last statement aborted the transaction: its COMMIT was a rollback.
      if (last.status === 'rejected') throw last.reason;
      if (done.status === 'rejected') throw done.reason;
    } finally {
      conn.release();
    }
  };
}
