// Enrollment, address declaration, device status and device authentication over real HTTP.
import { describe, expect, it } from 'vitest';
import {
  MOSCOW_HOME,
  TULA,
  api,
  declare,
  enroll,
  expectProblem,
  fixAt,
  sendFixes,
  status,
  workerBody,
} from './helpers';
import { officerJson, signIn } from './officer-session';

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
    const firstWorkerId = (await status(first.token)).workerId;
    const second = await enroll({
      ...worker,
      fullName: '  aziz   KARIMOV ',
      documentNumber: ` ${String(worker.documentNumber).toLowerCase()} `,
    });
    expect(second.deviceId).not.toBe(first.deviceId);
    expect(second.token).not.toBe(first.token);
    expect((await status(second.token)).workerId).toBe(firstWorkerId);
    // The same document under another citizenship is another person.
    const other = await enroll({ ...worker, citizenship: 'KZ' });
    expect((await status(other.token)).workerId).not.toBe(firstWorkerId);
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

describe('re-enrolment of a known person (issue 6, item 1)', () => {
  it('refuses another name, birth date or phone with 409 that reveals nothing stored', async () => {
    const worker = workerBody({
      fullName: 'Rustam Nazarov',
      birthDate: '1988-07-02',
      phone: '+992900112233',
    });
    const victim = await enroll(worker);
    await declare(victim.token);
    for (const patch of [
      { fullName: 'Attacker Person' },
      { birthDate: '1988-07-03' },
      { phone: '+992900112234' },
    ]) {
      const res = await api('/api/v1/device/enroll', {
        json: { worker: { ...worker, ...patch }, device: { platform: 'android' } },
      });
      const body = await expectProblem(res, 409);
      expect(body.detail).toMatch(/full name, birth date and phone/);
      const text = JSON.stringify(body);
      for (const stored of ['Rustam', 'Nazarov', '1988-07-02', '992900112233'])
        expect(text).not.toContain(stored);
      expect(text).not.toContain(MOSCOW_HOME.text);
    }
    // The victim's phone keeps working and nothing was linked.
    expect((await status(victim.token)).registration?.status).toBe('pending');
  });

  it('replaces the old phone: its token is revoked, the event is audited and in the worker file', async () => {
    const worker = workerBody({ fullName: 'Шерзод Алимов' });
    const old = await enroll(worker);
    await declare(old.token);
    const workerId = (await status(old.token)).workerId;
    const fresh = await enroll({ ...worker, fullName: 'Sherzod Alimov' });
    expect((await status(fresh.token)).workerId).toBe(workerId);

    for (const [path, init] of [
      ['/api/v1/device/status', {}],
      ['/api/v1/device/positions', { json: { positions: [fixAt(new Date())] } }],
    ] as const) {
      const body = await expectProblem(await api(path, { token: old.token, ...init }), 401);
      expect(body.detail).toMatch(/replaced/);
    }
    expect((await sendFixes(fresh.token, [fixAt(new Date())])).accepted).toBe(1);

    const supervisor = await signIn('supervisor');
    const file = await officerJson<{
      events: { type: string; registrationId: string | null; cause: string }[];
      devices: { id: string; revokedAt: string | null }[];
    }>(supervisor, `/api/v1/workers/${workerId}`);
    expect(file.events).toContainEqual(
      expect.objectContaining({
        type: 'device_replaced',
        registrationId: null,
        cause: expect.stringMatching(/revoked/),
      }),
    );
    expect(file.devices.find((d) => d.id === old.deviceId)?.revokedAt).not.toBeNull();
    expect(file.devices.find((d) => d.id === fresh.deviceId)?.revokedAt).toBeNull();

    const auditor = await signIn('auditor');
    const log = await officerJson<{ items: { action: string; detail: { revokedDeviceIds?: string[] } }[] }>(
      auditor,
      `/api/v1/audit?worker=${workerId}&action=device.*`,
    );
    expect(log.items.find((e) => e.action === 'device.replace')?.detail.revokedDeviceIds).toEqual([
      old.deviceId,
    ]);
  });
});

describe('what /device/status gives the phone', () => {
  it('the declared address as text, never the home coordinates', async () => {
    const { token } = await enroll();
    await declare(token);
    const res = await api('/api/v1/device/status', { token });
    const text = await res.text();
    const body = JSON.parse(text) as { registration: { address: Record<string, unknown> } };
    expect(body.registration.address).toEqual({ text: MOSCOW_HOME.text });
    expect(text).not.toContain(String(MOSCOW_HOME.lat));
    expect(text).not.toContain(String(MOSCOW_HOME.lon));
  });
});

describe('text the database cannot hold (issue 6, item 2)', () => {
  it.each([
    ['device.model', { platform: 'android', model: 'Pixel\u0000 7' }],
    ['device.appVersion', { platform: 'android', appVersion: '2.1\u0000' }],
  ])('a NUL in %s is a 400 naming the field', async (field, device) => {
    const res = await api('/api/v1/device/enroll', { json: { worker: workerBody(), device } });
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toContain(field);
  });

  it('a NUL in the address text is a 400 naming the field', async () => {
    const { token } = await enroll();
    const res = await api('/api/v1/device/registrations', {
      token,
      json: { address: { ...MOSCOW_HOME, text: 'Тверская\u0000 7' } },
    });
    const body = await expectProblem(res, 400);
    expect(body.errors?.map((e) => e.field)).toContain('address.text');
  });
});
