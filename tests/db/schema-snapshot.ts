// Compares two drizzle-kit snapshots (one pulled from a migrated database, one generated from
// schema.ts) table by table: the tables, each column's type, nullability, default and primary key,
// and the indexes with their columns and uniqueness. Returns one line per difference.
import { z } from 'zod';

const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  notNull: z.boolean().optional(),
  primaryKey: z.boolean().optional(),
  default: z.unknown().optional(),
});
const indexSchema = z.object({
  name: z.string(),
  isUnique: z.boolean().optional(),
  columns: z.array(z.object({ expression: z.string(), isExpression: z.boolean().optional() })),
});
const tableSchema = z.object({
  name: z.string(),
  columns: z.record(z.string(), columnSchema),
  indexes: z.record(z.string(), indexSchema).optional(),
  compositePrimaryKeys: z.record(z.string(), z.object({ columns: z.array(z.string()) })).optional(),
});
export const snapshotSchema = z.object({ tables: z.record(z.string(), tableSchema) });
type Table = z.infer<typeof tableSchema>;

// Types as the catalogue spells them vs as drizzle writes them.
const normalizeType = (type: string) =>
  type
    .toLowerCase()
    .replace(/^timestamp(\(\d\))? with time zone$/, 'timestamptz')
    .replace(/^double precision$/, 'float8')
    .replace(/\s+/g, ' ')
    .trim();

function describeColumns(table: Table): Map<string, string> {
  const pk = new Set(Object.values(table.compositePrimaryKeys ?? {}).flatMap((k) => k.columns));
  return new Map(
    Object.values(table.columns).map((c) => [
      c.name,
      `${normalizeType(c.type)} ${c.notNull || c.primaryKey ? 'not null' : 'null'}${c.primaryKey || pk.has(c.name) ? ' pk' : ''}`,
    ]),
  );
}

function describeIndexes(table: Table): Map<string, string> {
  return new Map(
    Object.values(table.indexes ?? {}).map((i) => [
      i.name,
      `${i.isUnique ? 'unique ' : ''}(${i.columns.map((c) => c.expression.replace(/\s+/g, ' ')).join(', ')})`,
    ]),
  );
}

function diffMaps(where: string, what: string, db: Map<string, string>, code: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, desc] of db) {
    const mine = code.get(name);
    if (mine === undefined)
      out.push(`${where}: ${what} ${name} (${desc}) is in the migrations, not in schema.ts`);
    else if (mine !== desc)
      out.push(`${where}: ${what} ${name} is ${desc} in the migrations, ${mine} in schema.ts`);
  }
  for (const [name, desc] of code)
    if (!db.has(name)) out.push(`${where}: ${what} ${name} (${desc}) is in schema.ts, not in the migrations`);
  return out;
}

export function diffSnapshots(
  fromDb: z.infer<typeof snapshotSchema>,
  fromCode: z.infer<typeof snapshotSchema>,
  ignoreTable: (name: string) => boolean,
): string[] {
  const byName = (s: z.infer<typeof snapshotSchema>) =>
    new Map(
      Object.values(s.tables)
        .filter((t) => !ignoreTable(t.name))
        .map((t) => [t.name, t]),
    );
  const db = byName(fromDb);
  const code = byName(fromCode);
  const out: string[] = [];
  for (const [name, table] of db) {
    const mine = code.get(name);
    if (!mine) {
      out.push(`table ${name} is in the migrations, not in schema.ts`);
      continue;
    }
    out.push(...diffMaps(name, 'column', describeColumns(table), describeColumns(mine)));
    out.push(...diffMaps(name, 'index', describeIndexes(table), describeIndexes(mine)));
  }
  for (const name of code.keys())
    if (!db.has(name)) out.push(`table ${name} is in schema.ts, not in the migrations`);
  return out;
}
