// Officers for database tests that call the query functions directly (no session): a supervisor
// who sees every okrug, and an officer limited to the okrugs given.
import type { OfficerContext } from '@/lib/server/officer-context';

export const supervisor: OfficerContext = {
  officerId: 's',
  username: 'sup',
  name: 'S',
  role: 'supervisor',
  okrugs: null,
};

export function officerOf(okrugs: string[]): OfficerContext {
  return { officerId: 'o', username: 'off', name: 'O', role: 'officer', okrugs };
}
