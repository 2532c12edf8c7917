import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { OfficerContext } from './officer-context';
import { HttpError } from './problem';

const session = vi.hoisted(() => ({ officer: null as OfficerContext | null }));
vi.mock('./session', () => ({ getOfficerFromHeaders: async () => session.officer }));

const { checkRole, officerRoute, scopeOkrugs } = await import('./officer-route');

const officer: OfficerContext = {
  officerId: 'o1',
  username: 'officer',
  name: 'Officer',
  role: 'officer',
  okrugs: ['TsAO'],
};
const as = (patch: Partial<OfficerContext>): OfficerContext => ({ ...officer, ...patch });

function request(method = 'GET', headers: Record<string, string> = {}) {
  return new NextRequest('http://127.0.0.1:3000/api/v1/things/42', {
    method,
    headers: { host: '127.0.0.1:3000', ...headers },
  });
}

const echo = officerRoute<{ id: string }>({ roles: ['officer', 'supervisor'] }, async (_req, ctx) =>
  Response.json({ id: ctx.params.id, who: ctx.officer.username }),
);
const call = (req: NextRequest) => echo(req, { params: Promise.resolve({ id: '42' }) });

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  return (await res.json()) as { status: number; detail: string };
}

describe('officerRoute', () => {
  beforeEach(() => {
    session.officer = officer;
  });

  test('calls the handler with the officer and the awaited params', async () => {
    const res = await call(request());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '42', who: 'officer' });
  });

  test('401 without a session', async () => {
    session.officer = null;
    const res = await call(request());
    expect(res.status).toBe(401);
    expect((await problemOf(res)).detail).toMatch(/Sign in/);
  });

  test('403 naming the allowed roles', async () => {
    session.officer = as({ role: 'auditor', okrugs: null });
    const res = await call(request());
    expect(res.status).toBe(403);
    expect((await problemOf(res)).detail).toMatch(/officer, supervisor/);
  });

  test('403 for an officer without okrugs, telling them to ask an admin', async () => {
    session.officer = as({ okrugs: [] });
    const res = await call(request());
    expect(res.status).toBe(403);
    expect((await problemOf(res)).detail).toMatch(/administrator to assign okrugs/);
  });

  test.each<{ method: string; headers: Record<string, string>; status: number }>([
    { method: 'POST', headers: { origin: 'https://evil.example' }, status: 403 },
    { method: 'DELETE', headers: { 'sec-fetch-site': 'cross-site' }, status: 403 },
    {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' },
      status: 200,
    },
    { method: 'POST', headers: {}, status: 200 },
    { method: 'GET', headers: { origin: 'https://evil.example' }, status: 200 },
  ])('$method with $headers → $status', async ({ method, headers, status }) => {
    expect((await call(request(method, headers))).status).toBe(status);
  });

  test('a cross-site request is refused before the session is even looked at', async () => {
    session.officer = null;
    expect((await call(request('POST', { origin: 'https://evil.example' }))).status).toBe(403);
  });

  test('thrown HttpError and unknown errors become problem+json', async () => {
    const failing = officerRoute({}, async () => {
      throw new HttpError(409, 'Already reviewed by someone else.');
    });
    const crashing = officerRoute({}, async () => {
      throw new Error('secret details');
    });
    const ctx = { params: Promise.resolve({}) };
    const conflict = await failing(request(), ctx);
    expect(conflict.status).toBe(409);
    expect((await problemOf(conflict)).detail).toBe('Already reviewed by someone else.');
    const crash = await crashing(request(), ctx);
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await problemOf(crash))).not.toMatch(/secret details/);
  });
});

describe('checkRole and scopeOkrugs', () => {
  test.each([
    { who: as({}), roles: undefined, allowed: true },
    { who: as({ role: 'admin', okrugs: null }), roles: ['admin'] as const, allowed: true },
    { who: as({}), roles: ['admin'] as const, allowed: false },
    { who: as({ okrugs: [] }), roles: undefined, allowed: false },
    { who: as({ role: 'supervisor', okrugs: null }), roles: [] as const, allowed: true },
  ])('$who.role for $roles → $allowed', ({ who, roles, allowed }) => {
    expect(checkRole(who, roles) === null).toBe(allowed);
  });

  test('only officers are scoped', () => {
    expect(scopeOkrugs(officer)).toEqual(['TsAO']);
    expect(scopeOkrugs(as({ role: 'supervisor', okrugs: null }))).toBeNull();
  });
});
