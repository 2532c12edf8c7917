// Role checks for dashboard pages. They run before any byte is sent (the dashboard has no
// loading.tsx above its pages), so a refusal is a real HTTP 403 and a missing sign-in a real
// redirect status, never a 200 page with a redirect streamed into it.
import 'server-only';
import { forbidden } from 'next/navigation';
import type { OfficerRole } from '@/lib/domain/types';
import type { OfficerContext } from '@/lib/server/officer-context';
import { currentOfficer } from './current-officer';

/** The signed-in officer (else a redirect to sign-in), or the 403 page when the role may not open this. */
export async function requirePageRole(roles: readonly OfficerRole[]): Promise<OfficerContext> {
  const officer = await currentOfficer();
  if (!roles.includes(officer.role)) forbidden();
  return officer;
}
