// Applies lib/db/migrations/*.sql in name order, once each, under an advisory lock so that several
// instances starting together do not race.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client';
import { ensurePositionPartitions } from './partitions';

const MIGRATION_LOCK = 7_300_001;

export function migrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'lib/db/migrations'));
}

// Prepared statements take one command each, so a file is split at top-level semicolons that end a
// line; dollar-quoted function bodies are kept whole.
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of text.split('\n')) {
    if (!inDollar && current.length === 0 && /^\s*(--.*)?$/.test(line)) continue;
    current.push(line);
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      statements.push(current.join('\n'));
      current = [];
    }
  }
  if (current.join('').trim()) statements.push(current.join('\n'));
  return statements;
}

export async function migrate(db: Db): Promise<string[]> {
  const files = fs
    .readdirSync(migrationsDir())
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // A schema change may rewrite a big table and waits for other instances' migrations: the request
    // timeouts of lib/db/client.ts do not apply here.
    await tx.execute(sql`SET LOCAL statement_timeout = 0`);
    await tx.execute(sql`SET LOCAL lock_timeout = 0`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await queryRows<{ name: string }>(tx, sql`SELECT name FROM schema_migrations`)).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const text = fs.readFileSync(path.join(migrationsDir(), file), 'utf8');
      for (const statement of splitStatements(text)) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
  });
  await ensurePositionPartitions(db, new Date());
  return applied;
}
