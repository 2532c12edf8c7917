// Officer sign-in, sessions and account management over real HTTP against `next start`. The global
// setup creates the demo accounts (officer, officer2, supervisor, auditor, admin).
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem, url } from './helpers';

const DEMO_PASSWORD = 'demo-password-2026';
const run = crypto.randomBytes(3).toString('hex');

async function signIn(username: string, password: string): Promise<Response> {
  return api('/api/auth/sign-in/username', { json: { username, password } });
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

function as(cookie: string, init: Parameters<typeof api>[1] = {}) {
  return { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie } };
}

async function createAccount(admin: string, body: Record<string, unknown>) {
  const res = await api('/api/v1/admin/officers', as(admin, { json: body }));
  expect(res.status).toBe(201);
  return (await res.json()) as {
    id: string;
    username: string;
    role: string;
    okrugs: string[];
    disabled: boolean;
  };
}

let admin: string;

beforeAll(async () => {
  admin = await session('admin');
});

describe('sign-in', () => {
  it('accepts the right password with an httpOnly, SameSite=Lax cookie (not Secure over http)', async () => {
    const res = await signIn('officer', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie().find((c) => c.includes('session_token=')) ?? '';
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/;\s*Secure/i);
    const me = await api('/api/auth/get-session', as(sessionCookie(res)));
    expect(await me.json()).toMatchObject({
      user: { username: 'officer', role: 'officer', okrugs: ['TsAO', 'ZAO'] },
    });
  });

  it('refuses a wrong password and an unknown username with the same answer', async () => {
    const wrong = await signIn('officer2', 'not-the-password');
    const unknown = await signIn(`nobody_${run}`, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toHaveLength(0);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('locks a username out after 5 failures with 429 and Retry-After', async () => {
    const username = `ghost_${run}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(username, `guess-number-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const locked = await signIn(username, 'guess-again-x');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('signs out: the cookie stops working', async () => {
    const cookie = await session('supervisor');
    expect(
      (await api('/api/auth/sign-out', as(cookie, { json: {}, headers: { origin: url('') } }))).status,
    ).toBe(200);
    await expectProblem(await api('/api/v1/admin/officers', as(cookie)), 401);
  });
});

describe('officerRoute', () => {
  it('401 problem without a session or with a forged cookie', async () => {
    await expectProblem(await api('/api/v1/admin/officers'), 401);
    await expectProblem(await api('/api/v1/admin/officers', as('regwatch.session_token=forged.value')), 401);
  });

  it('403 problem naming the allowed role for the wrong role', async () => {
    const officer = await session('officer');
    const body = await expectProblem(await api('/api/v1/admin/officers', as(officer)), 403);
    expect(body.detail).toMatch(/admin/);
  });

  it('403 telling an officer without okrugs to ask an administrator', async () => {
    const created = await createAccount(admin, {
      username: `noscope_${run}`,
      name: 'Без округов',
      password: 'twelve-characters',
      role: 'officer',
      okrugs: [],
    });
    expect(created.okrugs).toEqual([]);
    const cookie = await session(created.username, 'twelve-characters');
    const body = await expectProblem(await api('/api/v1/workers', as(cookie)), 403);
    expect(body.detail).toMatch(/administrator/i);
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'a foreign Origin', headers: { origin: 'https://evil.example' } },
    { name: 'Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site' } },
  ])('refuses a cross-site POST ($name) and changes nothing', async ({ headers }) => {
    const username = `csrf_${run}_${Object.keys(headers)[0]?.slice(0, 6)}`;
    const res = await api(
      '/api/v1/admin/officers',
      as(admin, {
        json: { username, name: 'X', password: 'twelve-characters', role: 'officer', okrugs: ['TsAO'] },
        headers,
      }),
    );
    const body = await expectProblem(res, 403);
    expect(body.detail).toMatch(/Cross-site/);
    const list = (await (await api('/api/v1/admin/officers', as(admin))).json()) as {
      items: { username: string }[];
    };
    expect(list.items.map((o) => o.username)).not.toContain(username);
  });

  it('accepts a same-origin browser POST', async () => {
    const res = await api(
      '/api/v1/admin/officers',
      as(admin, {
        json: { username: `browser_${run}`, name: 'Y', password: 'twelve-characters', role: 'auditor' },
        headers: { origin: url(''), 'sec-fetch-site': 'same-origin' },
      }),
    );
    expect(res.status).toBe(201);
  });
});

describe('account management', () => {
  it('validates new accounts as problem+json naming the field', async () => {
    const short = await api(
      '/api/v1/admin/officers',
      as(admin, { json: { username: `short_${run}`, name: 'Z', password: 'short', role: 'officer' } }),
    );
    const body = await expectProblem(short, 400);
    expect(body.errors?.map((e) => e.field)).toContain('password');
    await expectProblem(
      await api(
        '/api/v1/admin/officers',
        as(admin, {
          json: {
            username: `okrug_${run}`,
            name: 'Z',
            password: 'twelve-characters',
            role: 'officer',
            okrugs: ['Atlantis'],
          },
        }),
      ),
      422,
    );
    await expectProblem(
      await api(
        '/api/v1/admin/officers',
        as(admin, {
          json: { username: 'officer', name: 'Z', password: 'twelve-characters', role: 'officer' },
        }),
      ),
      409,
    );
  });

  it('creates, edits, revokes, disables and re-enables an account; a disabled account cannot sign in', async () => {
    const created = await createAccount(admin, {
      username: `life_${run}`,
      name: 'Пётр Иванов',
      password: 'first-password-1',
      role: 'officer',
      okrugs: ['SAO'],
    });
    const id = created.id;
    const first = await session(created.username, 'first-password-1');

    const patched = await api(
      `/api/v1/admin/officers/${id}`,
      as(admin, { method: 'PATCH', json: { okrugs: ['SAO', 'VAO'] } }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ okrugs: ['SAO', 'VAO'], activeSessions: 1 });

    const revoked = await api(`/api/v1/admin/officers/${id}/revoke-sessions`, as(admin, { method: 'POST' }));
    expect(await revoked.json()).toEqual({ revoked: 1 });
    await expectProblem(await api('/api/v1/admin/officers', as(first)), 401);

    const second = await session(created.username, 'first-password-1');
    const disabled = await api(`/api/v1/admin/officers/${id}/disable`, as(admin, { method: 'POST' }));
    expect(await disabled.json()).toMatchObject({ disabled: true, activeSessions: 0 });
    await expectProblem(await api('/api/v1/admin/officers', as(second)), 401);
    const refused = await signIn(created.username, 'first-password-1');
    expect(refused.status).toBe(403);
    expect(refused.headers.getSetCookie()).toHaveLength(0);

    expect((await api(`/api/v1/admin/officers/${id}/enable`, as(admin, { method: 'POST' }))).status).toBe(
      200,
    );
    const reset = await api(
      `/api/v1/admin/officers/${id}/password`,
      as(admin, { json: { password: 'second-password-2' } }),
    );
    expect(reset.status).toBe(204);
    expect((await signIn(created.username, 'first-password-1')).status).toBe(401);
    expect((await signIn(created.username, 'second-password-2')).status).toBe(200);
  });

  it('writes every change to the audit log', async () => {
    const res = await api('/api/v1/audit?limit=200', as(admin));
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const action of [
      'account.create',
      'account.update',
      'account.revoke_sessions',
      'account.disable',
      'account.enable',
      'account.reset_password',
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_out',
    ]) {
      expect(text).toContain(action);
    }
    expect(text).not.toContain('second-password-2');
  });
});

describe('pages', () => {
  const page = (path: string, cookie?: string) =>
    fetch(url(path), { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('sends a visitor without a session to /sign-in and back to the page afterwards', async () => {
    const res = await page('/lapses?state=open');
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/sign-in\?next=%2Flapses%3Fstate%3Dopen$/);
  });

  it('shows a labelled Russian sign-in form, without an SSO button when none is configured', async () => {
    const res = await page('/sign-in');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Логин');
    expect(html).toContain('Пароль');
    expect(html).toMatch(/autoComplete="current-password"|autocomplete="current-password"/);
    expect(html).not.toContain('Войти через');
  });

  it('sends a signed-in officer on, never off-site', async () => {
    const cookie = await session('officer2');
    const res = await page('/sign-in?next=https://evil.example/', cookie);
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/^(\/|http:\/\/127\.0\.0\.1:\d+\/)$/);
  });

  const ADMIN_INTRO = 'Каждое изменение записывается в журнал аудита';

  it('opens the admin page only for admins', async () => {
    // A role that may not open the page gets a real 403 (the forbidden page), not a streamed redirect.
    const officer = await page('/admin', await session('officer'));
    expect(officer.status).toBe(403);
    expect(await officer.text()).not.toContain(ADMIN_INTRO);
    const res = await page('/admin', admin);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(ADMIN_INTRO);
  });
});
