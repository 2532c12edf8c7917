// Account management for admins: create, change role/okrugs/name, disable/enable, revoke sessions,
// reset a password. Each change and its audit entry are written in one transaction.
import 'server-only';
import crypto from 'node:crypto';
import { and, asc, count, eq, gt, ne } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '@/lib/db/client';
import { officerAccounts, officers, officerSessions } from '@/lib/db/auth-schema';
import type { OfficerAccount } from '@/lib/auth/officer-account';
import type { CreateOfficerInput, UpdateOfficerInput } from '@/lib/auth/officer-schemas';

export type { OfficerAccount };
import { parseRole } from '@/lib/auth/officer-row';
import { insertOfficerRows } from '@/lib/auth/provision';
import { recordAudit } from './audit';
import { listDistrictIds } from './district-ids';
import type { OfficerContext } from './officer-context';
import { HttpError } from './problem';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Pick<Db, 'select'>;

export function assertKnownOkrugs(
  okrugs: readonly string[],
  known: readonly string[] = listDistrictIds(),
): void {
  const unknown = okrugs.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new HttpError(422, `Unknown okrug id(s): ${unknown.join(', ')}. Known ids: ${known.join(', ')}.`, {
      errors: [{ field: 'okrugs', message: `Unknown okrug id(s): ${unknown.join(', ')}` }],
    });
  }
}

export async function listOfficers(db: Reader): Promise<OfficerAccount[]> {
  const rows = await db.select().from(officers).orderBy(asc(officers.username), asc(officers.name));
  const sessions = await db
    .select({ userId: officerSessions.userId, n: count() })
    .from(officerSessions)
    .where(gt(officerSessions.expiresAt, new Date()))
    .groupBy(officerSessions.userId);
  const accounts = await db
    .select({ userId: officerAccounts.userId, providerId: officerAccounts.providerId })
    .from(officerAccounts);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: parseRole(row.role) ?? 'officer',
    okrugs: [...row.okrugs],
    disabled: row.disabled,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    activeSessions: Number(sessions.find((s) => s.userId === row.id)?.n ?? 0),
    signInMethods: accounts
      .filter((a) => a.userId === row.id)
      .map((a) => (a.providerId === 'credential' ? 'password' : a.providerId)),
  }));
}

export async function getOfficerAccount(db: Reader, id: string): Promise<OfficerAccount> {
  const account = (await listOfficers(db)).find((a) => a.id === id);
  if (!account) throw new HttpError(404, `No officer account with id ${id}.`);
  return account;
}

export async function createOfficer(
  db: Db,
  actor: OfficerContext,
  input: CreateOfficerInput,
): Promise<OfficerAccount> {
  assertKnownOkrugs(input.okrugs);
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.username, input.username));
    if (taken)
      throw new HttpError(409, `The username "${input.username}" is already taken. Choose another one.`, {
        errors: [{ field: 'username', message: 'This username is already taken.' }],
      });
    await insertOfficerRows(tx, { id, ...input, passwordHash });
    await recordAudit(tx, {
      officer: actor,
      action: 'account.create',
      targetType: 'officer',
      targetId: id,
      detail: { username: input.username, role: input.role, okrugs: input.okrugs },
    });
  });
  return getOfficerAccount(db, id);
}

export async function updateOfficer(
  db: Db,
  actor: OfficerContext,
  id: string,
  input: UpdateOfficerInput,
): Promise<OfficerAccount> {
  if (input.okrugs) assertKnownOkrugs(input.okrugs);
  await db.transaction(async (tx) => {
    const before = await lockOfficer(tx, id);
    // Name changes are recorded without the names themselves.
    const detail: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== before.name) detail.name = 'changed';
    if (input.role !== undefined && input.role !== before.role)
      detail.role = { from: before.role, to: input.role };
    if (input.okrugs !== undefined && !sameList(input.okrugs, before.okrugs)) {
      detail.okrugs = { from: before.okrugs, to: input.okrugs };
    }
    if (detail.role && before.role === 'admin') await assertAnotherAdmin(tx, id, 'change the role of');
    if (Object.keys(detail).length > 0) {
      await tx
        .update(officers)
        .set({ name: input.name, role: input.role, okrugs: input.okrugs, updatedAt: new Date() })
        .where(eq(officers.id, id));
      await recordAudit(tx, {
        officer: actor,
        action: 'account.update',
        targetType: 'officer',
        targetId: id,
        detail,
      });
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      await applyDisabled(tx, actor, before, input.disabled);
    }
  });
  return getOfficerAccount(db, id);
}

