// From a stored account to the OfficerContext the API works with. Pure, so the rules are testable.
import 'server-only';
import { OFFICER_ROLES, type OfficerRole } from '@/lib/domain/types';
import type { OfficerContext } from '@/lib/server/officer-context';

export interface OfficerRowLike {
  id: string;
  name: string;
  email?: string | null;
  username?: string | null;
  role?: string | null;
  okrugs?: readonly string[] | null;
  disabled?: boolean | null;
}

export function parseRole(value: unknown): OfficerRole | null {
  return OFFICER_ROLES.find((role) => role === value) ?? null;
}

/** Null for a disabled account or an unknown role: such a session grants nothing. */
export function toOfficerContext(row: OfficerRowLike): OfficerContext | null {
  if (row.disabled) return null;
  const role = parseRole(row.role);
  if (!role) return null;
  return {
    officerId: row.id,
    username: row.username ?? row.email ?? row.id,
    name: row.name,
    role,
    // Only officers are limited to okrugs; the other roles see every okrug.
    okrugs: role === 'officer' ? [...(row.okrugs ?? [])] : null,
  };
}
