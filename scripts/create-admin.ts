// Creates the first administrator of a real deployment (public sign-up does not exist):
//   npm run create-admin -- --username chief --password '<at least 12 characters>' [--name 'Full Name']
// The password can come from ADMIN_PASSWORD instead, to keep it out of the shell history.
// With the embedded database, stop the server first: PGlite serves one process at a time.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { closeDb, getDb } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { officers } from '../lib/db/auth-schema';
import { auditLog } from '../lib/db/schema';
import { nameSchema, passwordSchema, usernameSchema } from '../lib/auth/officer-schemas';
import { insertOfficerRows } from '../lib/auth/provision';

const { values } = parseArgs({
  options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
const parsed = z.object({ username: usernameSchema, password: passwordSchema, name: nameSchema }).safeParse({
  username: values.username,
  password: values.password ?? process.env.ADMIN_PASSWORD,
  name: values.name ?? values.username ?? '',
});
if (!parsed.success) {
  console.error(`[create-admin] ${z.prettifyError(parsed.error)}`);
  console.error(
    'Usage: npm run create-admin -- --username <name> --password <at least 12 characters> [--name <full name>]',
  );
  process.exit(2);
}
const input = parsed.data;
const db = getDb();
await migrate(db);
const [existing] = await db
  .select({ id: officers.id })
  .from(officers)
  .where(eq(officers.username, input.username));
if (existing) {
  console.error(`[create-admin] the username "${input.username}" already exists; nothing was changed.`);
  await closeDb();
  process.exit(1);
}
const id = crypto.randomUUID();
const passwordHash = await hashPassword(input.password);
await db.transaction(async (tx) => {
  await insertOfficerRows(tx, {
    id,
    username: input.username,
    name: input.name,
    role: 'admin',
    okrugs: [],
    passwordHash,
  });
  await tx.insert(auditLog).values({
    actorId: 'cli',
    actorName: 'create-admin',
    actorRole: 'system',
    action: 'account.create',
    targetType: 'officer',
    targetId: id,
    detail: { username: input.username, role: 'admin', okrugs: [] },
  });
});
console.log(`[create-admin] administrator "${input.username}" created.`);
await closeDb();