export async function setOfficerDisabled(
  db: Db,
  actor: OfficerContext,
  id: string,
  disabled: boolean,
): Promise<OfficerAccount> {
  await db.transaction(async (tx) => {
    const before = await lockOfficer(tx, id);
    await applyDisabled(tx, actor, before, disabled);
  });
  return getOfficerAccount(db, id);
}

async function applyDisabled(
  tx: Tx,
  actor: OfficerContext,
  before: typeof officers.$inferSelect,
  disabled: boolean,
) {
  if (disabled && before.id === actor.officerId) {
    throw new HttpError(409, 'You cannot disable your own account. Ask another administrator.');
  }
  if (disabled && before.role === 'admin') await assertAnotherAdmin(tx, before.id, 'disable');
  await tx.update(officers).set({ disabled, updatedAt: new Date() }).where(eq(officers.id, before.id));
  const revoked = disabled ? await deleteSessions(tx, before.id) : 0;
  await recordAudit(tx, {
    officer: actor,
    action: disabled ? 'account.disable' : 'account.enable',
    targetType: 'officer',
    targetId: before.id,
    detail: disabled ? { revokedSessions: revoked } : null,
  });
}

export async function revokeOfficerSessions(db: Db, actor: OfficerContext, id: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lockOfficer(tx, id);
    const revoked = await deleteSessions(tx, id);
    await recordAudit(tx, {
      officer: actor,
      action: 'account.revoke_sessions',
      targetType: 'officer',
      targetId: id,
      detail: { revokedSessions: revoked },
    });
    return revoked;
  });
}

/** Sets a new password and ends the account's sessions, so whoever knew the old one is signed out. */
export async function resetOfficerPassword(
  db: Db,
  actor: OfficerContext,
  id: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await lockOfficer(tx, id);
    const now = new Date();
    const updated = await tx
      .update(officerAccounts)
      .set({ password: passwordHash, updatedAt: now })
      .where(and(eq(officerAccounts.userId, id), eq(officerAccounts.providerId, 'credential')))
      .returning({ id: officerAccounts.id });
    if (updated.length === 0) {
      await tx.insert(officerAccounts).values({
        id: crypto.randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
        createdAt: now,
        updatedAt: now,
      });
    }
    const revoked = await deleteSessions(tx, id);
    await recordAudit(tx, {
      officer: actor,
      action: 'account.reset_password',
      targetType: 'officer',
      targetId: id,
      detail: { revokedSessions: revoked },
    });
  });
}

async function lockOfficer(tx: Tx, id: string) {
  const [row] = await tx.select().from(officers).where(eq(officers.id, id)).for('update');
  if (!row) throw new HttpError(404, `No officer account with id ${id}.`);
  return row;
}

async function deleteSessions(tx: Tx, userId: string): Promise<number> {
  const deleted = await tx
    .delete(officerSessions)
    .where(eq(officerSessions.userId, userId))
    .returning({ id: officerSessions.id });
  return deleted.length;
}

// An installation must keep one enabled admin, or nobody could manage accounts any more.
async function assertAnotherAdmin(tx: Tx, exceptId: string, verb: string) {
  const [other] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.role, 'admin'), eq(officers.disabled, false), ne(officers.id, exceptId)))
    .limit(1);
  if (!other) {
    throw new HttpError(
      409,
      `Cannot ${verb} the last enabled administrator. Make another account an admin first.`,
    );
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}
