// Fault test on a private PostgreSQL: (a) kill -9 of the app server while phones post fixes loses no
// acknowledged fix; (b) a PostgreSQL stop/start during ingestion and officer reads is answered with
// fast 503 problem+json (never a 500, never a hang) and the same server process recovers alone.
// Prints the figures. Run by scripts/test-all.sh in its PostgreSQL half (vitest --project fault).
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type App,
  createDatabase,
  killApp,
  runScript,
  sleep,
  startApp,
  startPostgres,
  stopPostgres,
} from './harness';
import { type Phone, type Sample, loop, postBatch, read } from './load';

const PHONES = 6;
const APP_PORT = Number(process.env.FAULT_APP_PORT ?? 39_499);
const OUTAGE_MS = 4_000;
const MAX_OUTAGE_LATENCY_MS = 5_000;

let databaseUrl = '';
let app: App;
let cookie = '';
const phones: Phone[] = [];
const acked = new Map<string, number[]>();

async function enrollPhone(i: number): Promise<Phone> {
  const res = await fetch(`${app.baseUrl}/api/v1/device/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      worker: {
        fullName: 'Fault Phone',
        citizenship: 'UZ',
        documentNumber: `FT${Date.now().toString(36).toUpperCase()}${i}`,
        birthDate: '1990-01-01',
        phone: '+998901234567',
      },
      device: { platform: 'android', model: 'Fault test' },
    }),
  });
  expect(res.status).toBe(201);
  const { deviceId, token } = (await res.json()) as { deviceId: string; token: string };
  return { deviceId, token, next: Date.now() - 5_000 };
}

/** Every phone posts batches until stopped; acknowledged fix times are remembered per device. */
function runPhones(stop: () => boolean, samples: Sample[]): Promise<void[]> {
  return Promise.all(
    phones.map((phone) =>
      loop(stop, 50, async () => {
        const times = await postBatch(app.baseUrl, phone, 5, samples);
        acked.set(phone.deviceId, [...(acked.get(phone.deviceId) ?? []), ...times]);
      }),
    ),
  );
}

async function countLost(): Promise<{ acked: number; lost: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ device_id: string; ms: string }[]>`
      SELECT device_id::text, (extract(epoch FROM fix_time) * 1000)::bigint::text AS ms FROM positions
      WHERE device_id = ANY(${phones.map((p) => p.deviceId)}::uuid[])`;
    const stored = new Set(rows.map((r) => `${r.device_id}|${r.ms}`));
    let total = 0;
    let lost = 0;
    for (const [device, times] of acked) {
      total += times.length;
      lost += times.filter((t) => !stored.has(`${device}|${t}`)).length;
    }
    return { acked: total, lost };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe('faults on PostgreSQL', () => {
  beforeAll(async () => {
    await startPostgres();
    databaseUrl = await createDatabase(`regwatch_fault_${process.pid}`);
    runScript('scripts/migrate.ts', databaseUrl);
    runScript('scripts/demo-accounts.ts', databaseUrl);
    app = await startApp(databaseUrl, APP_PORT);
    for (let i = 0; i < PHONES; i++) phones.push(await enrollPhone(i));
    const res = await fetch(`${app.baseUrl}/api/auth/sign-in/username`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'demo-password-2026' }),
    });
    cookie =
      res.headers
        .getSetCookie()
        .find((c) => c.includes('session_token='))
        ?.split(';')[0] ?? '';
    expect(cookie).not.toBe('');
  }, 240_000);

  afterAll(async () => {
    if (app) await killApp(app);
    await stopPostgres();
  });

  it('kill -9 of the app during ingestion loses no acknowledged fix', { timeout: 180_000 }, async () => {
    const samples: Sample[] = [];
    let stop = false;
    const load = runPhones(() => stop, samples);
    await sleep(3_000);
    const killedAt = Date.now();
    await killApp(app);
    await sleep(1_000);
    app = await startApp(databaseUrl, APP_PORT);
    const restartMs = Date.now() - killedAt;
    await sleep(3_000);
    stop = true;
    await load;
    const { acked: total, lost } = await countLost();
    const failed = samples.filter((s) => s.status !== 200).length;
    console.log(
      `[fault a] kill -9: ${samples.length} batch requests, ${total} fixes acknowledged, ${lost} lost, ` +
        `${failed} requests failed while the server was down, back up in ${restartMs} ms`,
    );
    expect(total).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(samples.filter((s) => s.status >= 500)).toEqual([]);
  });

  it(
    'a PostgreSQL restart is answered with fast 503s and recovers without restarting the app',
    { timeout: 180_000 },
    async () => {
      const samples: Sample[] = [];
      const pid = app.child.pid;
      const ackedBefore = (await countLost()).acked;
      let stop = false;
      const readers = ['/api/v1/workers', '/api/v1/stats/summary', '/api/v1/lapses', '/api/health'].map(
        (path) =>
          loop(
            () => stop,
            100,
            () => read(app.baseUrl, path, cookie, samples),
          ),
      );
      const load = runPhones(() => stop, samples);
      await sleep(2_000);
      const downAt = Date.now();
      stopPostgres();
      await sleep(OUTAGE_MS);
      startPostgres();
      const upAt = Date.now();
      // Recovered once every kind of request succeeds again; give it up to 30 s.
      let recoveredAt = 0;
      while (!recoveredAt && Date.now() - upAt < 30_000) {
        await sleep(250);
        const after = samples.filter((s) => s.startedAt > Date.now() - 1_000);
        if (after.length > 5 && after.every((s) => s.status === 200))
          recoveredAt = Math.min(...after.map((s) => s.startedAt));
      }
      await sleep(1_000);
      stop = true;
      await Promise.all([load, ...readers]);

      const during = samples.filter((s) => s.startedAt >= downAt + 200 && s.startedAt < upAt);
      const unavailable = samples.filter((s) => s.status === 503);
      const maxDuring = Math.max(0, ...during.map((s) => s.ms));
      const { acked: total, lost } = await countLost();
      console.log(
        `[fault b] PostgreSQL down ${upAt - downAt} ms: ${samples.length} requests, ${during.length} during the outage, ` +
          `${unavailable.length} answered 503, statuses ${JSON.stringify(countBy(samples))}, ` +
          `max latency during the outage ${maxDuring} ms, recovered ${recoveredAt ? recoveredAt - upAt : 'never'} ms after restart; ` +
          `${total} fixes acknowledged in all, ${lost} lost`,
      );
      const slowest = [...samples].sort((x, y) => y.ms - x.ms).slice(0, 8);
      console.log(
        `[fault b] slowest: ${slowest.map((s) => `${s.path} ${s.status} ${s.ms} ms at ${s.startedAt - downAt} ms`).join('; ')}`,
      );
      expect(app.child.pid).toBe(pid);
      expect(app.child.exitCode).toBeNull();
      expect(
        samples.filter((s) => s.status >= 500 && s.status !== 503).map((s) => `${s.status} ${s.path}`),
      ).toEqual([]);
      expect(samples.filter((s) => s.status === 0).length).toBe(0); // no dropped connection, no timeout
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable.every((s) => s.problem && Number(s.retryAfter) > 0)).toBe(true);
      expect(
        during.filter((s) => s.status !== 503 && s.status !== 200).map((s) => `${s.status} ${s.path}`),
      ).toEqual([]);
      expect(maxDuring).toBeLessThan(MAX_OUTAGE_LATENCY_MS);
      expect(recoveredAt).toBeGreaterThan(0);
      expect(total).toBeGreaterThan(ackedBefore);
      expect(lost).toBe(0);
    },
  );
});

function countBy(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[s.status] = (out[s.status] ?? 0) + 1;
  return out;
}
