// Issue 6 item 3, case by case over real HTTP: hostile input is a 400/404/405 problem+json that says
// what to fix, never a 500. The fuzz suite covers the same ground at random; these pin each case.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from './helpers';

const cookies: Record<string, string> = {};
const forge = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
const someUuid = '0b6f1f5e-3a2d-4c8e-9f00-1234567890ab';

function as(role: string, path: string, init: Parameters<typeof api>[1] = {}) {
  return api(path, { ...init, headers: { cookie: cookies[role] ?? '' } });
}

beforeAll(async () => {
  for (const role of ['supervisor', 'auditor', 'admin']) {
    const res = await api('/api/auth/sign-in/username', {
      json: { username: role, password: 'demo-password-2026' },
    });
    cookies[role] =
      res.headers
        .getSetCookie()
        .find((c) => c.includes('session_token='))
        ?.split(';')[0] ?? '';
  }
});

describe('broken %-escapes in path segments', () => {
  it.each([
    '/api/v1/workers/%E0%A4%A',
    '/api/v1/workers/%/trace?reason=checking',
    '/api/v1/lapses/%E0%A4%A',
    '/api/v1/lapses/%zz/review',
    '/api/v1/registrations/%C0%AF%E0/reinstate',
    '/api/v1/admin/officers/%E0%A4%A',
    '/api/v1/device/%E0%A4%A',
  ])('%s -> 400', async (path) => {
    const body = await expectProblem(await as('supervisor', path), 400);
    expect(body.detail).toMatch(/%-escape/);
  });
});

describe('forged but well-formed cursors', () => {
  it.each([
    ['/api/v1/workers', forge(['a\u0000', someUuid])],
    ['/api/v1/workers', forge(['karimov', 'not-a-uuid'])],
    ['/api/v1/lapses', forge([new Date().toISOString(), 'yesterday', someUuid])],
    ['/api/v1/lapses?sort=-duration', forge([new Date().toISOString(), 1e308, 'x'])],
    ['/api/v1/lapses', forge(['2025-02-30T00:00:00Z', '2025-02-30T00:00:00Z', someUuid])],
  ])('%s with a forged cursor -> 400', async (path, cursor) => {
    const sep = path.includes('?') ? '&' : '?';
    const body = await expectProblem(await as('supervisor', `${path}${sep}cursor=${cursor}`), 400);
    expect(body.errors?.[0]?.field).toBe('cursor');
  });

  it('an audit cursor beyond bigint -> 400', async () => {
    await expectProblem(await as('auditor', `/api/v1/audit?cursor=${forge([1e20])}`), 400);
  });
});

describe('NUL bytes and dates that are not dates', () => {
  it('NUL in the search text, the audit actor and any query value -> 400 naming the field', async () => {
    const q = await expectProblem(await as('supervisor', '/api/v1/workers?q=a%00b'), 400);
    expect(q.errors?.[0]?.field).toBe('q');
    const actor = await expectProblem(await as('auditor', '/api/v1/audit?actor=adm%00in'), 400);
    expect(actor.errors?.[0]?.field).toBe('actor');
    await expectProblem(await as('supervisor', '/api/v1/stats/lapses?groupBy=day&x=%00'), 400);
  });

  it('NUL in an admin account id -> 404; in a review note -> 400', async () => {
    for (const action of ['disable', 'enable', 'revoke-sessions']) {
      await expectProblem(
        await as('admin', `/api/v1/admin/officers/adm%00in/${action}`, { method: 'POST' }),
        404,
      );
    }
    const patch = await as('admin', '/api/v1/admin/officers/a%00b', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(patch.status).toBeLessThan(500);
    const review = await api(`/api/v1/lapses/${someUuid}/review`, {
      headers: { cookie: cookies.supervisor ?? '' },
      json: { decision: 'violation', note: 'A note with a \u0000 inside it' },
    });
    await expectProblem(review, 400);
  });

  it.each(['2025-02-30', 'yesterday', '0000-01-01', '275760-09-13'])(
    'policy/simulate with to=%s -> 400',
    async (to) => {
      const res = await api('/api/v1/policy/simulate', {
        headers: { cookie: cookies.supervisor ?? '' },
        json: { lapseAfterSeconds: 600, graceSeconds: 3600, from: '2026-11-20', to },
      });
      const body = await expectProblem(res, 400);
      expect(body.errors?.[0]?.field).toBe('to');
    },
  );
});

describe("Next's own answers are problem+json too", () => {
  it('an unknown API path -> 404', async () => {
    await expectProblem(await as('supervisor', '/api/v1/no-such-thing'), 404);
    await expectProblem(await api('/api/v1/workers/x/y/z', { method: 'DELETE' }), 404);
  });

  it('a method the route does not serve -> 405 with Allow', async () => {
    const res = await as('supervisor', '/api/v1/workers', { method: 'DELETE' });
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectProblem(res, 405);
    const put = await api('/api/v1/device/positions', { method: 'PUT' });
    expect(put.headers.get('allow')).toBe('POST, OPTIONS');
    await expectProblem(put, 405);
  });

  it("Better Auth's bare 404 for an unknown sign-in path", async () => {
    await expectProblem(await api('/api/auth/no-such-endpoint', { method: 'POST', json: {} }), 404);
  });
});

describe('GET /api/health', () => {
  it('says the database is up, with the round-trip latency', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      databaseStatus: 'up',
      dbReachable: true,
      latencyMs: expect.any(Number),
    });
  });
});
