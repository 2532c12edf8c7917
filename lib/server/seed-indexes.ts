// Loading millions of rows into empty tables is several times faster without their indexes, keys
// and foreign keys: each row would otherwise update every index at a random place and run one
// foreign-key lookup per reference. The seeder lifts them all, loads, then rebuilds them by sorting
// (and re-checks every foreign key in one join per key). Read from the catalogue, so indexes that
// later migrations add are lifted and rebuilt exactly as they were defined.
// scripts/seed.ts and the benchmark run it under tsx --conditions=react-server.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';

/** One statement that puts something back, with the tables it locks. */
export interface RestoreStep {
  table: string;
  /** A foreign key also locks (and needs the key of) the table it references. */
  references: string | null;
  kind: 'index' | 'key' | 'foreign key' | 'analyze';
  statement: string;
}

export interface LiftedIndexes {
  /** Statements that put everything back, in an order that works (keys before foreign keys). */
  restore: RestoreStep[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function liftIndexes(db: Db, tables: readonly string[]): Promise<LiftedIndexes> {
  const names = sql.raw(tables.map((t) => `'${t.replace(/[^a-z0-9_]/g, '')}'`).join(', '));
  const constraints = await queryRows<{
    tbl: string;
    ref: string | null;
    name: string;
    type: string;
    def: string;
  }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS tbl, NULLIF(c.confrelid, 0)::regclass::text AS ref, c.conname AS name,
          c.contype AS type, pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
        WHERE c.conparentid = 0 AND (
          (c.contype IN ('p', 'u') AND c.conrelid::regclass::text IN (${names}))
          OR (c.contype = 'f' AND (c.conrelid::regclass::text IN (${names}) OR c.confrelid::regclass::text IN (${names}))))
        ORDER BY c.contype, c.conname`,
  );
  const indexes = await queryRows<{ tbl: string; name: string; def: string }>(
    db,
    sql`SELECT i.indrelid::regclass::text AS tbl, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i
        WHERE i.indrelid::regclass::text IN (${names})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
          AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
        ORDER BY 1, 2`,
  );
  const fks = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  for (const c of fks) await db.execute(sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quote(c.name)}`));
  for (const c of keys) await db.execute(sql.raw(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quote(c.name)}`));
  for (const i of indexes) await db.execute(sql.raw(`DROP INDEX ${i.name}`));
  const add = (c: { tbl: string; name: string; def: string }) =>
    `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${quote(c.name)} ${c.def}`;
  return {
    restore: [
      // Keys first: indexes and foreign keys of a table wait for them (see runRestore).
      ...keys.map((c) => ({ table: c.tbl, references: null, kind: 'key' as const, statement: add(c) })),
      // A partitioned table's index is printed as `ON ONLY parent`: built this way it covers every
      // partition again.
      ...indexes.map((i) => ({
        table: i.tbl,
        references: null,
        kind: 'index' as const,
        statement: i.def.replace(' ON ONLY ', ' ON '),
      })),
      ...fks.map((c) => ({
        table: c.tbl,
        references: c.ref,
        kind: 'foreign key' as const,
        statement: add(c),
      })),
    ],
  };
}

/**
 * Runs the restore steps on `pool.size` connections at once: a table is worked on by one
 * statement at a time (ALTER TABLE locks it whole), biggest tables first, and a foreign key waits
 * until the keys and indexes of both its tables are back. `after(table)` runs once a table's own
 * steps are done (the seeder analyzes it there).
 */
export async function runRestore(
  pool: { size: number; run: (statement: string) => Promise<void> },
  steps: RestoreStep[],
  rowsOf: (table: string) => number,
  onStep: (step: RestoreStep, ms: number) => void,
  after?: (table: string) => RestoreStep | null,
): Promise<void> {
  const todo = [...steps].sort(
    (a, b) =>
      Number(a.kind === 'foreign key') - Number(b.kind === 'foreign key') ||
      rowsOf(b.table) - rowsOf(a.table),
  );
  const busy = new Set<string>();
  const own = (table: string) => todo.some((s) => s.table === table && s.kind !== 'foreign key');
  const followed = new Set(steps.filter((s) => s.kind === 'analyze').map((s) => s.table));
  let failure: unknown = null;
  await new Promise<void>((resolve) => {
    let running = 0;
    const next = () => {
      if (failure !== null && running === 0) return resolve();
      for (const t of new Set(steps.map((s) => s.table))) {
        if (!followed.has(t) && !own(t) && !busy.has(t) && after) {
          followed.add(t);
          const step = after(t);
          if (step) todo.push(step);
        }
      }
      if (!todo.length && running === 0) return resolve();
      while (failure === null && running < pool.size) {
        const k = todo.findIndex(
          (s) =>
            !busy.has(s.table) &&
            (s.kind !== 'foreign key' ||
              (s.references !== null && !busy.has(s.references) && !own(s.table) && !own(s.references))),
        );
        if (k < 0) break;
        const [step] = todo.splice(k, 1);
        if (!step) break;
        const locked = [
          step.table,
          ...(step.kind === 'foreign key' && step.references ? [step.references] : []),
        ];
        for (const t of locked) busy.add(t);
        running++;
        const t0 = performance.now();
        pool
          .run(step.statement)
          .then(
            () => onStep(step, performance.now() - t0),
            (error: unknown) => (failure ??= error),
          )
          .finally(() => {
            for (const t of locked) busy.delete(t);
            running--;
            next();
          });
      }
      if (running > 0) return;
      if (todo.length && failure === null)
        failure = new Error(`index rebuild: cannot order ${todo[0]?.statement}`);
      resolve();
    };
    next();
  });
  if (failure !== null) throw failure;
}
