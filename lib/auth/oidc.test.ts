import { describe, expect, test } from 'vitest';
import { discoveryUrl, readOidcSettings, rememberSsoRole, roleFromClaims, takeSsoRole } from './oidc';

describe('readOidcSettings', () => {
  test.each<{ name: string; env: Record<string, string>; on: boolean }>([
    { name: 'nothing set', env: {}, on: false },
    { name: 'issuer only', env: { OIDC_ISSUER: 'https://id.example' }, on: false },
    { name: 'no secret', env: { OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'rw' }, on: false },
    {
      name: 'all three',
      env: { OIDC_ISSUER: 'https://id.example/', OIDC_CLIENT_ID: 'rw', OIDC_CLIENT_SECRET: 's' },
      on: true,
    },
  ])('$name → enabled: $on', ({ env, on }) => {
    expect(readOidcSettings(env) !== null).toBe(on);
  });

  test('trailing slash dropped from the issuer; discovery URL derived', () => {
    const settings = readOidcSettings({
      OIDC_ISSUER: 'https://id.example/realms/mvd/',
      OIDC_CLIENT_ID: 'rw',
      OIDC_CLIENT_SECRET: 's',
    });
    expect(settings && discoveryUrl(settings)).toBe(
      'https://id.example/realms/mvd/.well-known/openid-configuration',
    );
    expect(settings?.roleClaim).toBeNull();
  });
});

describe('roleFromClaims', () => {
  test.each([
    { claims: { role: 'admin' }, claim: null, role: 'officer' },
    { claims: { role: 'supervisor' }, claim: 'role', role: 'supervisor' },
    { claims: { groups: ['staff', 'auditor'] }, claim: 'groups', role: 'auditor' },
    { claims: { role: 'root' }, claim: 'role', role: 'officer' },
    { claims: {}, claim: 'role', role: 'officer' },
  ])('$claims with claim $claim → $role', ({ claims, claim, role }) => {
    expect(roleFromClaims(claims, claim)).toBe(role);
  });
});

describe('role hand-over from the profile to the new account', () => {
  test('taken once, by e-mail in any case, and only within a minute', () => {
    rememberSsoRole('Anna@MVD.example', 'supervisor', 1_000);
    expect(takeSsoRole('anna@mvd.example', 2_000)).toBe('supervisor');
    expect(takeSsoRole('anna@mvd.example', 2_000)).toBeNull();
    rememberSsoRole('late@mvd.example', 'admin', 1_000);
    expect(takeSsoRole('late@mvd.example', 62_000)).toBeNull();
    rememberSsoRole(undefined, 'admin');
    expect(takeSsoRole('undefined')).toBeNull();
  });
});
