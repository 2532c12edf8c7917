// Database tests get a fresh database per test file (see setup-env.ts): a temporary PGlite folder,
// or a new database on the PostgreSQL server named by TEST_DATABASE_URL when TEST_DB=postgres.
// This global step only checks the server and cleans up after the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `rw_dbtest_${process.pid}_${Date.now()}`;
  project.provide('runId', runId);
  if (process.env.TEST_DB === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base)
      throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (e.g. from scripts/pg-private.sh start)');
    project.provide('postgresBaseUrl', base);
    project.provide('tmpRoot', '');
    return async () => {
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      const rows = await admin`SELECT datname FROM pg_database WHERE datname LIKE ${`${runId}%`}`;
      for (const { datname } of rows) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${runId}-`));
  project.provide('postgresBaseUrl', '');
  project.provide('tmpRoot', root);
  return async () => fs.rmSync(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    postgresBaseUrl: string;
    tmpRoot: string;
  }
}
