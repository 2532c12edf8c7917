// The ingest server's OsmAnd fast path over real HTTP: each request gets, byte for byte, the status,
// headers and body the route handler itself gives for the same request (the route is called here
// with a web Request, as the dashboard serves it), and a 200 means the fix is in the database.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as osmand from '@/app/api/v1/ingest/osmand/route';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { enrollDevice } from '@/lib/server/enroll';
import { installGroupCommitPath } from '@/lib/server/group-commit-path';
import { takesOsmAnd } from '@/lib/server/ingest-fast-path';
import { createIngestServer } from '@/lib/server/ingest-http';
import { groupTransactions } from '@/lib/server/ingest-transaction';
import { setPositionsPath } from '@/lib/server/positions-path';
import { declareAddress } from '@/lib/server/registration-service';

const HOME = { lat: 55.7539, lon: 37.6208 };
// Set by node:http on every answer, not by the route.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Sent {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

let server: http.Server;
let base = '';
let counter = 0;

function overHttp(req: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      `${base}${req.path}`,
      {
        method: req.method,
        headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body ?? '') },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (!TRANSPORT.has(name) && value !== undefined) headers[name] = String(value);
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    r.on('error', reject);
    r.end(req.body ?? '');
  });
}

// What the dashboard answers: the route handler on a web Request, headers as the adapter sends them.
async function viaRoute(req: Sent): Promise<Answer> {
  const handler = req.method === 'POST' ? osmand.POST : osmand.GET;
  const res = await handler(
    new Request(`${base}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'POST' && req.body ? req.body : null,
    }),
  );
  const body = req.method === 'HEAD' ? '' : await res.text();
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(Buffer.byteLength(body));
  return { status: res.status, headers, body };
}

async function enrollRegistered() {
  const enrolled = await enrollDevice(getDb(), {
    worker: {
      fullName: 'Рустам Назаров',
      citizenship: 'TJ',
      documentNumber: `FP${Date.now()}${++counter}`,
      birthDate: '1991-03-04',
      phone: '+79161234501',
    },
    device: { platform: 'android' },
  });
  await declareAddress(getDb(), enrolled.workerId, { text: 'Красная площадь, 1', ...HOME });
  return enrolled;
}

async function countFixes(deviceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    getDb(),
    sql`SELECT count(*)::int AS n FROM positions WHERE device_id = ${deviceId}`,
  );
  return row?.n ?? 0;
}

const fix = (token: string, secondsAgo: number, extra = '') =>
  `id=${token}&timestamp=${Math.floor(Date.now() / 1000) - secondsAgo}&lat=${HOME.lat}&lon=${HOME.lon}&accuracy=8${extra}`;

describe('ingest server OsmAnd fast path', () => {
  beforeAll(async () => {
    await migrate(getDb());
    // Wired as scripts/ingest-server.ts wires it (the same function): batched, cached look-ups and group commit.
    installGroupCommitPath(getDb(), { windowMs: 2, transactions: groupTransactions(getDb()) });
    server = createIngestServer(async () => true);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    setPositionsPath(null);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('takes query-string and form requests and leaves JSON, HEAD and oversized bodies to the route', () => {
    const req = (method: string, headers: http.IncomingHttpHeaders) =>
      Object.assign(new http.IncomingMessage(new net.Socket()), { method, headers });
    expect(takesOsmAnd(req('GET', {}))).toBe(true);
    expect(takesOsmAnd(req('POST', {}))).toBe(true);
    expect(
      takesOsmAnd(req('POST', { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' })),
    ).toBe(true);
    expect(takesOsmAnd(req('POST', { 'content-type': 'application/json' }))).toBe(false);
    expect(takesOsmAnd(req('POST', { 'content-length': '64001' }))).toBe(false);
    expect(takesOsmAnd(req('HEAD', {}))).toBe(false);
    expect(takesOsmAnd(req('PUT', {}))).toBe(false);
  });

  it('stores a fix before answering 200, with the headers the route gives', async () => {
    const phone = await enrollRegistered();
    const fast = await overHttp({ method: 'POST', path: `/api/v1/ingest/osmand?${fix(phone.token, 60)}` });
    expect(fast.status).toBe(200);
    expect(await countFixes(phone.deviceId)).toBe(1);
    const route = await viaRoute({ method: 'POST', path: `/api/v1/ingest/osmand?${fix(phone.token, 30)}` });
    expect(fast).toEqual(route);
    expect(fast.headers).toEqual({ 'cache-control': 'no-store', 'content-length': '0' });
    expect(await countFixes(phone.deviceId)).toBe(2);

    // A form body, and the same fix again (a duplicate): still the route's answers.
    const form = {
      method: 'POST' as const,
      path: '/api/v1/ingest/osmand',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fix(phone.token, 10, '&batt=55&speed=3'),
    };
    expect(await overHttp(form)).toEqual(await viaRoute(form));
    expect(await countFixes(phone.deviceId)).toBe(3);
  });

  it('gives the route’s answer, byte for byte, to refused and malformed requests', async () => {
    const phone = await enrollRegistered();
    const t = phone.token;
    const now = Math.floor(Date.now() / 1000);
    const cases: Sent[] = [
      { method: 'GET', path: `/api/v1/ingest/osmand?timestamp=${now}&lat=55.7&lon=37.6` },
      {
        method: 'POST',
        path: `/api/v1/ingest/osmand?id=${'A'.repeat(43)}&timestamp=${now}&lat=55.7&lon=37.6`,
      },
      { method: 'GET', path: `/api/v1/ingest/osmand?id=not-a-token&lat=55.7&lon=37.6` },
      { method: 'POST', path: `/api/v1/ingest/osmand?id=${t}&timestamp=${now}&lat=NaN&lon=37.6` },
      { method: 'POST', path: `/api/v1/ingest/osmand?id=${t}&lat=55.7&lon=37.6&accuracy=5` },
      { method: 'GET', path: `/api/v1/ingest/osmand?id=${t}&timestamp=${now}&lat=95&lon=37.6&speed=x` },
      { method: 'POST', path: `/api/v1/ingest/osmand?id=${t}&timestamp=${now + 86_400}&lat=55.7&lon=37.6` },
      // Too old to take: 200 with the reason in a header, so Traccar does not retry it forever.
      {
        method: 'POST',
        path: `/api/v1/ingest/osmand?id=${t}&timestamp=${now - 400 * 86_400}&lat=55.7&lon=37.6`,
      },
      { method: 'POST', path: `/api/v1/ingest/osmand/?id=%zz&timestamp=${now}` },
      {
        method: 'POST',
        path: `/api/v1/ingest/osmand?lat=1`,
        headers: { 'content-type': 'text/plain' },
        body: `\uFEFFid=${t}&timestamp=abc&lat=\u0000`,
      },
      // Declined by the fast path: the route's own JSON and size answers.
      {
        method: 'POST',
        path: '/api/v1/ingest/osmand',
        headers: { 'content-type': 'application/json' },
        body: '{"device_id":',
      },
      { method: 'POST', path: '/api/v1/ingest/osmand', body: `id=${t}&x=${'y'.repeat(64_001)}` },
    ];
    for (const req of cases) {
      const fast = await overHttp(req);
      const route = await viaRoute(req);
      expect({ path: req.path, ...fast }).toEqual({ path: req.path, ...route });
      // Bad input is the client's fault: never a 500.
      expect(fast.status).toBeLessThan(500);
    }
    expect(await countFixes(phone.deviceId)).toBe(0);
  });

  it('refuses a cached token once its phone is revoked, and stores nothing', async () => {
    const phone = await enrollRegistered();
    expect(
      (await overHttp({ method: 'GET', path: `/api/v1/ingest/osmand?${fix(phone.token, 50)}` })).status,
    ).toBe(200);
    await getDb().execute(sql`UPDATE devices SET revoked_at = now() WHERE id = ${phone.deviceId}`);
    const refused = await overHttp({ method: 'GET', path: `/api/v1/ingest/osmand?${fix(phone.token, 40)}` });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="regwatch-device"');
    // Forgotten by the cache: the next request is looked up afresh and gets the route's answer.
    const req: Sent = { method: 'GET', path: `/api/v1/ingest/osmand?${fix(phone.token, 30)}` };
    expect(await overHttp(req)).toEqual(await viaRoute(req));
    expect(await countFixes(phone.deviceId)).toBe(1);
  });
});
