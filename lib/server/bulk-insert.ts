// Fast bulk loading for both databases: COPY … FROM STDIN through postgres.js on PostgreSQL, and
// COPY … FROM '/dev/blob' on PGlite (the blob is handed to the WASM server in memory). Used by the
// seeder and the benchmark; callers pass COPY text (tab-separated, \N for NULL) in chunks.
// No 'server-only' marker: tsx scripts import it.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { type Db, type DbKind, getHandle } from '@/lib/db/client';

export interface BulkTarget {
  kind: DbKind;
  /** Loads `text` (COPY text format, one row per line) into `table` (`columns` in that order). */
  copy(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function copyStatement(table: string, columns: readonly string[], source: string): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulk insert: "${name}" is not a plain identifier`);
  }
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

// drizzle keeps the driver's client on `$client`; its public type does not say so.
function getClient(db: Db): unknown {
  return (db as unknown as { $client?: unknown }).$client;
}

function isPglite(client: unknown): client is PGlite {
  return (
    typeof client === 'object' &&
    client !== null &&
    'exec' in client &&
    'query' in client &&
    !('unsafe' in client)
  );
}

function isPostgres(client: unknown): client is Sql {
  return typeof client === 'function' && 'unsafe' in client;
}

export function openBulkTarget(handle: { db: Db; kind: DbKind } = getHandle()): BulkTarget {
  const client = getClient(handle.db);
  if (handle.kind === 'pglite' && isPglite(client)) {
    return {
      kind: 'pglite',
      async copy(table, columns, text) {
        if (!text.length) return;
        const blob = new Blob([typeof text === 'string' ? text : new Uint8Array(text)]);
        await client.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob });
      },
    };
  }
  if (handle.kind === 'postgres' && isPostgres(client)) {
    return {
      kind: 'postgres',
      async copy(table, columns, text) {
        if (!text.length) return;
        const writable = await client.unsafe(copyStatement(table, columns, 'STDIN')).writable();
        const data =
          typeof text === 'string'
            ? Buffer.from(text)
            : Buffer.from(text.buffer, text.byteOffset, text.length);
        await pipeline(Readable.from([data]), writable);
      },
    };
  }
  throw new Error(`bulk insert: the ${handle.kind} handle does not expose its driver client`);
}
