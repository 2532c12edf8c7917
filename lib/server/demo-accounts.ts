// One account per role for the demo (and the integration tests). Only run when asked: the demo script
// calls it when DEMO=1. Idempotent: an existing username is left exactly as it is.
// scripts/demo-accounts.ts runs it under tsx --conditions=react-server.
import 'server-only';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '@/lib/db/client';
import { officers } from '@/lib/db/auth-schema';
import type { OfficerRole } from '@/lib/domain/types';
import { insertOfficerRows } from '@/lib/auth/provision';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoAccount {
  username: string;
  password: string;
  role: OfficerRole;
  okrugs: string[];
  name: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'officer',
    name: 'Инспектор Демо',
    role: 'officer',
    okrugs: ['TsAO', 'ZAO'],
    password: DEMO_PASSWORD,
  },
  {
    username: 'officer2',
    name: 'Инспектор Второй',
    role: 'officer',
    okrugs: ['YuAO'],
    password: DEMO_PASSWORD,
  },
  {
    username: 'supervisor',
    name: 'Старший инспектор Демо',
    role: 'supervisor',
    okrugs: [],
    password: DEMO_PASSWORD,
  },
  { username: 'auditor', name: 'Аудитор Демо', role: 'auditor', okrugs: [], password: DEMO_PASSWORD },
  { username: 'admin', name: 'Администратор Демо', role: 'admin', okrugs: [], password: DEMO_PASSWORD },
];

export async function ensureDemoAccounts(db: Db): Promise<DemoAccount[]> {
  for (const account of DEMO_ACCOUNTS) {
    const [existing] = await db
      .select({ id: officers.id })
      .from(officers)
      .where(eq(officers.username, account.username));
    if (existing) continue;
    const passwordHash = await hashPassword(account.password);
    try {
      await db.transaction(async (tx) => {
        await insertOfficerRows(tx, {
          id: crypto.randomUUID(),
          ...account,
          okrugs: [...account.okrugs],
          passwordHash,
        });
      });
    } catch (error) {
      // Another process starting at the same moment may have created it first; that is fine.
      const [created] = await db
        .select({ id: officers.id })
        .from(officers)
        .where(eq(officers.username, account.username));
      if (!created) throw error;
    }
  }
  return DEMO_ACCOUNTS.map((a) => ({ ...a, okrugs: [...a.okrugs] }));
}
