import { describe, expect, test } from 'vitest';
import { discoveryUrl, readOidcSettings, roleFromClaims } from './oidc';

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
