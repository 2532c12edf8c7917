// The officer API over real HTTP against `next start`: okrug scope, audited reads, the trace reason,
// reviews and reinstatement, roles, policy and the simulator, CSV exports and the event stream.
// Test data is made the way a phone makes it: through the device API.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  declare,
  enroll,
  expectProblem,
  fixAt,
  MOSCOW_HOME,
  sendFixes,
  status,
  waitForStatus,
  workerBody,
} from './helpers';

const DEMO_PASSWORD = 'demo-password-2026';
const YUAO_HOME = { text: 'Москва, Варшавское шоссе, д. 87', lat: 55.6467, lon: 37.6206 };

type Role = 'officer' | 'officer2' | 'supervisor' | 'auditor' | 'admin';
const cookies: Partial<Record<Role, string>> = {};

async function signIn(username: Role): Promise<string> {
  const res = await api('/api/auth/sign-in/username', { json: { username, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

function as(role: Role, path: string, init: Parameters<typeof api>[1] = {}) {
  return api(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), cookie: cookies[role] ?? '' },
  });
}

async function jsonOf<T>(res: Response, expected = 200): Promise<T> {
  if (res.status !== expected)
    throw new Error(`expected ${expected}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Worker {
  token: string;
  workerId: string;
  registrationId: string;
}

/**
 * Enrolls, declares an address and sends fixes 50 ms apart from now (fixes taken before the
 * declaration would not activate it), so the registration is active.
 */
async function makeWorker(fullName: string, home: typeof MOSCOW_HOME, fixes = 1): Promise<Worker> {
  const { token } = await enroll(workerBody({ fullName }));
  const registrationId = await declare(token, home);
  const now = Date.now();
  if (fixes > 0) {
    await sendFixes(
      token,
      Array.from({ length: fixes }, (_, i) => fixAt(new Date(now + i * 50), home)),
    );
  }
  return { token, workerId: (await status(token)).workerId, registrationId };
}

/** An active worker who switches location off: the registration is cancelled at once (grace 0). */
async function makeCancelledWorker(fullName: string): Promise<Worker & { lapseId: string }> {
  const w = await makeWorker(fullName, MOSCOW_HOME);
  // Stamped after the fix but not in the future, so every "up to now" query sees the lapse.
  await new Promise((r) => setTimeout(r, 300));
  const res = await api('/api/v1/device/events', {
    token: w.token,
    json: { events: [{ time: new Date().toISOString(), type: 'location_disabled' }] },
  });
  expect(res.status).toBe(200);
  const s = await waitForStatus(w.token, (x) => x.registration?.status === 'cancelled', 15_000);
  expect(s.registration?.status).toBe('cancelled');
  return { ...w, lapseId: s.lastLapse?.id ?? '' };
}

let inTsao: Worker;
let inYuao: Worker;

beforeAll(async () => {
  for (const role of ['officer', 'officer2', 'supervisor', 'auditor', 'admin'] as const)
    cookies[role] = await signIn(role);
  inTsao = await makeWorker('Юсупов Тимур', MOSCOW_HOME, 3);
  inYuao = await makeWorker('Qodirov Farrukh', YUAO_HOME, 3);
  // A neighbour at the same address, so the city-wide view has a cluster to show.
  await makeWorker('Юсупова Дилноза', MOSCOW_HOME);
});

describe('okrug scope', () => {
  it('lists and reads only workers in the officer’s okrugs (404 outside, without leaking existence)', async () => {
    const list = await jsonOf<{ items: { id: string }[] }>(
      await as('officer', '/api/v1/workers?limit=200&q=Юсупов'),
    );
    expect(list.items.map((w) => w.id)).toContain(inTsao.workerId);
    const other = await jsonOf<{ items: { id: string }[] }>(
      await as('officer', '/api/v1/workers?limit=200&q=Qodirov'),
    );
    expect(other.items.map((w) => w.id)).not.toContain(inYuao.workerId);

    await expectProblem(await as('officer', `/api/v1/workers/${inYuao.workerId}`), 404);
    await expectProblem(await as('officer', '/api/v1/workers/00000000-0000-4000-8000-000000000000'), 404);
    await expectProblem(await as('officer2', `/api/v1/workers/${inTsao.workerId}`), 404);
    const detail = await jsonOf<{ id: string; okrug: string; status: string }>(
      await as('officer2', `/api/v1/workers/${inYuao.workerId}`),
    );
    expect(detail).toMatchObject({ id: inYuao.workerId, okrug: 'YuAO', status: 'active' });
    await jsonOf(await as('supervisor', `/api/v1/workers/${inTsao.workerId}`));
  });

  it('keeps other okrugs out of clusters', async () => {
    const q = '/api/v1/map/clusters?bbox=37.3,55.5,37.95,55.95&zoom=17';
    type Fc = { type: string; features: { properties: { workerId?: string } }[] };
    const ids = (fc: Fc) => fc.features.map((f) => f.properties.workerId);
    const mine = await jsonOf<Fc>(await as('officer', q));
    expect(mine.type).toBe('FeatureCollection');
    expect(ids(mine)).toContain(inTsao.workerId);
    expect(ids(mine)).not.toContain(inYuao.workerId);
    const theirs = await jsonOf<Fc>(await as('officer2', q));
    expect(ids(theirs)).toContain(inYuao.workerId);
    expect(ids(theirs)).not.toContain(inTsao.workerId);
    const clustered = await jsonOf<{ features: { properties: Record<string, unknown> }[] }>(
      await as('supervisor', '/api/v1/map/clusters?bbox=37.3,55.5,37.95,55.95&zoom=9'),
    );
    const cluster = clustered.features.find((f) => f.properties.cluster === true);
    expect(cluster?.properties).toMatchObject({
      count: expect.any(Number),
      counts: { active: expect.any(Number) },
      bbox: expect.any(Array),
    });
    const bad = await expectProblem(await as('officer', '/api/v1/map/clusters?bbox=1,2,3&zoom=9'), 400);
    expect(bad.errors?.map((e) => e.field)).toContain('bbox');
  });

  it('keeps other okrugs out of the counters', async () => {
    type Summary = { registered: number; active: number; compliantShare: number; asOf: string };
    const all = await jsonOf<Summary>(await as('supervisor', '/api/v1/stats/summary'));
    const mine = await jsonOf<Summary>(await as('officer', '/api/v1/stats/summary'));
    const theirs = await jsonOf<Summary>(await as('officer2', '/api/v1/stats/summary'));
    const yuaoLive = await jsonOf<{ items: unknown[] }>(
      await as('supervisor', '/api/v1/workers?okrug=YuAO&status=pending,active,interrupted&limit=200'),
    );
    expect(theirs.registered).toBe(yuaoLive.items.length);
    expect(theirs.registered).toBeGreaterThanOrEqual(1);
    expect(mine.registered + theirs.registered).toBeLessThanOrEqual(all.registered);
    expect(all.compliantShare).toBeGreaterThan(0);
  });
});

describe('movement trace', () => {
  it('requires a reason (400 naming the field) and records it in the audit log', async () => {
    const missing = await expectProblem(await as('officer', `/api/v1/workers/${inTsao.workerId}/trace`), 400);
    expect(missing.errors?.map((e) => e.field)).toEqual(['reason']);
    const reason = `Inspection request ${Date.now()}`;
    const trace = await jsonOf<{ workerId: string; fixes: { lat: number }[]; truncated: boolean }>(
      await as('officer', `/api/v1/workers/${inTsao.workerId}/trace?reason=${encodeURIComponent(reason)}`),
    );
    expect(trace.workerId).toBe(inTsao.workerId);
    expect(trace.fixes).toHaveLength(3);
    await expectProblem(
      await as('officer2', `/api/v1/workers/${inTsao.workerId}/trace?reason=${encodeURIComponent(reason)}`),
      404,
    );

    const log = await jsonOf<{
      items: { action: string; reason: string | null; actorRole: string; workerId: string }[];
    }>(await as('auditor', `/api/v1/audit?action=worker.trace&worker=${inTsao.workerId}`));
    expect(log.items[0]).toMatchObject({
      action: 'worker.trace',
      reason,
      actorRole: 'officer',
      workerId: inTsao.workerId,
    });
    const reads = await jsonOf<{ items: { action: string }[] }>(
      await as('auditor', `/api/v1/audit?action=worker.*&worker=${inTsao.workerId}`),
    );
    expect(reads.items.map((e) => e.action)).toContain('worker.read');
  });
});

describe('reviews and reinstatement', () => {
  let violation: Worker & { lapseId: string };
  let technical: Worker & { lapseId: string };

  beforeAll(async () => {
    [violation, technical] = await Promise.all([
      makeCancelledWorker('Назаров Бахтиёр'),
      makeCancelledWorker('Турсунова Мадина'),
    ]);
  });

  it('shows the lapse with evidence and a likely cause', async () => {
    const lapse = await jsonOf<Record<string, unknown>>(
      await as('officer', `/api/v1/lapses/${technical.lapseId}`),
    );
    expect(lapse).toMatchObject({
      id: technical.lapseId,
      workerId: technical.workerId,
      kind: 'location_disabled',
      likelyCause: 'location_disabled',
      causedCancellation: true,
      lastFix: { lat: MOSCOW_HOME.lat, lon: MOSCOW_HOME.lon },
      registration: { id: technical.registrationId, status: 'cancelled', reinstatable: false },
    });
    expect(String(lapse.explanationEn).length).toBeGreaterThan(10);
    const queue = await jsonOf<{ items: { id: string }[]; total: number }>(
      await as('officer', '/api/v1/lapses?state=unreviewed&limit=200'),
    );
    expect(queue.items.map((l) => l.id)).toContain(technical.lapseId);
    expect(
      (await jsonOf<{ items: { id: string }[] }>(await as('officer2', '/api/v1/lapses?limit=200'))).items.map(
        (l) => l.id,
      ),
    ).not.toContain(technical.lapseId);
  });

  it('validates the review body and the role', async () => {
    const short = await expectProblem(
      await as('officer', `/api/v1/lapses/${technical.lapseId}/review`, {
        json: { decision: 'technical', note: 'short' },
      }),
      400,
    );
    expect(short.errors?.map((e) => e.field)).toEqual(['note']);
    const bad = await expectProblem(
      await as('officer', `/api/v1/lapses/${technical.lapseId}/review`, {
        json: { decision: 'maybe', note: 'A long enough note.' },
      }),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['decision']);
    await expectProblem(
      await as('auditor', `/api/v1/lapses/${technical.lapseId}/review`, {
        json: { decision: 'technical', note: 'Battery died at night.' },
      }),
      403,
    );
  });

  it('refuses to reinstate after a violation review (409) and reinstates after a technical one', async () => {
    const reviewed = await jsonOf<{ review: { decision: string; by: string } }>(
      await as('officer', `/api/v1/lapses/${violation.lapseId}/review`, {
        json: { decision: 'violation', note: 'The phone was switched off deliberately.' },
      }),
    );
    expect(reviewed.review).toMatchObject({ decision: 'violation', by: 'officer' });
    await expectProblem(
      await as('officer', `/api/v1/lapses/${violation.lapseId}/review`, {
        json: { decision: 'technical', note: 'Second opinion here.' },
      }),
      409,
    );
    const refused = await expectProblem(
      await as('supervisor', `/api/v1/registrations/${violation.registrationId}/reinstate`, {
        json: { note: 'Requested by the worker.' },
      }),
      409,
    );
    expect(refused.detail).toMatch(/violation/);

    await jsonOf(
      await as('officer', `/api/v1/lapses/${technical.lapseId}/review`, {
        json: { decision: 'technical', note: 'Signal lost in the metro; tracking resumed later.' },
      }),
    );
    await expectProblem(
      await as('officer', `/api/v1/registrations/${technical.registrationId}/reinstate`, {
        json: { note: 'Technical lapse.' },
      }),
      403,
    );
    const done = await jsonOf<{ status: string; registrationId: string }>(
      await as('supervisor', `/api/v1/registrations/${technical.registrationId}/reinstate`, {
        json: { note: 'Technical lapse, reinstated.' },
      }),
    );
    expect(done).toMatchObject({ status: 'active', registrationId: technical.registrationId });
    const worker = await jsonOf<{ status: string; events: { type: string; actor: string }[] }>(
      await as('supervisor', `/api/v1/workers/${technical.workerId}`),
    );
    expect(worker.status).toBe('active');
    expect(worker.events[0]?.type).toBe('reinstated');
    expect((await status(technical.token)).registration?.status).toBe('active');
    await expectProblem(
      await as('supervisor', `/api/v1/registrations/${technical.registrationId}/reinstate`, {
        json: { note: 'Again, by mistake.' },
      }),
      409,
    );
  });
});

describe('policy', () => {
  it('lets only a supervisor change it, validates bounds, and audits the change', async () => {
    type Policy = { version: number; graceSeconds: number; lapseAfterSeconds: number };
    const current = await jsonOf<Policy>(await as('officer', '/api/v1/policy'));
    await expectProblem(
      await as('officer', '/api/v1/policy', { method: 'PUT', json: { graceSeconds: 600 } }),
      403,
    );
    const bad = await expectProblem(
      await as('supervisor', '/api/v1/policy', { method: 'PUT', json: { lapseAfterSeconds: 5 } }),
      400,
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['lapseAfterSeconds']);
    const next = await jsonOf<Policy>(
      await as('supervisor', '/api/v1/policy', {
        method: 'PUT',
        json: { graceSeconds: current.graceSeconds + 60, note: 'Integration test' },
      }),
    );
    expect(next.version).toBeGreaterThan(current.version);
    // Put the rule back so the other suites keep the published default.
    await jsonOf(
      await as('supervisor', '/api/v1/policy', {
        method: 'PUT',
        json: { graceSeconds: current.graceSeconds },
      }),
    );
    const log = await jsonOf<{ items: { action: string; detail: { changed: Record<string, unknown> } }[] }>(
      await as('admin', '/api/v1/audit?action=policy.update&limit=2'),
    );
    expect(log.items[1]?.detail.changed).toEqual({
      graceSeconds: { old: current.graceSeconds, new: current.graceSeconds + 60 },
    });
  });

  it('simulates cancellations under the given and the current policy', async () => {
    const now = Date.now();
    const body = {
      lapseAfterSeconds: 3600,
      graceSeconds: 3600,
      from: new Date(now - 2 * 3_600_000).toISOString(),
      to: new Date(now).toISOString(),
    };
    await expectProblem(await as('auditor', '/api/v1/policy/simulate', { json: body }), 403);
    const result = await jsonOf<{
      given: { lapses: number; cancellations: number; workersAffected: number };
      current: { lapses: number; cancellations: number; workersAffected: number; lapseAfterSeconds: number };
      workersConsidered: number;
    }>(await as('supervisor', '/api/v1/policy/simulate', { json: body }));
    expect(result.workersConsidered).toBeGreaterThanOrEqual(2);
    expect(result.current.lapseAfterSeconds).toBe(900);
    expect(result.current.cancellations).toBeGreaterThanOrEqual(1);
    expect(result.given.cancellations).toBeLessThan(result.current.cancellations);
    const tooLong = await expectProblem(
      await as('supervisor', '/api/v1/policy/simulate', {
        json: { ...body, from: new Date(now - 30 * 86_400_000).toISOString() },
      }),
      400,
    );
    expect(tooLong.errors?.length).toBeGreaterThan(0);
  });
});

describe('roles and exports', () => {
  it('keeps the audit log for auditors and admins', async () => {
    await expectProblem(await as('officer', '/api/v1/audit'), 403);
    await expectProblem(await as('supervisor', '/api/v1/audit'), 403);
    const page = await jsonOf<{ items: { action: string }[]; nextCursor: string | null }>(
      await as('admin', '/api/v1/audit?limit=2'),
    );
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const latest = await jsonOf<{ items: { action: string; actorUsername: string }[] }>(
      await as('auditor', '/api/v1/audit?limit=1'),
    );
    expect(latest.items[0]).toMatchObject({ action: 'audit.read', actorUsername: 'admin' });
    const byUsername = await jsonOf<{ items: { actorUsername: string }[] }>(
      await as('auditor', '/api/v1/audit?actor=officer2&limit=50'),
    );
    expect(byUsername.items.length).toBeGreaterThan(0);
    expect(new Set(byUsername.items.map((e) => e.actorUsername))).toEqual(new Set(['officer2']));
  });

  it('exports the filtered worker list as CSV with a header row', async () => {
    const res = await as('officer', '/api/v1/workers?format=csv&q=Юсупов');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="workers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,fullNameLatin,fullNameCyrillic,citizenship,documentNumber,phone,employer,status,okrug,statusSince,openLapseKind,lastFixAt',
    );
    expect(lines.slice(1).some((l) => l.startsWith(inTsao.workerId))).toBe(true);
    const audit = await as('auditor', '/api/v1/audit?format=csv&action=worker.export');
    expect(audit.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await audit.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'id,at,actorId,actorName,actorRole,actorUsername,action,workerId,targetType,targetId,reason,detail,workerIds',
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('serves the OpenAPI document', async () => {
    const doc = await jsonOf<{ openapi: string; paths: Record<string, unknown> }>(
      await api('/api/v1/openapi.json'),
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/workers', '/api/v1/device/positions', '/api/v1/stream']),
    );
  });
});

describe('event stream', () => {
  it('sends a status event after a change in scope', async () => {
    const controller = new AbortController();
    const res = await as('officer', '/api/v1/stream', { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
        ]);
        if (!chunk || chunk.done) break;
        text += chunk.value;
      }
      return pattern.test(text);
    };
    try {
      expect(await readUntil(/event: summary\ndata: \{/, 10_000)).toBe(true);
      const fresh = await makeWorker('Мирзаев Ислом', MOSCOW_HOME, 0);
      const pattern = new RegExp(
        `event: status\\ndata: \\{[^\\n]*"workerId":"${fresh.workerId}"[^\\n]*"to":"pending"`,
      );
      expect(await readUntil(pattern, 15_000)).toBe(true);
      expect(text).not.toContain('Мирзаев');
    } finally {
      controller.abort();
    }
  });
});
