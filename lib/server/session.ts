// Who is signed in, for route handlers, server components and pages. The session row and the account
// are read on every call, so a revoked session or a disabled account stops working at once.
import 'server-only';
import { headers as nextHeaders } from 'next/headers';
import { redirect } from 'next/navigation';
import type { OfficerRole } from '@/lib/domain/types';
import { getAuth } from '@/lib/auth/server';
import { toOfficerContext } from '@/lib/auth/officer-row';
import { PATH_HEADER, signInUrl } from '@/lib/auth/paths';
import type { OfficerContext } from './officer-context';

export async function getOfficerFromHeaders(headers: Headers): Promise<OfficerContext | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user;
  return toOfficerContext({
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.username,
    role: user.role,
    okrugs: user.okrugs,
    disabled: user.disabled,
  });
}

/** The signed-in officer, or null. Without arguments it reads the current request's headers. */
export async function getOfficer(headers?: Headers): Promise<OfficerContext | null> {
  return getOfficerFromHeaders(headers ?? (await nextHeaders()));
}

/**
 * For pages: the signed-in officer, else a redirect to /sign-in that comes back to this page afterwards
 * (proxy.ts passes the page path along). An officer of a role not in `roles` goes to the start page.
 */
export async function requireOfficer(roles?: readonly OfficerRole[]): Promise<OfficerContext> {
  const headers = await nextHeaders();
  const officer = await getOfficerFromHeaders(headers);
  if (!officer) redirect(signInUrl(headers.get(PATH_HEADER)));
  if (roles && roles.length > 0 && !roles.includes(officer.role)) redirect('/');
  return officer;
}
