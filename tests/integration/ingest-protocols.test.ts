// The tracker protocols over real HTTP: OsmAnd (Traccar Client) and OwnTracks.
import postgres from 'postgres';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { MOSCOW, api, enroll, expectProblem, status, url } from './helpers';

const dbUrl = inject('databaseUrl');
// Read-only checks of stored values, only where the database is a server the test can reach.
const sql = dbUrl ? postgres(dbUrl, { max: 1, onnotice: () => {} }) : null;
afterAll(async () => {
  await sql?.end({ timeout: 5 });
});

async function storedFix(deviceId: string, time: Date) {
  if (!sql) return null;
  const rows = await sql<
    {
      speed: number | null;
      heading: number | null;
      battery: number | null;
      charging: boolean | null;
      accuracy: number;
    }[]
  >`
    SELECT speed, heading, battery, charging, accuracy FROM positions WHERE device_id = ${deviceId} AND fix_time = ${time}`;
  return rows[0] ?? null;
}

const secondsAgo = (s: number) => new Date(Math.floor((Date.now() - s * 1000) / 1000) * 1000);

describe('OsmAnd (/api/v1/ingest/osmand)', () => {
  it('accepts a Traccar Client query string (GET), speed in knots', async () => {
    const { deviceId, token } = await enroll();
    const t = secondsAgo(120);
    const query = new URLSearchParams({
      id: token,
      timestamp: String(t.getTime() / 1000),
      lat: String(MOSCOW.lat),
      lon: String(MOSCOW.lon),
      speed: '10',
      bearing: '45.5',
      altitude: '150',
      accuracy: '8',
      batt: '76.0',
      charge: 'true',
    });
    const res = await fetch(url(`/api/v1/ingest/osmand?${query}`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect((await status(token)).lastFixAt).toBe(t.toISOString());
    const row = await storedFix(deviceId, t);
    if (sql) {
      expect(row?.speed).toBeCloseTo(5.14444, 3);
      expect(row).toMatchObject({ heading: 45.5, battery: 76, charging: true, accuracy: 8 });
    }
    // Traccar resends on timeouts: a repeat is acknowledged and stored once.
    expect((await fetch(url(`/api/v1/ingest/osmand?${query}`))).status).toBe(200);
    if (sql) expect(await sql`SELECT 1 FROM positions WHERE device_id = ${deviceId}`).toHaveLength(1);
  });

  it('accepts a form body (POST) with deviceid and epoch milliseconds', async () => {
    const { deviceId, token } = await enroll();
    const t = secondsAgo(90);
    const res = await fetch(url('/api/v1/ingest/osmand'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `deviceid=${token}&timestamp=${t.getTime()}&lat=55.70&lon=37.50&speed=2&hdop=15&batt=50`,
    });
    expect(res.status).toBe(200);
    expect((await status(token)).lastFixAt).toBe(t.toISOString());
    if (sql) expect((await storedFix(deviceId, t))?.speed).toBeCloseTo(2 * 0.514444, 3);
  });

  it('accepts Traccar Client JSON (coords.speed already in m/s, battery level 0..1)', async () => {
    const { deviceId, token } = await enroll();
    const t = secondsAgo(60);
    const res = await api('/api/v1/ingest/osmand', {
      json: {
        device_id: token,
        location: {
          timestamp: t.toISOString(),
          coords: { latitude: 55.76, longitude: 37.64, accuracy: 6, speed: 3, heading: 270, altitude: 160 },
          is_moving: true,
          event: 'motionchange',
          battery: { level: 0.35, is_charging: false },
          activity: { type: 'walking' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect((await status(token)).lastFixAt).toBe(t.toISOString());
    if (sql)
      expect(await storedFix(deviceId, t)).toMatchObject({
        speed: 3,
        heading: 270,
        battery: 35,
        charging: false,
      });
  });

  it('answers 401 for a missing or unknown id', async () => {
    const t = Math.floor(Date.now() / 1000);
    await expectProblem(
      await fetch(url(`/api/v1/ingest/osmand?timestamp=${t}&lat=55.7&lon=37.6&accuracy=5`)),
      401,
    );
    await expectProblem(
      await fetch(
        url(
          `/api/v1/ingest/osmand?id=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&timestamp=${t}&lat=55.7&lon=37.6&accuracy=5`,
        ),
      ),
      401,
    );
  });

  it('answers 400 naming the bad field', async () => {
    const { token } = await enroll();
    const t = Math.floor(Date.now() / 1000);
    const body = await expectProblem(
      await fetch(url(`/api/v1/ingest/osmand?id=${token}&timestamp=${t}&lat=NaN&lon=37.6&accuracy=5`)),
      400,
    );
    expect(body.errors?.map((e) => e.field)).toContain('lat');
    const noTime = await expectProblem(
      await fetch(url(`/api/v1/ingest/osmand?id=${token}&lat=55.7&lon=37.6&accuracy=5`)),
      400,
    );
    expect(noTime.errors?.map((e) => e.field)).toContain('timestamp');
  });

  it.each([
    ['accuracy', 'accuracy=1e39'],
    ['accuracy', 'accuracy=5e-324'],
    ['speed', 'accuracy=5&speed=1e39'],
    ['altitude', 'accuracy=5&altitude=1e-45'],
    ['provider', 'accuracy=5&provider=gps%00'],
  ])('answers 400 naming %s for a value the storage cannot hold (%s)', async (field, extra) => {
    const { token } = await enroll();
    const t = Math.floor(Date.now() / 1000) - 30;
    const res = await fetch(
      url(`/api/v1/ingest/osmand?id=${token}&timestamp=${t}&lat=55.7&lon=37.6&${extra}`),
    );
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toContain(field);
    expect((await status(token)).lastFixAt).toBeNull();
  });
});

describe('OwnTracks (/api/v1/ingest/owntracks)', () => {
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('stores a location with HTTP Basic (device id + token) and answers []', async () => {
    const { deviceId, token } = await enroll();
    const t = secondsAgo(45);
    const res = await api('/api/v1/ingest/owntracks', {
      headers: { authorization: basic(deviceId, token), 'x-limit-u': 'worker', 'x-limit-d': 'phone' },
      json: {
        _type: 'location',
        tst: t.getTime() / 1000,
        lat: 55.75,
        lon: 37.6,
        acc: 11,
        alt: 140,
        vel: 18,
        cog: 90,
        batt: 64,
        bs: 2,
        conn: 'm',
        tid: 'ph',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect((await status(token)).lastFixAt).toBe(t.toISOString());
    if (sql) expect((await storedFix(deviceId, t))?.speed).toBeCloseTo(5, 3);
    if (sql) expect((await storedFix(deviceId, t))?.charging).toBe(true);
  });

  it.each(['lwt', 'transition', 'card'])(
    'acknowledges a %s message with [] without storing',
    async (type) => {
      const { deviceId, token } = await enroll();
      const res = await api('/api/v1/ingest/owntracks', {
        headers: { authorization: basic(deviceId, token) },
        json: { _type: type, tst: Math.floor(Date.now() / 1000) },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([]);
      expect((await status(token)).lastFixAt).toBeNull();
    },
  );

  it('answers 401 with WWW-Authenticate: Basic for a wrong password, another device id or no auth', async () => {
    const a = await enroll();
    const b = await enroll();
    const json = { _type: 'location', tst: Math.floor(Date.now() / 1000), lat: 55.75, lon: 37.6, acc: 11 };
    for (const authorization of [basic(a.deviceId, 'x'.repeat(43)), basic(b.deviceId, a.token), '']) {
      const res = await api('/api/v1/ingest/owntracks', {
        headers: authorization ? { authorization } : {},
        json,
      });
      await expectProblem(res, 401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  it('answers 400 for a location without coordinates', async () => {
    const { deviceId, token } = await enroll();
    const res = await api('/api/v1/ingest/owntracks', {
      headers: { authorization: basic(deviceId, token) },
      json: { _type: 'location', tst: Math.floor(Date.now() / 1000), acc: 5 },
    });
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['lat', 'lon']));
  });

  it('answers 400 naming acc for an accuracy of 1e39', async () => {
    const { deviceId, token } = await enroll();
    const res = await api('/api/v1/ingest/owntracks', {
      headers: { authorization: basic(deviceId, token) },
      json: { _type: 'location', tst: Math.floor(Date.now() / 1000) - 30, lat: 55.75, lon: 37.6, acc: 1e39 },
    });
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toContain('acc');
  });
});
