// Gives the database tests a fresh database: a temporary PGlite folder, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL when TEST_DB=postgres.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DB === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base)
      throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. from scripts/pg-private.sh start)');
    const name = `rw_dbtest_${process.pid}_${Date.now()}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    project.provide('databaseUrl', url.toString());
    project.provide('pgliteDir', '');
    return async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-dbtest-'));
  project.provide('databaseUrl', '');
  project.provide('pgliteDir', dir);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    pgliteDir: string;
  }
}
