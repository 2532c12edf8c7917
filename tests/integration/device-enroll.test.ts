// Enrollment, address declaration, device status and device authentication over real HTTP.
import { describe, expect, it } from 'vitest';
import { MOSCOW_HOME, TULA, api, declare, enroll, expectProblem, status, workerBody } from './helpers';

describe('GET /api/health', () => {
  it('reports the database', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      dbReachable: true,
      database: expect.stringMatching(/^(pglite|postgres)$/),
    });
  });
});

describe('POST /api/v1/device/enroll', () => {
  it('creates a worker and a device, returning a one-time token', async () => {
    const { deviceId, token } = await enroll();
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const s = await status(token);
    expect(s.registration).toBeNull();
    expect(s.openLapse).toBeNull();
    expect(s.nextStep.code).toBe('declare_address');
  });

  it('links a second device of the same person (citizenship + document) to the same worker', async () => {
    const worker = workerBody({ fullName: 'Aziz Karimov' });
    const first = await enroll(worker);
    const second = await enroll({
      ...worker,
      documentNumber: ` ${String(worker.documentNumber).toLowerCase()} `,
    });
    expect(second.deviceId).not.toBe(first.deviceId);
    expect(second.token).not.toBe(first.token);
    expect((await status(second.token)).workerId).toBe((await status(first.token)).workerId);
    // The same document under another citizenship is another person.
    const other = await enroll({ ...worker, citizenship: 'KZ' });
    expect((await status(other.token)).workerId).not.toBe((await status(first.token)).workerId);
  });

  it('answers 422 naming the nine countries for another citizenship', async () => {
    const res = await api('/api/v1/device/enroll', {
      json: { worker: workerBody({ citizenship: 'RU' }), device: { platform: 'android' } },
    });
    const body = await expectProblem(res, 422);
    for (const country of [
      'Georgia',
      'Kazakhstan',
      'Uzbekistan',
      'Azerbaijan',
      'Moldova',
      'Armenia',
      'Kyrgyzstan',
      'Tajikistan',
      'Ukraine',
    ]) {
      expect(body.detail).toContain(country);
    }
  });

  it('answers 400 naming each missing or wrong field', async () => {
    const res = await api('/api/v1/device/enroll', {
      json: {
        worker: { fullName: '', citizenship: 'UZ', birthDate: '14.03.1991', phone: 'call me' },
        device: {},
      },
    });
    const body = await expectProblem(res, 400);
    const fields = (body.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'worker.fullName',
        'worker.documentNumber',
        'worker.birthDate',
        'worker.phone',
        'device.platform',
      ]),
    );
  });

  it('answers 415, 400 and 413 for a wrong content type, broken JSON and a huge body', async () => {
    await expectProblem(
      await api('/api/v1/device/enroll', {
        method: 'POST',
        body: 'worker=1',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
    await expectProblem(
      await api('/api/v1/device/enroll', {
        method: 'POST',
        body: '{"worker":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    await expectProblem(await api('/api/v1/device/enroll', { json: { pad: 'x'.repeat(200_000) } }), 413);
  });
});

describe('POST /api/v1/device/registrations', () => {
  it('creates a pending registration, then 409 while it is live', async () => {
    const { token } = await enroll();
    const registrationId = await declare(token);
    const s = await status(token);
    expect(s.registration).toMatchObject({
      id: registrationId,
      status: 'pending',
      address: { text: MOSCOW_HOME.text },
    });
    expect(s.nextStep.code).toBe('wait_first_fix');
    const again = await api('/api/v1/device/registrations', { token, json: { address: MOSCOW_HOME } });
    await expectProblem(again, 409);
    expect((await status(token)).registration?.id).toBe(registrationId);
  });

  it('answers 422 for an address outside the region (Tula)', async () => {
    const { token } = await enroll();
    const res = await api('/api/v1/device/registrations', {
      token,
      json: { address: { text: 'Тула, пр. Ленина, 1', ...TULA } },
    });
    await expectProblem(res, 422);
    expect((await status(token)).registration).toBeNull();
  });

  it('answers 400 naming bad coordinates', async () => {
    const { token } = await enroll();
    const res = await api('/api/v1/device/registrations', {
      token,
      json: { address: { text: 'Москва', lat: '55.7', lon: 200 } },
    });
    const body = await expectProblem(res, 400);
    expect((body.errors ?? []).map((e) => e.field)).toEqual(
      expect.arrayContaining(['address.lat', 'address.lon']),
    );
  });
});

describe('device authentication', () => {
  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a malformed token', { authorization: 'Bearer not-a-token' }],
    ['an unknown token', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['the Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ];

  it.each(cases)('refuses %s with 401 and WWW-Authenticate', async (_label, headers) => {
    for (const [path, method] of [
      ['/api/v1/device/status', 'GET'],
      ['/api/v1/device/positions', 'POST'],
      ['/api/v1/device/events', 'POST'],
      ['/api/v1/device/registrations', 'POST'],
    ] as const) {
      const res = await api(path, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      await expectProblem(res, 401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('does not let a device token read officer data', async () => {
    const { token } = await enroll();
    for (const path of ['/api/v1/workers', '/api/v1/lapses', '/api/v1/audit']) {
      const res = await api(path, { token });
      expect([401, 403, 404]).toContain(res.status);
    }
  });
});
