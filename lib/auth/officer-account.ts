// An officer account as the admin API returns it (no password, no session tokens).
import type { OfficerRole } from '@/lib/domain/types';

export interface OfficerAccount {
  id: string;
  username: string | null;
  name: string;
  role: OfficerRole;
  okrugs: string[];
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  /** Sessions not yet expired. */
  activeSessions: number;
  /** 'password' and/or the single sign-on provider id. */
  signInMethods: string[];
}
