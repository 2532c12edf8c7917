// Single sign-on through the OpenID Connect provider option, against a fake provider on a local port:
// the redirect carries PKCE and state, the callback creates an officer with no okrugs, and the role
// comes from OIDC_ROLE_CLAIM when it names one of ours.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { officerAccounts, officers } from '@/lib/db/auth-schema';
import { type Auth, createAuth } from '@/lib/auth/server';

const APP = 'http://127.0.0.1:3998';
const subject = `sub-${Date.now()}`;
let provider: http.Server;
let issuer = '';
let auth: Auth;
let profile: Record<string, unknown> = {};

function startProvider(): Promise<void> {
  provider = http.createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      send({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
      });
    } else if (req.url === '/token') {
      send({ access_token: 'access-1', token_type: 'Bearer', expires_in: 300 });
    } else if (req.url === '/userinfo') {
      send(profile);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    provider.listen(0, '127.0.0.1', () => {
      issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function signInWithProvider(claims: Record<string, unknown>) {
  profile = claims;
  const start = await auth.handler(
    new Request(`${APP}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ provider: 'oidc', callbackURL: '/lapses', disableRedirect: true }),
    }),
  );
  expect(start.status).toBe(200);
  const { url } = (await start.json()) as { url: string };
  const authorize = new URL(url);
  const callback = await auth.handler(
    new Request(`${APP}/api/auth/callback/oidc?code=code-1&state=${authorize.searchParams.get('state')}`, {
      headers: { cookie: cookiesOf(start) },
    }),
  );
  return { authorize, callback };
}

beforeAll(async () => {
  await migrate(getDb());
  await startProvider();
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'regwatch',
    OIDC_CLIENT_SECRET: 'client-secret',
    OIDC_ROLE_CLAIM: 'regwatch_role',
  });
  auth = createAuth(getDb());
});

afterAll(() => {
  for (const key of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM'])
    delete process.env[key];
  provider.close();
});

describe('OpenID Connect sign-in', () => {
  it('sends the browser to the provider with PKCE and state, and creates an officer without okrugs', async () => {
    const { authorize, callback } = await signInWithProvider({
      sub: subject,
      email: `${subject}@mvd.example`,
      email_verified: true,
      name: 'Сергей SSO',
    });
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${issuer}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe('regwatch');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${APP}/api/auth/callback/oidc`);

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/lapses');
    expect(callback.headers.getSetCookie().join()).toMatch(/regwatch\.session_token=/);

    const [row] = await getDb()
      .select()
      .from(officers)
      .where(eq(officers.email, `${subject}@mvd.example`));
    expect(row).toMatchObject({ role: 'officer', okrugs: [], disabled: false, username: null });
    const accounts = await getDb()
      .select()
      .from(officerAccounts)
      .where(eq(officerAccounts.userId, row?.id ?? ''));
    expect(accounts.map((a) => a.providerId)).toEqual(['oidc']);
  });

  it('takes the role from the configured claim for a new account', async () => {
    await signInWithProvider({
      sub: `${subject}-2`,
      email: `${subject}-2@mvd.example`,
      name: 'Аудитор SSO',
      regwatch_role: 'auditor',
    });
    const [row] = await getDb()
      .select()
      .from(officers)
      .where(eq(officers.email, `${subject}-2@mvd.example`));
    expect(row?.role).toBe('auditor');
  });

  it('signs an existing SSO account in again, and refuses it once disabled', async () => {
    const again = await signInWithProvider({
      sub: subject,
      email: `${subject}@mvd.example`,
      name: 'Сергей SSO',
    });
    expect(again.callback.headers.get('location')).toBe('/lapses');
    await getDb()
      .update(officers)
      .set({ disabled: true })
      .where(eq(officers.email, `${subject}@mvd.example`));
    const { callback } = await signInWithProvider({
      sub: subject,
      email: `${subject}@mvd.example`,
      name: 'Сергей SSO',
    });
    expect(callback.headers.getSetCookie().join()).not.toMatch(/session_token=[^;]/);
    expect(callback.headers.get('location') ?? '').not.toBe('/lapses');
  });
});
