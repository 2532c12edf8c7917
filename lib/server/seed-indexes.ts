// Loading millions of rows into empty tables is several times faster without their indexes, keys
// and foreign keys: each row would otherwise update every index at a random place and run one
// foreign-key lookup per reference. The seeder lifts them all, loads, then rebuilds them by sorting
// (and re-checks every foreign key in one join per key). Read from the catalogue, so indexes that
// later migrations add are lifted and rebuilt exactly as they were defined.
// scripts/seed.ts and the benchmark run it under tsx --conditions=react-server.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, type DbKind, queryRows } from '@/lib/db/client';

export interface LiftedIndexes {
  /** Statements that put everything back, in an order that works (keys before foreign keys). */
  restore: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function liftIndexes(db: Db, tables: readonly string[]): Promise<LiftedIndexes> {
  const names = sql.raw(tables.map((t) => `'${t.replace(/[^a-z0-9_]/g, '')}'`).join(', '));
  const constraints = await queryRows<{ tbl: string; name: string; type: string; def: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, c.contype AS type,
          pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
        WHERE c.conparentid = 0 AND (
          (c.contype IN ('p', 'u') AND c.conrelid::regclass::text IN (${names}))
          OR (c.contype = 'f' AND (c.conrelid::regclass::text IN (${names}) OR c.confrelid::regclass::text IN (${names}))))
        ORDER BY c.contype, c.conname`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i
        WHERE i.indrelid::regclass::text IN (${names})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY 1`,
  );
  const fks = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of fks) await db.execute(sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quote(c.name)}`));
  for (const c of keys) await db.execute(sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quote(c.name)}`));
  for (const i of indexes) await db.execute(sql.raw(`DROP INDEX ${i.name}`));
  return {
    restore: [
      // A partitioned table's index is printed as `ON ONLY parent`: built this way it covers every
      // partition again.
      ...indexes.map((i) => i.def.replace(' ON ONLY ', ' ON ')),
      ...keys.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${quote(c.name)} ${c.def}`),
      ...fks.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${quote(c.name)} ${c.def}`),
    ],
  };
}

export async function restoreIndexes(db: Db, kind: DbKind, lifted: LiftedIndexes): Promise<void> {
  if (!lifted.restore.length) return;
  await db.transaction(async (tx) => {
    // Sorting in memory instead of in temporary files; PGlite's memory is the process's own.
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${kind === 'postgres' ? 512 : 64}MB'`));
    for (const statement of lifted.restore) await tx.execute(sql.raw(statement));
  });
}
