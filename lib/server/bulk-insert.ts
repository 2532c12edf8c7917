// Fast bulk loading for both databases: COPY … FROM STDIN through postgres.js on PostgreSQL, and
// COPY … FROM '/dev/blob' on PGlite (the blob is handed to the WASM server in memory). Used by the
// seeder and the benchmark; callers pass COPY text (lib/sim/byte-writer.ts) in chunks.
// A pool of dedicated connections lets the seeder keep several COPY streams and index builds
// running at once, so the server uses every core while the simulation runs in threads.
// No 'server-only' marker: tsx scripts import it.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import type { ReservedSql, Sql } from 'postgres';
import { type Db, type DbKind, getHandle } from '@/lib/db/client';

export interface BulkTarget {
  kind: DbKind;
  /** Loads `text` (COPY text format, one row per line) into `table` (`columns` in that order). */
  copy(table: string, columns: readonly string[], text: string | Uint8Array): Promise<void>;
}

export interface BulkPool extends BulkTarget {
  /** Connections; at most this many COPY or statements run at once (1 on PGlite). */
  size: number;
  /** Milliseconds the connections spent inside COPY (not waiting for one), summed. */
  copyMs: number;
  /** Runs one statement on the next free connection. */
  run(statement: string): Promise<void>;
  close(): Promise<void>;
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

function toBuffer(text: string | Uint8Array): Buffer {
  return typeof text === 'string'
    ? Buffer.from(text)
    : Buffer.from(text.buffer, text.byteOffset, text.length);
}

async function copyPostgres(
  client: Sql | ReservedSql,
  table: string,
  columns: readonly string[],
  text: string | Uint8Array,
) {
  if (!text.length) return;
  const writable = await client.unsafe(copyStatement(table, columns, 'STDIN')).writable();
  await pipeline(Readable.from([toBuffer(text)]), writable);
}

async function copyPglite(
  client: PGlite,
  table: string,
  columns: readonly string[],
  text: string | Uint8Array,
) {
  if (!text.length) return;
  const blob = new Blob([typeof text === 'string' ? text : new Uint8Array(text)]);
  await client.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob });
}

export function openBulkTarget(handle: { db: Db; kind: DbKind } = getHandle()): BulkTarget {
  const client = getClient(handle.db);
  if (handle.kind === 'pglite' && isPglite(client))
    return { kind: 'pglite', copy: (table, columns, text) => copyPglite(client, table, columns, text) };
  if (handle.kind === 'postgres' && isPostgres(client))
    return { kind: 'postgres', copy: (table, columns, text) => copyPostgres(client, table, columns, text) };
  throw new Error(`bulk insert: the ${handle.kind} handle does not expose its driver client`);
}

async function timed(pool: { copyMs: number }, work: () => Promise<void>): Promise<void> {
  const t = performance.now();
  try {
    await work();
  } finally {
    pool.copyMs += performance.now() - t;
  }
}

/** Hands out `size` slots in turn; a caller waits for a free one. */
function createSlots<T>(items: T[]) {
  const free = [...items];
  const waiting: ((item: T) => void)[] = [];
  return async <R>(work: (item: T) => Promise<R>): Promise<R> => {
    const item = free.pop() ?? (await new Promise<T>((resolve) => waiting.push(resolve)));
    try {
      return await work(item);
    } finally {
      const next = waiting.shift();
      if (next) next(item);
      else free.push(item);
    }
  };
}

/**
 * Dedicated connections for a bulk load: no statement or lock timeout (index builds over millions
 * of rows take minutes), and `maintenanceMb` of memory to sort in.
 */
export async function openBulkPool(
  handle: { db: Db; kind: DbKind },
  connections: number,
  maintenanceMb: number,
): Promise<BulkPool> {
  const client = getClient(handle.db);
  if (handle.kind === 'pglite' && isPglite(client)) {
    await client.exec(`SET maintenance_work_mem = '${Math.round(maintenanceMb)}MB'`);
    const slot = createSlots([client]);
    const pool: BulkPool = {
      kind: 'pglite',
      size: 1,
      copyMs: 0,
      copy: (table, columns, text) => slot((c) => timed(pool, () => copyPglite(c, table, columns, text))),
      run: (statement) => slot(async (c) => void (await c.exec(statement))),
      close: async () => void (await client.exec('RESET maintenance_work_mem')),
    };
    return pool;
  }
  if (handle.kind === 'postgres' && isPostgres(client)) {
    const reserved: ReservedSql[] = [];
    for (let i = 0; i < Math.max(1, connections); i++) {
      const r = await client.reserve();
      await r.unsafe(
        `SET statement_timeout = 0; SET lock_timeout = 0; SET maintenance_work_mem = '${Math.round(maintenanceMb)}MB'`,
      );
      reserved.push(r);
    }
    const slot = createSlots(reserved);
    const pool: BulkPool = {
      kind: 'postgres',
      size: reserved.length,
      copyMs: 0,
      copy: (table, columns, text) => slot((c) => timed(pool, () => copyPostgres(c, table, columns, text))),
      run: (statement) => slot(async (c) => void (await c.unsafe(statement))),
      close: async () => {
        for (const r of reserved) {
          await r.unsafe('RESET ALL').catch(() => {});
          r.release();
        }
      },
    };
    return pool;
  }
  throw new Error(`bulk insert: the ${handle.kind} handle does not expose its driver client`);
}
