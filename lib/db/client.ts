// The one database handle of the process: PGlite in a local folder by default, a PostgreSQL server
// when DATABASE_URL is set. Both speak the same SQL, so nothing above this file knows which it is.
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
    const client = postgres(url, {
      max: Number(process.env.DB_POOL_SIZE ?? 10),
      onnotice: () => {},
      connection: { application_name: 'regwatch' },
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
