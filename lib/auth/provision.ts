// Writing a new password account straight into the database, for the admin service and for the
// command-line scripts (create-admin, demo accounts, run under tsx --conditions=react-server).
import 'server-only';
import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { officerAccounts, officers } from '@/lib/db/auth-schema';
import type { OfficerRole } from '@/lib/domain/types';

/** Accounts that sign in with a username get a placeholder address: Better Auth requires one. */
export function placeholderEmail(username: string): string {
  return `${username}@officers.invalid`;
}

export interface NewOfficerRow {
  id: string;
  username: string;
  name: string;
  role: OfficerRole;
  okrugs: string[];
  /** From better-auth/crypto hashPassword (scrypt). */
  passwordHash: string;
}

export async function insertOfficerRows(tx: Pick<Db, 'insert'>, row: NewOfficerRow): Promise<void> {
  const now = new Date();
  await tx.insert(officers).values({
    id: row.id,
    name: row.name,
    email: placeholderEmail(row.username),
    username: row.username,
    role: row.role,
    okrugs: row.okrugs,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(officerAccounts).values({
    id: crypto.randomUUID(),
    accountId: row.id,
    providerId: 'credential',
    userId: row.id,
    password: row.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}
