// Optional single sign-on through an OpenID Connect provider, switched on by environment:
// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, and OIDC_ROLE_CLAIM to read the role from a claim.
import { OFFICER_ROLES, type OfficerRole } from '@/lib/domain/types';

import type { EnvVars } from './env';

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string | null;
  name: string;
}

export function readOidcSettings(env: EnvVars = process.env): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || null,
    name: env.OIDC_DISPLAY_NAME?.trim() || 'SSO',
  };
}

export function discoveryUrl(settings: OidcSettings): string {
  return `${settings.issuer}/.well-known/openid-configuration`;
}

/**
 * The role a new SSO account starts with: the claim's value when it names one of our roles (a string
 * or the first matching entry of a list), else 'officer'. Okrugs are never taken from the provider.
 */
export function roleFromClaims(claims: Record<string, unknown>, roleClaim: string | null): OfficerRole {
  if (!roleClaim) return 'officer';
  const value = claims[roleClaim];
  const candidates = Array.isArray(value) ? value : [value];
  for (const candidate of candidates) {
    const role = OFFICER_ROLES.find((r) => r === candidate);
    if (role) return role;
  }
  return 'officer';
}

// Better Auth drops fields a provider profile may not set (role is one), so the role read from the
// claim waits here, keyed by e-mail, for the user-create hook of the same callback request.
const PENDING_TTL_MS = 60_000;
const pendingRoles = new Map<string, { role: OfficerRole; at: number }>();

export function rememberSsoRole(email: unknown, role: OfficerRole, now = Date.now()): void {
  if (typeof email !== 'string' || !email) return;
  for (const [key, entry] of pendingRoles) if (now - entry.at > PENDING_TTL_MS) pendingRoles.delete(key);
  pendingRoles.set(email.toLowerCase(), { role, at: now });
}

export function takeSsoRole(email: string, now = Date.now()): OfficerRole | null {
  const key = email.toLowerCase();
  const entry = pendingRoles.get(key);
  pendingRoles.delete(key);
  return entry && now - entry.at <= PENDING_TTL_MS ? entry.role : null;
}
