// Points lib/db/client at a database of this test file's own, before any test opens it, so files
// never see each other's rows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/lib/db/client';

const name = `${inject('runId')}_${crypto.randomBytes(4).toString('hex')}`;
const base = inject('postgresBaseUrl');
if (base) {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = path.join(inject('tmpRoot'), name);
  fs.mkdirSync(process.env.PGLITE_DIR, { recursive: true });
}

afterAll(async () => {
  await closeDb();
});
