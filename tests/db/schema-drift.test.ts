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

// Indexes written only in SQL (partial, trigram and expression indexes among them) that schema.ts
// does not declare yet. Any other index, or a different definition of a declared one, fails.
const SQL_ONLY_INDEXES = new Set(
  `device_events_worker_idx officer_sessions_user_idx officer_accounts_provider_idx officer_accounts_user_idx
  auth_verifications_identifier_idx map_cells_empty_idx map_cells_key_uq devices_worker_idx
  heat_cells_key_uq heat_cells_empty_idx lapses_fix_position_idx
  worker_events_worker_idx registrations_one_live_uq registrations_worker_idx worker_status_deadline_idx
  worker_status_map_idx worker_status_okrug_idx worker_status_open_lapse_idx worker_status_sweep_idx
  audit_log_actor_idx audit_log_worker_ids_idx audit_log_worker_idx workers_document_idx
  workers_document_key_idx workers_name_latin_idx workers_name_skeleton_trgm_idx workers_phone_idx
  workers_phone_key_trgm_idx lapses_feed_idx lapses_open_idx lapses_registration_idx lapses_started_idx
  lapses_unreviewed_idx lapses_worker_idx registration_events_at_idx registration_events_feed_idx
  registration_events_reg_idx registration_events_worker_idx`.split(/\s+/),
);

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
    differences = diffSnapshots(fromDb, fromCode, NOT_MODELLED).filter(
      (line) =>
        ![...SQL_ONLY_INDEXES].some(
          (name) => line.includes(` index ${name} (`) && line.endsWith('not in schema.ts'),
        ),
    );
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
