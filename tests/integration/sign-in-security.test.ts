// Sign-in under attack, over real HTTP against `next start`: the lockout is keyed on the socket peer
// (clients connect from different loopback addresses, 127.0.0.x, to be different peers), a forged
// X-Forwarded-For counts only from TRUSTED_PROXIES (127.0.0.9 in the global setup), a user is never
// locked out from someone else's address, cross-site sign-in is refused, and no token is in a body.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem, postJsonFrom, type PeerAnswer, url } from './helpers';

const DEMO_PASSWORD = 'demo-password-2026';
const run = crypto.randomBytes(3).toString('hex');

/** A sign-in attempt over a socket bound to `from`, so the server sees that peer address. */
function signInFrom(
  from: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<PeerAnswer> {
  return postJsonFrom(from, '/api/auth/sign-in/username', { username, password }, headers);
}

async function signIn(username: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  return api('/api/auth/sign-in/username', { json: { username, password }, headers });
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error(`no session cookie (status ${res.status})`);
  return cookie.split(';')[0] ?? '';
}

async function session(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await signIn(username, password);
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

let admin: string;

async function createOfficer(username: string, name: string, password: string): Promise<string> {
  const res = await api('/api/v1/admin/officers', {
    json: { username, name, password, role: 'officer', okrugs: ['TsAO'] },
    headers: { cookie: admin },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  admin = await session('admin');
});

describe('sign-in lockout keyed on the client address', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const username = `spoof_${run}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await signInFrom('127.0.0.7', username, `guess-${i}-wrong`, {
        'x-forwarded-for': `203.0.113.${i + 1}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('gives every peer its own counter (next start passes no shared address)', async () => {
    const username = `peer_${run}`;
    for (let i = 0; i < 5; i++)
      expect((await signInFrom('127.0.0.10', username, `wrong-${i}-x`)).status).toBe(401);
    expect((await signInFrom('127.0.0.10', username, 'wrong-again')).status).toBe(429);
    expect((await signInFrom('127.0.0.11', username, 'wrong-other')).status).toBe(401);
  });

  it('cannot lock a real officer out from other addresses: it only slows, and failures are audited', async () => {
    const username = `victim_${run}`;
    const password = 'victim-password-1';
    const id = await createOfficer(username, 'Жертва Перебора', password);
    let failures = 0;
    for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']) {
      for (let i = 0; i < 6; i++) {
        const res = await signInFrom(from, username, `attack-${i}-guess`);
        expect(res.status).toBe(i < 5 ? 401 : 429);
        if (res.status === 401) failures++;
      }
    }
    expect(failures).toBe(20);
    const real = await signInFrom('127.0.0.1', username, password);
    expect(real.status).toBe(200);
    // 20 failures against a per-user limit of 15: held for a while, never refused.
    expect(real.ms).toBeGreaterThanOrEqual(2500);

    const audit = await api('/api/v1/audit?action=auth.sign_in_failed&limit=500', {
      headers: { cookie: admin },
    });
    const items = ((await audit.json()) as { items: { targetId: string | null }[] }).items;
    expect(items.filter((e) => e.targetId === id).length).toBeGreaterThanOrEqual(24);
  }, 90_000);

  it('locks an address that sprays many usernames, even when it rotates X-Forwarded-For', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await signInFrom('127.0.0.6', `spray_${run}_${i}`, 'Summer2026!x', {
        'x-forwarded-for': `198.51.100.${i + 1}`,
      });
      expect(res.status).toBe(401);
    }
    const locked = await signInFrom('127.0.0.6', 'officer', DEMO_PASSWORD, {
      'x-forwarded-for': '192.0.2.200',
    });
    expect(locked.status).toBe(429);
    // Everyone else still signs in.
    expect((await signInFrom('127.0.0.1', 'officer', DEMO_PASSWORD)).status).toBe(200);
  }, 60_000);

  it('believes X-Forwarded-For from a trusted proxy', async () => {
    const username = `proxied_${run}`;
    const viaProxy = (client: string, password: string) =>
      signInFrom('127.0.0.9', username, password, { 'x-forwarded-for': client });
    for (let i = 0; i < 5; i++) expect((await viaProxy('198.51.100.77', `no-${i}-pass`)).status).toBe(401);
    expect((await viaProxy('198.51.100.77', 'no-more-pass')).status).toBe(429);
    // Another client behind the same proxy is not locked; a client claim before the proxy's entry is not believed.
    expect((await viaProxy('198.51.100.78', 'other-client')).status).toBe(401);
    expect((await viaProxy('10.9.9.9, 198.51.100.77', 'still-locked')).status).toBe(429);
  });
});

describe('cross-site sign-in and sign-out', () => {
  it('refuses a JSON sign-in from a foreign Origin with 403 problem+json and no cookie', async () => {
    const res = await signIn('officer', DEMO_PASSWORD, { origin: 'https://evil.example' });
    expect(res.headers.getSetCookie()).toHaveLength(0);
    const body = await expectProblem(res, 403);
    expect(body.detail).toMatch(/Cross-site/);
    const fetchSite = await signIn('officer', DEMO_PASSWORD, { 'sec-fetch-site': 'cross-site' });
    await expectProblem(fetchSite, 403);
  });

  it('accepts a same-origin browser sign-in', async () => {
    const res = await signIn('officer', DEMO_PASSWORD, { origin: url(''), 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
  });

  it('refuses a sign-out from a foreign Origin and the session stays valid', async () => {
    const cookie = await session('officer2');
    const res = await api('/api/auth/sign-out', {
      json: {},
      headers: { cookie, origin: 'https://evil.example' },
    });
    await expectProblem(res, 403);
    const me = await api('/api/auth/get-session', { headers: { cookie } });
    expect(await me.json()).toMatchObject({ user: { username: 'officer2' } });
  });
});

describe('session token only in the httpOnly cookie', () => {
  it('is not in the sign-in or get-session JSON', async () => {
    const res = await signIn('supervisor');
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    const token = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    expect(token.length).toBeGreaterThan(10);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ user: { username: 'supervisor' } });
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/"token"/);
    const me = await (await api('/api/auth/get-session', { headers: { cookie } })).text();
    expect(me).toContain('supervisor');
    expect(me).not.toContain(token);
  });
});
