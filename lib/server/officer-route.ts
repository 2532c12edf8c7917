// The one wrapper every officer API route goes through: session → role → CSRF → handler, and every
// thrown error becomes problem+json. Routes never look at cookies or roles themselves.
import 'server-only';
import type { NextRequest } from 'next/server';
import { isPlainText } from '@/lib/api/common';
import type { OfficerRole } from '@/lib/domain/types';
import type { OfficerContext } from './officer-context';
import { HttpError, problem, toResponse } from './problem';
import { getOfficerFromHeaders } from './session';
import { checkCrossSite } from './csrf';
import { scopeOkrugs } from './scope';

// Okrug ids to filter SQL by, or null for every okrug (supervisor, auditor, admin).
export { scopeOkrugs };

export interface OfficerRouteOptions {
  /** Roles allowed to call the route; every signed-in role when omitted. */
  roles?: OfficerRole[];
  audit?: never;
}

export function officerRoute<P extends Record<string, string> = Record<string, never>>(
  options: OfficerRouteOptions,
  handler: (req: NextRequest, ctx: { officer: OfficerContext; params: P }) => Promise<Response>,
): (req: NextRequest, context: { params: Promise<P> }) => Promise<Response> {
  return async (req, context) => {
    try {
      const crossSite = checkCrossSite(req.method, req.headers, req.nextUrl.origin);
      if (crossSite) return problem(403, crossSite);
      const officer = await getOfficerFromHeaders(req.headers);
      if (!officer) {
        return problem(
          401,
          'Sign in first: the session is missing, expired, revoked or the account is disabled.',
        );
      }
      const denied = checkRole(officer, options.roles);
      if (denied) return problem(403, denied);
      const params = await readParams(context.params);
      return await handler(req, { officer, params });
    } catch (error) {
      return toResponse(error);
    }
  };
}

/**
 * Path segments as Next decoded them. A segment with a NUL or other control character, or one far
 * longer than any id, cannot name anything: 404 before any handler sends it to the database. A
 * segment Next could not decode at all is a 400.
 */
async function readParams<P extends Record<string, string>>(pending: Promise<P>): Promise<P> {
  let params: P;
  try {
    params = await pending;
  } catch {
    throw new HttpError(400, 'The path holds a broken %-escape; percent-encode each path segment as UTF-8.');
  }
  for (const value of Object.values(params ?? {})) {
    const parts: unknown[] = Array.isArray(value) ? value : [value];
    if (parts.some((v) => typeof v !== 'string' || v.length > 200 || !isPlainText(v))) {
      throw new HttpError(404, 'Nothing is found at this path: an id holds characters no id can have.');
    }
  }
  return params;
}

/** Why the officer may not call a route limited to `roles`, or null when they may. */
export function checkRole(officer: OfficerContext, roles?: readonly OfficerRole[]): string | null {
  if (roles && roles.length > 0 && !roles.includes(officer.role)) {
    return `This action needs one of the roles: ${roles.join(', ')}. Your role is ${officer.role}.`;
  }
  if (officer.role === 'officer' && (officer.okrugs ?? []).length === 0) {
    return 'Your account has no okrugs assigned yet. Ask an administrator to assign okrugs to your account.';
  }
  return null;
}

/** Throws 403 when an officer asks about an okrug outside their scope. */
export function assertOkrugInScope(officer: OfficerContext, okrug: string): void {
  const scope = scopeOkrugs(officer);
  if (scope && !scope.includes(okrug)) {
    throw new HttpError(403, `Okrug ${okrug} is outside the okrugs assigned to your account.`);
  }
}
