import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { test, expect } from 'vitest';
import * as schema from '@/lib/db/schema';
import { migrate } from '@/lib/db/migrate';
import { createAuth } from './server';
import { insertOfficerRows } from '@/lib/server/officers';
import { hashPassword } from 'better-auth/crypto';

test('scratch', async () => {
  const client = new PGlite();
  const db = drizzle({ client, schema });
  await migrate(db);
  await insertOfficerRows(db, { id: 'o1', username: 'officer', name: 'Test', role: 'officer', okrugs: ['TsAO'], passwordHash: await hashPassword('demo-password-2026') });
  const auth = createAuth(db);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    auth.handler(new Request(`http://localhost:3999/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
  const bad = await post('/sign-in/username', { username: 'officer', password: 'wrong-password-x' });
  console.log(bad.status, await bad.text());
  const good = await post('/sign-in/username', { username: 'officer', password: 'demo-password-2026' });
  console.log(good.status, good.headers.get('set-cookie'), await good.text());
  const cookie = good.headers.get('set-cookie')!.split(';')[0];
  const s = await auth.api.getSession({ headers: new Headers({ cookie }) });
  console.log(JSON.stringify(s));
  const so = await post('/sign-out', {}, { cookie, origin: 'http://localhost:3999' });
  console.log(so.status, await so.text());
  const rows = await client.query('select action, actor_id, detail from audit_log');
  console.log(rows.rows);
  expect(good.status).toBe(200);
}, 60000);
