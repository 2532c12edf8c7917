// The demo accounts the e2e server creates (scripts/demo-accounts.ts → lib/server/demo-accounts.ts).
// Kept as data here rather than imported: that module pulls in the database layer.
import { fileURLToPath } from 'node:url';
import type { OfficerRole } from '../../lib/domain/types';

export const DEMO_PASSWORD = 'demo-password-2026';

export interface DemoAccount {
  username: string;
  name: string;
  role: OfficerRole;
  okrugs: string[];
}

export const ACCOUNTS = {
  officer: { username: 'officer', name: 'Инспектор Демо', role: 'officer', okrugs: ['TsAO', 'ZAO'] },
  officer2: { username: 'officer2', name: 'Инспектор Второй', role: 'officer', okrugs: ['YuAO'] },
  supervisor: { username: 'supervisor', name: 'Старший инспектор Демо', role: 'supervisor', okrugs: [] },
  auditor: { username: 'auditor', name: 'Аудитор Демо', role: 'auditor', okrugs: [] },
  admin: { username: 'admin', name: 'Администратор Демо', role: 'admin', okrugs: [] },
} as const satisfies Record<string, DemoAccount>;

export type AccountKey = keyof typeof ACCOUNTS;
export const ACCOUNT_KEYS: readonly AccountKey[] = ['officer', 'officer2', 'supervisor', 'auditor', 'admin'];

/** Where the setup project leaves each account's signed-in browser state (gitignored). */
export function authFile(account: AccountKey): string {
  return fileURLToPath(new URL(`../.auth/${account}.json`, import.meta.url));
}
