// Officer accounts and Better Auth against a real database (PGlite, or PostgreSQL with TEST_DB=postgres):
// the account service with its audit entries, and sign-in/lockout/disable/revocation through
// Better Auth's own request handler, in process.
import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { officers, officerSessions } from '@/lib/db/auth-schema';
import { auditLog } from '@/lib/db/schema';
import { insertOfficerRows } from '@/lib/auth/provision';
import { getAuth } from '@/lib/auth/server';
import type { OfficerContext } from '@/lib/server/officer-context';
import {
  createOfficer,
  getOfficerAccount,
  resetOfficerPassword,
  revokeOfficerSessions,
  setOfficerDisabled,
  updateOfficer,
} from '@/lib/server/officers';
import { getOfficerFromHeaders } from '@/lib/server/session';
import { ensureDemoAccounts } from '@/lib/server/demo-accounts';

const PASSWORD = 'correct-horse-battery';
const run = crypto.randomBytes(3).toString('hex');
const uname = (base: string) => `${base}_${run}`;
let admin: OfficerContext;

async function newAccount(base: string, role: OfficerContext['role'] = 'officer', okrugs = ['TsAO']) {
  const id = crypto.randomUUID();
  const username = uname(base);
  await insertOfficerRows(getDb(), {
    id,
    username,
    name: `Test ${base}`,
    role,
    okrugs,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { id, username };
}

function authPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  return getAuth().handler(
    new Request(`http://127.0.0.1:3999/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function signIn(username: string, password = PASSWORD, ip = '198.51.100.7') {
  return authPost('/sign-in/username', { username, password }, { 'x-forwarded-for': ip });
}

function cookieOf(res: Response): string {
  const value = res.headers.get('set-cookie')?.split(';')[0];
  if (!value) throw new Error('no session cookie');
  return value;
}

async function lastAudit(action: string, targetId: string) {
  const [row] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

beforeAll(async () => {
  await migrate(getDb());
  const { id, username } = await newAccount('root', 'admin', []);
  admin = { officerId: id, username, name: 'Root', role: 'admin', okrugs: null };
});

describe('account service', () => {
  it('creates an account with a hashed password and audits it without the password', async () => {
    const created = await createOfficer(getDb(), admin, {
      username: uname('anna'),
      name: 'Анна Смирнова',
      password: 'twelve-chars-ok',
      role: 'officer',
      okrugs: ['TsAO', 'ZAO'],
    });
    expect(created).toMatchObject({
      username: uname('anna'),
      role: 'officer',
      okrugs: ['TsAO', 'ZAO'],
      disabled: false,
    });
    expect(created.signInMethods).toEqual(['password']);
    const entry = await lastAudit('account.create', created.id);
    expect(entry).toMatchObject({ actorId: admin.officerId, actorRole: 'admin', targetType: 'officer' });
    expect(JSON.stringify(entry)).not.toMatch(/twelve-chars-ok|Смирнова/);
    expect((await signIn(uname('anna'), 'twelve-chars-ok')).status).toBe(200);
  });

  it.each([
    { name: 'a taken username', input: { username: 'root' }, status: 409, field: 'username' },
    { name: 'an unknown okrug', input: { okrugs: ['Atlantis'] }, status: 422, field: 'okrugs' },
  ])('refuses $name, naming the field for the form', async ({ input, status, field }) => {
    const body = {
      username: uname('x'),
      name: 'X',
      password: 'twelve-chars-ok',
      role: 'officer' as const,
      okrugs: ['TsAO'],
      ...input,
    };
    if (input.username) body.username = uname(input.username);
    await expect(createOfficer(getDb(), admin, body)).rejects.toMatchObject({
      status,
      extra: { errors: [expect.objectContaining({ field })] },
    });
  });

  it('changes role and okrugs, audited with before and after', async () => {
    const { id } = await newAccount('boris');
    const updated = await updateOfficer(getDb(), admin, id, { role: 'supervisor', okrugs: ['YuAO'] });
    expect(updated).toMatchObject({ role: 'supervisor', okrugs: ['YuAO'] });
    expect((await lastAudit('account.update', id))?.detail).toEqual({
      role: { from: 'officer', to: 'supervisor' },
      okrugs: { from: ['TsAO'], to: ['YuAO'] },
    });
  });

  it('disabling ends every session and blocks sign-in; enabling lets the officer back in', async () => {
    const { id, username } = await newAccount('clara');
    const cookie = cookieOf(await signIn(username));
    expect(await getOfficerFromHeaders(new Headers({ cookie }))).toMatchObject({
      officerId: id,
      okrugs: ['TsAO'],
    });

    const disabled = await setOfficerDisabled(getDb(), admin, id, true);
    expect(disabled).toMatchObject({ disabled: true, activeSessions: 0 });
    expect(await getOfficerFromHeaders(new Headers({ cookie }))).toBeNull();
    expect((await lastAudit('account.disable', id))?.detail).toEqual({ revokedSessions: 1 });

    const refused = await signIn(username);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    await setOfficerDisabled(getDb(), admin, id, false);
    expect(await lastAudit('account.enable', id)).toBeDefined();
    expect((await signIn(username)).status).toBe(200);
  });

  it('revokes sessions and resets passwords, each audited', async () => {
    const { id, username } = await newAccount('dmitry');
    const first = cookieOf(await signIn(username));
    const second = cookieOf(await signIn(username));
    expect(await revokeOfficerSessions(getDb(), admin, id)).toBe(2);
    expect(await getOfficerFromHeaders(new Headers({ cookie: first }))).toBeNull();
    expect(await getOfficerFromHeaders(new Headers({ cookie: second }))).toBeNull();

    const third = cookieOf(await signIn(username));
    await resetOfficerPassword(getDb(), admin, id, 'a-brand-new-password');
    expect(await getOfficerFromHeaders(new Headers({ cookie: third }))).toBeNull();
    expect((await signIn(username, PASSWORD)).status).toBe(401);
    expect((await signIn(username, 'a-brand-new-password')).status).toBe(200);
    expect((await lastAudit('account.reset_password', id))?.detail).toEqual({ revokedSessions: 1 });
  });

  it('never leaves the installation without an enabled admin, and an admin cannot disable themselves', async () => {
    await expect(setOfficerDisabled(getDb(), admin, admin.officerId, true)).rejects.toMatchObject({
      status: 409,
    });
    const other = await newAccount('eve', 'admin', []);
    const otherCtx: OfficerContext = {
      officerId: other.id,
      username: other.username,
      name: 'Eve',
      role: 'admin',
      okrugs: null,
    };
    await setOfficerDisabled(getDb(), otherCtx, admin.officerId, true);
    expect((await getOfficerAccount(getDb(), admin.officerId)).disabled).toBe(true);
    const enabledAdmins = await getDb()
      .select({ id: officers.id })
      .from(officers)
      .where(and(eq(officers.role, 'admin'), eq(officers.disabled, false)));
    // Other files sharing this database could add admins; the guard is only testable when eve is the last.
    if (enabledAdmins.length === 1) {
      await expect(updateOfficer(getDb(), otherCtx, other.id, { role: 'officer' })).rejects.toMatchObject({
        status: 409,
      });
    }
    await setOfficerDisabled(getDb(), otherCtx, admin.officerId, false);
  });
});

describe('Better Auth sign-in', () => {
  it('sets an httpOnly SameSite=Lax session cookie, not Secure over http', async () => {
    const { username } = await newAccount('fedor');
    const res = await signIn(username);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^regwatch\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const { username } = await newAccount('galina');
    const wrong = await signIn(username, 'not-the-password', '198.51.100.20');
    const unknown = await signIn(uname('nobody'), 'not-the-password', '198.51.100.20');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('locks sign-in after 5 failures from one address, even with the right password', async () => {
    const { id, username } = await newAccount('hugo');
    for (let i = 0; i < 5; i++)
      expect((await signIn(username, `wrong-${i}-password`, '203.0.113.5')).status).toBe(401);
    const locked = await signIn(username, PASSWORD, '203.0.113.5');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ code: 'TOO_MANY_FAILED_SIGN_INS' });
    expect((await lastAudit('auth.sign_in_failed', id))?.detail).toEqual({
      reason: 'locked',
      method: 'password',
    });
    // Another address is not locked out by these failures.
    expect((await signIn(username, PASSWORD, '203.0.113.6')).status).toBe(200);
  });

  it('a success clears that address’s failures for the user', async () => {
    const { username } = await newAccount('ivan');
    for (let i = 0; i < 4; i++) await signIn(username, 'wrong-password-x', '203.0.113.9');
    expect((await signIn(username, PASSWORD, '203.0.113.9')).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await signIn(username, 'wrong-password-x', '203.0.113.9')).status).toBe(401);
    expect((await signIn(username, PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('audits sign-in and sign-out, and sign-out ends the session', async () => {
    const { id, username } = await newAccount('julia');
    const cookie = cookieOf(await signIn(username));
    expect((await lastAudit('auth.sign_in', id))?.detail).toEqual({ method: 'password' });
    const out = await authPost('/sign-out', {}, { cookie, origin: 'http://127.0.0.1:3999' });
    expect(out.status).toBe(200);
    expect(await lastAudit('auth.sign_out', id)).toBeDefined();
    expect(await getDb().select().from(officerSessions).where(eq(officerSessions.userId, id))).toHaveLength(
      0,
    );
  });

  it('refuses a cookie-bearing sign-out from another origin', async () => {
    const { username } = await newAccount('kirill');
    const cookie = cookieOf(await signIn(username));
    const res = await authPost('/sign-out', {}, { cookie, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await getOfficerFromHeaders(new Headers({ cookie }))).not.toBeNull();
  });

  it.each(['/sign-up/email', '/sign-in/email', '/update-user', '/change-password', '/is-username-available'])(
    'keeps %s closed',
    async (path) => {
      const res = await authPost(path, {
        email: 'x@y.example',
        password: 'whatever-password',
        name: 'X',
        username: 'x',
      });
      expect([404, 403, 401, 400]).toContain(res.status);
      expect(res.status).not.toBe(200);
    },
  );
});

describe('demo accounts', () => {
  it('creates one account per role once, and they can sign in', async () => {
    const first = await ensureDemoAccounts(getDb());
    const second = await ensureDemoAccounts(getDb());
    expect(second).toEqual(first);
    expect(first.map((a) => a.role).sort()).toEqual(['admin', 'auditor', 'officer', 'officer', 'supervisor']);
    const officer = first.find((a) => a.username === 'officer');
    expect(officer?.okrugs).toEqual(['TsAO', 'ZAO']);
    expect((await signIn('officer', officer?.password, '192.0.2.44')).status).toBe(200);
  });
});
