// lib/db/schema.ts must describe what the migrations build. The migrations run on a fresh database,
// drizzle-kit pulls (introspects) it, and its snapshot is compared with the one drizzle-kit
// generates from schema.ts: tables, column types, nullability and keys, and indexes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDrizzleJson } from 'drizzle-kit/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import * as authSchema from '@/lib/db/auth-schema';
import * as schema from '@/lib/db/schema';
import { diffSnapshots, snapshotSchema } from './schema-snapshot';

// The runner's bookkeeping and the day partitions of positions (made at run time, see partitions.ts);
// drizzle-kit lists the partitions instead of their partitioned parent.
const NOT_MODELLED = (name: string) => name === 'schema_migrations' || /^positions(_p\d{8})?$/.test(name);

// drizzle cannot declare INCLUDE columns; drizzle-kit pull lists them among the indexed columns.
const INCLUDE_ONLY = (line: string) =>
  line ===
  'worker_status: index worker_status_map_idx is (declared_lon, declared_lat, status, okrug, citizenship) in the migrations, (declared_lon, declared_lat) in schema.ts';

function pullSnapshot(): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-pull-'));
  const url = process.env.DATABASE_URL;
  const credentials = url ? { url } : { url: process.env.PGLITE_DIR };
  const config = { dialect: 'postgresql', out: path.join(dir, 'out'), dbCredentials: credentials };
  const configFile = path.join(dir, 'drizzle.config.json');
  fs.writeFileSync(configFile, JSON.stringify(url ? config : { ...config, driver: 'pglite' }));
  execFileSync(path.resolve('node_modules/.bin/drizzle-kit'), ['pull', '--config', configFile], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const snapshot = fs.readFileSync(path.join(dir, 'out', 'meta', '0000_snapshot.json'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return JSON.parse(snapshot);
}

describe('schema.ts matches the migrations (drizzle-kit)', () => {
  let differences: string[] = [];

  beforeAll(async () => {
    await migrate(getDb());
    await closeDb(); // PGlite allows one process on its directory: drizzle-kit opens it next.
    const fromDb = snapshotSchema.parse(pullSnapshot());
    const fromCode = snapshotSchema.parse(generateDrizzleJson({ ...schema, ...authSchema }));
    differences = diffSnapshots(fromDb, fromCode, NOT_MODELLED).filter((line) => !INCLUDE_ONLY(line));
  });

  it('finds no difference in tables, columns, types or indexes', () => {
    expect(differences).toEqual([]);
  });
});

describe('the snapshot comparison', () => {
  const table = (columns: Record<string, { type: string; notNull?: boolean }>) => ({
    tables: {
      'public.t': {
        name: 't',
        columns: Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, { name, ...c }])),
      },
    },
  });

  it('names a missing table, a changed type and a changed nullability', () => {
    expect(diffSnapshots(table({ a: { type: 'integer' } }), { tables: {} }, () => false)).toEqual([
      't is in the migrations, not in schema.ts'.replace(/^/, 'table '),
    ]);
    expect(
      diffSnapshots(table({ a: { type: 'integer' } }), table({ a: { type: 'bigint' } }), () => false),
    ).toEqual(['t: column a is integer null in the migrations, bigint null in schema.ts']);
    expect(
      diffSnapshots(
        table({ a: { type: 'text', notNull: true } }),
        table({ a: { type: 'text' } }),
        () => false,
      ),
    ).toEqual(['t: column a is text not null in the migrations, text null in schema.ts']);
  });
});
