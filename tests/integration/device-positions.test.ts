// Positions and device events over real HTTP: per-item validation, idempotency, limits and errors.
import { describe, expect, it } from 'vitest';
import { MOSCOW, api, enroll, expectProblem, fixAt, sendFixes, status } from './helpers';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('POST /api/v1/device/positions', () => {
  it('accepts good fixes and rejects bad ones by their own index', async () => {
    const { token } = await enroll();
    const t = minutesAgo(30);
    const positions = [
      fixAt(t),
      { ...fixAt(new Date(t.getTime() + 1_000)), lat: 'NaN' },
      { ...fixAt(new Date(t.getTime() + 2_000)), lat: 95 },
      fixAt(new Date(t.getTime() + 3_000), MOSCOW, {
        speed: 1.5,
        heading: 90,
        altitude: 150,
        provider: 'gps',
        mock: false,
      }),
      { lat: 55.75, lon: 37.62, accuracy: 10 },
      { ...fixAt(new Date(t.getTime() + 5_000)), accuracy: -1 },
      'not a fix',
      fixAt(new Date(Date.now() + 2 * 86_400_000)), // two days ahead: refused by the engine
      { ...fixAt(new Date(t.getTime() + 8_000)), time: Math.floor((t.getTime() + 8_000) / 1000) }, // epoch seconds
      { ...fixAt(new Date(t.getTime() + 9_000)), time: t.getTime() + 9_000 }, // epoch milliseconds
    ];
    const result = await sendFixes(token, positions);
    expect(result.accepted).toBe(4);
    expect(result.duplicates).toBe(0);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(result.rejected.find((r) => r.index === 1)?.reason).toMatch(/lat/);
    expect(result.rejected.find((r) => r.index === 4)?.reason).toMatch(/time/);
    expect(result.rejected.find((r) => r.index === 7)?.reason).toMatch(/future/i);
  });

  it('is idempotent on (device, time): a resent batch counts as duplicates', async () => {
    const { token } = await enroll();
    const t = minutesAgo(10);
    const batch = [fixAt(t), fixAt(new Date(t.getTime() + 60_000)), fixAt(new Date(t.getTime() + 120_000))];
    expect(await sendFixes(token, batch)).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(await sendFixes(token, batch)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    // The same instant written with an offset is the same fix.
    const sameInstant = { ...fixAt(t), time: t.toISOString().replace('Z', '+00:00') };
    expect(await sendFixes(token, [sameInstant])).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('accepts fixes out of order and hours late', async () => {
    const { token } = await enroll();
    const t = minutesAgo(20);
    const result = await sendFixes(token, [
      fixAt(new Date(t.getTime() + 120_000)),
      fixAt(t),
      fixAt(new Date(t.getTime() + 60_000)),
      fixAt(minutesAgo(6 * 60)),
      fixAt(minutesAgo(30 * 60)),
    ]);
    expect(result).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
  });

  it('answers 413 asking to split a batch of 501 fixes', async () => {
    const { token } = await enroll();
    const base = minutesAgo(120).getTime();
    const positions = Array.from({ length: 501 }, (_, i) => fixAt(new Date(base + i * 1000)));
    const body = await expectProblem(
      await api('/api/v1/device/positions', { token, json: { positions } }),
      413,
    );
    expect(body.detail).toMatch(/split|smaller/i);
    // 500 is still fine.
    expect((await sendFixes(token, positions.slice(0, 500))).accepted).toBe(500);
  });

  it.each([
    ['just over 1 MB', 1_100_000],
    ['10 MB', 10_000_000],
  ])('answers 413 for a body of %s', async (_label, size) => {
    const { token } = await enroll();
    const json = { positions: [fixAt(minutesAgo(1))], padding: 'x'.repeat(size) };
    await expectProblem(await api('/api/v1/device/positions', { token, json }), 413);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { token } = await enroll();
    const res = await api('/api/v1/device/positions', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'lat=55.7&lon=37.6',
    });
    await expectProblem(res, 415);
  });

  it('answers 400 for broken JSON', async () => {
    const { token } = await enroll();
    const res = await api('/api/v1/device/positions', {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"positions": [ {"time": ',
    });
    await expectProblem(res, 400);
  });

  it.each([
    ['positions is not an array', { positions: 'many' }, 'positions'],
    ['positions is missing', { fixes: [] }, 'positions'],
    ['positions is empty', { positions: [] }, 'positions'],
    ['the body is an array', [fixAt(new Date())], '(body)'],
  ])('answers 400 when %s', async (_label, json, field) => {
    const { token } = await enroll();
    const body = await expectProblem(await api('/api/v1/device/positions', { token, json }), 400);
    expect((body.errors ?? []).map((e) => e.field)).toContain(field);
  });

  it('updates the last fix the device status reports', async () => {
    const { token } = await enroll();
    const t = minutesAgo(3);
    await sendFixes(token, [fixAt(minutesAgo(5)), fixAt(t)]);
    expect((await status(token)).lastFixAt).toBe(t.toISOString());
  });
});

describe('values the storage cannot hold (issue 6, item 2)', () => {
  it('stores the good fixes and rejects each out-of-range number or NUL by index', async () => {
    const { token } = await enroll();
    const t = minutesAgo(40);
    const at = (s: number) => new Date(t.getTime() + s * 1000);
    const positions = [
      fixAt(at(0)),
      { ...fixAt(at(1)), accuracy: 1e39 },
      { ...fixAt(at(2)), speed: 1e39 },
      { ...fixAt(at(3)), accuracy: 5e-324 },
      { ...fixAt(at(4)), speed: 5e-324 },
      { ...fixAt(at(5)), altitude: 1e-45 },
      { ...fixAt(at(6)), provider: 'gps\u0000' },
      { ...fixAt(at(7)), heading: 5e-324 },
      fixAt(at(8), MOSCOW, { speed: 0, heading: 0, altitude: 0, provider: 'fused' }),
    ];
    const result = await sendFixes(token, positions);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const reason = (i: number) => result.rejected.find((r) => r.index === i)?.reason ?? '';
    expect(reason(1)).toMatch(/accuracy/);
    expect(reason(2)).toMatch(/speed/);
    expect(reason(3)).toMatch(/accuracy/);
    expect(reason(6)).toMatch(/provider.*NUL/);
    expect((await status(token)).lastFixAt).toBe(at(8).toISOString());
  });

  it('takes an optional backlog count and refuses a malformed one with 400', async () => {
    const { token } = await enroll();
    const ok = await api('/api/v1/device/positions', {
      token,
      json: { positions: [fixAt(minutesAgo(2))], backlog: 40 },
    });
    expect(ok.status).toBe(200);
    const body = await expectProblem(
      await api('/api/v1/device/positions', {
        token,
        json: { positions: [fixAt(minutesAgo(1))], backlog: -3 },
      }),
      400,
    );
    expect(body.errors?.map((e) => e.field)).toContain('backlog');
  });
});

describe('POST /api/v1/device/events', () => {
  it('accepts known event types, rejects others by index, and is idempotent', async () => {
    const { token } = await enroll();
    const t = minutesAgo(15);
    const events = [
      { time: t.toISOString(), type: 'location_disabled' },
      { time: t.toISOString(), type: 'teleported' },
      { time: new Date(t.getTime() + 60_000).toISOString(), type: 'location_enabled' },
      { type: 'boot' },
      { time: Math.floor(t.getTime() / 1000) + 120, type: 'low_battery' },
    ];
    const res = await api('/api/v1/device/events', { token, json: { events } });
    expect(res.status).toBe(200);
    const first = (await res.json()) as {
      accepted: number;
      duplicates: number;
      rejected: { index: number; reason: string }[];
    };
    expect(first.accepted).toBe(3);
    expect(first.rejected.map((r) => r.index)).toEqual([1, 3]);
    expect(first.rejected[0]?.reason).toMatch(/type/);
    const again = (await (
      await api('/api/v1/device/events', { token, json: { events } })
    ).json()) as typeof first;
    expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
  });

  it('answers 400 for a body without events and 413 for 501 events', async () => {
    const { token } = await enroll();
    await expectProblem(await api('/api/v1/device/events', { token, json: { events: {} } }), 400);
    const many = Array.from({ length: 501 }, (_, i) => ({
      time: new Date(Date.now() - i * 1000).toISOString(),
      type: 'boot',
    }));
    await expectProblem(await api('/api/v1/device/events', { token, json: { events: many } }), 413);
  });
});
