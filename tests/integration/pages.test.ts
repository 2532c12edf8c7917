// Dashboard pages over real HTTP: server prefetch reads in-process (a forged Host header changes
// nothing and sends the session nowhere), refusals are real status codes (403, 404, 307), and
// many-worker reads (map points, exports) leave audit entries that "who saw worker X" finds.
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, declare, enroll, fixAt, MOSCOW_HOME, sendFixes, status, url, workerBody } from './helpers';

const DEMO_PASSWORD = 'demo-password-2026';
const YUAO_HOME = { text: 'Москва, Варшавское шоссе, д. 87', lat: 55.6467, lon: 37.6206 };
type Role = 'officer' | 'auditor' | 'admin';
const cookies: Partial<Record<Role, string>> = {};

async function signIn(username: Role): Promise<string> {
  const res = await api('/api/auth/sign-in/username', { json: { username, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

interface RawResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** A GET with any headers, Host included (fetch would not let us forge Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url(path), { method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.end();
  });
}

const page = (role: Role | null, path: string, extra: Record<string, string> = {}) =>
  rawGet(path, { ...(role ? { cookie: cookies[role] ?? '' } : {}), accept: 'text/html', ...extra });

async function auditFor(workerId: string, query = ''): Promise<{ action: string; actorUsername?: string }[]> {
  const res = await api(`/api/v1/audit?worker=${workerId}&limit=500${query}`, {
    headers: { cookie: cookies.auditor ?? '' },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { action: string; actorUsername?: string }[] }).items;
}

async function makeWorker(fullName: string, home = MOSCOW_HOME): Promise<string> {
  const { token } = await enroll(workerBody({ fullName }));
  await declare(token, home);
  await sendFixes(token, [fixAt(new Date(), home)]);
  return (await status(token)).workerId;
}

const NAME = 'Prefetchova Zarina';
let inScope = '';
let outOfScope = '';

beforeAll(async () => {
  for (const role of ['officer', 'auditor', 'admin'] as const) cookies[role] = await signIn(role);
  inScope = await makeWorker(NAME);
  outOfScope = await makeWorker('Boshqa Okrug', YUAO_HOME);
});

describe('server prefetch never calls out', () => {
  it('renders the prefetched worker file with a forged Host header, and audits the read', async () => {
    const before = (await auditFor(inScope, '&action=worker.read')).length;
    const res = await page('officer', `/workers/${inScope}`, { host: 'attacker.invalid:1' });
    expect(res.status).toBe(200);
    // The name is only in the page when the server prefetch read the file (it is not in the URL).
    expect(res.body.includes(NAME), `${NAME} in the page`).toBe(true);
    const after = await auditFor(inScope, '&action=worker.read');
    expect(after.length).toBe(before + 1);
  });

  it('renders the prefetched worker list with a forged Host header', async () => {
    const res = await page('officer', `/workers?q=${encodeURIComponent('Prefetchova')}`, {
      host: 'attacker.invalid:1',
    });
    expect(res.status).toBe(200);
    expect(res.body.includes(NAME), `${NAME} in the page`).toBe(true);
  });
});

describe('pages answer real status codes', () => {
  it('403 for a page the role may not open', async () => {
    for (const [role, path] of [
      ['officer', '/admin'],
      ['officer', '/audit'],
      ['auditor', '/workers'],
      ['auditor', '/lapses'],
      ['admin', '/reports'],
    ] as const) {
      const res = await page(role, path);
      expect({ role, path, status: res.status }).toEqual({ role, path, status: 403 });
      expect(res.body).not.toContain('NEXT_REDIRECT');
    }
  });

  it('404 for a worker out of scope, unknown, or not an id', async () => {
    for (const id of [outOfScope, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await page('officer', `/workers/${id}`);
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
      expect(res.body).not.toContain('Boshqa Okrug');
    }
  });

  it('a real redirect to sign-in without a session, and to the own start page from the map', async () => {
    const anonymous = await page(null, '/workers');
    expect([303, 307]).toContain(anonymous.status);
    expect(anonymous.location).toMatch(/^\/sign-in/);
    const admin = await page('admin', '/');
    expect([303, 307]).toContain(admin.status);
    expect(admin.location).toBe('/admin');
  });

  it('200 for the pages a role may open', async () => {
    for (const [role, path] of [
      ['officer', '/workers'],
      ['officer', '/lapses'],
      ['auditor', '/audit'],
      ['admin', '/admin'],
    ] as const) {
      expect({ path, status: (await page(role, path)).status }).toEqual({ path, status: 200 });
    }
  });
});

describe('many-worker reads are audited with the worker ids', () => {
  it('map points at high zoom, a CSV export, and "who saw worker X"', async () => {
    const { lat, lon } = MOSCOW_HOME;
    const bbox = `${lon - 0.002},${lat - 0.002},${lon + 0.002},${lat + 0.002}`;
    const map = await api(`/api/v1/map/clusters?bbox=${bbox}&zoom=17`, {
      headers: { cookie: cookies.officer ?? '' },
    });
    expect(map.status).toBe(200);
    const features = ((await map.json()) as { features: { properties: { workerId?: string } }[] }).features;
    expect(features.some((f) => f.properties.workerId === inScope)).toBe(true);
    const csv = await api(`/api/v1/workers?format=csv&q=${encodeURIComponent('Prefetchova')}`, {
      headers: { cookie: cookies.officer ?? '' },
    });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(inScope);
    const seen = await auditFor(inScope);
    const actions = seen.filter((e) => e.actorUsername === 'officer').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['map.read', 'worker.export.rows', 'worker.list']));
  });

  it('the auditor can leave the log’s own reads out', async () => {
    for (let i = 0; i < 3; i++) await auditFor(inScope);
    const res = await api('/api/v1/audit?limit=100&auditReads=hide', {
      headers: { cookie: cookies.auditor ?? '' },
    });
    const items = ((await res.json()) as { items: { action: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((e) => e.action.startsWith('audit.'))).toEqual([]);
    const all = await api('/api/v1/audit?limit=5', { headers: { cookie: cookies.auditor ?? '' } });
    const first = ((await all.json()) as { items: { action: string }[] }).items;
    expect(first.some((e) => e.action === 'audit.read')).toBe(true);
  });
});
