// The officer API services against a real database (PGlite, or PostgreSQL with TEST_DB=postgres):
// okrug scope in SQL, search, lapse queue and evidence, review and reinstatement, counters,
// clusters, the simulator and the change feed. Data is made by the real engine.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getHandle, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { locatePoint } from '@/lib/domain/region';
import { loadRegionPack } from '@/lib/region/load-pack';
import { enrollDevice } from '@/lib/server/enroll';
import { ingestPositions } from '@/lib/server/ingest';
import type { OfficerContext } from '@/lib/server/officer-context';
import { forgetCachedPolicy, getCurrentPolicy } from '@/lib/server/policy';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';
import { listAudit } from '@/lib/server/queries/audit-log';
import { readClusters } from '@/lib/server/queries/clusters';
import { getLapseDetail } from '@/lib/server/queries/lapse-detail';
import { listLapses } from '@/lib/server/queries/lapses';
import { simulatePolicy } from '@/lib/server/queries/policy-simulate';
import { readPolicy, updatePolicy } from '@/lib/server/queries/policy-admin';
import { reinstateRegistration } from '@/lib/server/queries/reinstate';
import { reviewLapse } from '@/lib/server/queries/review';
import { readLapseStats, readSummary } from '@/lib/server/queries/stats';
import { type FeedItem, readFeed } from '@/lib/server/feed/feed-reader';
import { isOkrugInScope } from '@/lib/server/scope';
import { withTimeLimit } from '@/lib/server/queries/time-limit';
import { getWorkerDetail } from '@/lib/server/queries/worker-detail';
import { listWorkers } from '@/lib/server/queries/workers';

const officer: OfficerContext = {
  officerId: 'o1',
  username: 'officer',
  name: 'Officer',
  role: 'officer',
  okrugs: ['TsAO', 'ZAO'],
};
const officer2: OfficerContext = {
  officerId: 'o2',
  username: 'officer2',
  name: 'Officer 2',
  role: 'officer',
  okrugs: ['YuAO'],
};
const supervisor: OfficerContext = {
  officerId: 's1',
  username: 'supervisor',
  name: 'Sup',
  role: 'supervisor',
  okrugs: null,
};

const TVERSKAYA = { text: 'Москва, ул. Тверская, 7', lat: 55.7606, lon: 37.6093 };
const YUAO_HOME = { text: 'Москва, Варшавское ш., 87', lat: 55.6467, lon: 37.6206 };
const base = new Date();
base.setUTCSeconds(0, 0);
const T0 = new Date(base.getTime() - 5 * 3_600_000);
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const fix = (min: number, where = TVERSKAYA, battery = 70) => ({
  time: at(min),
  lat: where.lat,
  lon: where.lon,
  accuracy: 10,
  battery,
  charging: false,
});

let seq = 0;
async function newWorker(fullName: string, home: typeof TVERSKAYA | null, phone = '+998901112233') {
  const db = getDb();
  const e = await enrollDevice(db, {
    worker: {
      fullName,
      citizenship: 'UZ',
      documentNumber: `OQ${Date.now()}${++seq}`,
      birthDate: '1990-01-01',
      phone,
    },
    device: { platform: 'android' },
  });
  const reg = home ? await declareAddress(db, e.workerId, home, at(0)) : null;
  return {
    device: { deviceId: e.deviceId, workerId: e.workerId },
    registrationId: reg?.registrationId ?? '',
  };
}

let a: Awaited<ReturnType<typeof newWorker>>;
let b: Awaited<ReturnType<typeof newWorker>>;
let c: Awaited<ReturnType<typeof newWorker>>;
let lapseA = '';
let lapseC = '';

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  forgetCachedPolicy();
  const pack = loadRegionPack();
  expect(locatePoint(pack, TVERSKAYA.lat, TVERSKAYA.lon).districtId).toBe('TsAO');
  expect(locatePoint(pack, YUAO_HOME.lat, YUAO_HOME.lon).districtId).toBe('YuAO');
  a = await newWorker('Каримов Азиз', TVERSKAYA, '+998 90 555-44-33');
  b = await newWorker('Rashidov Bekzod', YUAO_HOME);
  c = await newWorker('Алиева Нигора', TVERSKAYA);
  await ingestPositions(db, a.device, [fix(1), fix(6), fix(11, TVERSKAYA, 4)], at(11));
  // b reports every 5 minutes except one 12-minute gap: no lapse under the current 15 minutes.
  const bMinutes = [1, 6, 11, 23, 28, 33, 38, 43, 48, 53, 58];
  await ingestPositions(
    db,
    b.device,
    bMinutes.map((m) => fix(m, YUAO_HOME)),
    at(58),
  );
  await ingestPositions(db, c.device, [fix(1), fix(6)], at(6));
  // a goes silent at minute 11 with 4 % battery, c at minute 6: both cancelled under grace 0.
  await runSweep(db, at(60));
  const lapses = await queryRows<{ id: string; worker_id: string }>(
    db,
    sql`SELECT id, worker_id FROM lapses`,
  );
  lapseA = lapses.find((l) => l.worker_id === a.device.workerId)?.id ?? '';
  lapseC = lapses.find((l) => l.worker_id === c.device.workerId)?.id ?? '';
  expect(lapseA).not.toBe('');
  expect(lapseC).not.toBe('');
});

describe('workers', () => {
  it('lists only workers in the caller’s okrugs', async () => {
    const ids = async (o: OfficerContext) =>
      (await listWorkers(getDb(), o, { limit: 50 })).items.map((w) => w.id);
    expect(await ids(officer)).toEqual(expect.arrayContaining([a.device.workerId, c.device.workerId]));
    expect(await ids(officer)).not.toContain(b.device.workerId);
    expect(await ids(officer2)).toEqual([b.device.workerId]);
    expect(await ids(supervisor)).toEqual(expect.arrayContaining([a.device.workerId, b.device.workerId]));
  });

  it.each([
    ['каримов', 'a'],
    ['KARIM', 'a'],
    ['555-44', 'a'],
    ['+998905554433', 'a'],
    ['нигора', 'c'],
  ])('finds %s', async (q, who) => {
    const expected = who === 'a' ? a.device.workerId : c.device.workerId;
    const page = await listWorkers(getDb(), supervisor, { q, limit: 50 });
    expect(page.items.map((w) => w.id)).toContain(expected);
  });

  it('pages with a keyset cursor without repeats', async () => {
    const first = await listWorkers(getDb(), supervisor, { limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listWorkers(getDb(), supervisor, {
      limit: 1,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('pages through equal names and the whole list exactly once', async () => {
    // Enrolled without an address: no okrug, so only all-okrug callers see them, and no counter moves.
    for (let i = 0; i < 3; i++) await newWorker('Tie Samename', null);
    const walk = async (q?: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listWorkers(getDb(), supervisor, { q, limit: 2, cursor });
        ids.push(...page.items.map((w) => w.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const ties = await walk('samename');
    expect(ties).toHaveLength(3);
    expect(new Set(ties).size).toBe(3);
    const all = await walk();
    const once = await listWorkers(getDb(), supervisor, { limit: 200 });
    expect(all).toEqual(once.items.map((w) => w.id));
  });

  it('reads a worker file in scope, and nothing outside it', async () => {
    const detail = await getWorkerDetail(getDb(), officer, a.device.workerId);
    expect(detail).toMatchObject({ status: 'cancelled', okrug: 'TsAO', fullNameCyrillic: 'Каримов Азиз' });
    expect(detail?.statusReason?.toStatus).toBe('cancelled');
    expect(detail?.lapses[0]?.id).toBe(lapseA);
    expect(await getWorkerDetail(getDb(), officer2, a.device.workerId)).toBeNull();
  });
});

describe('lapses', () => {
  it('lists by state and scope, sorted by duration', async () => {
    const open = await listLapses(getDb(), officer, { state: 'open', sort: '-duration', limit: 10 });
    expect(open.items.map((l) => l.id)).toEqual([lapseC, lapseA]);
    expect(open.total).toBe(2);
    expect((await listLapses(getDb(), officer2, { sort: '-startedAt', limit: 10 })).items).toHaveLength(0);
    const paged = await listLapses(getDb(), officer, { sort: 'startedAt', limit: 1 });
    const next = await listLapses(getDb(), officer, {
      sort: 'startedAt',
      limit: 1,
      cursor: paged.nextCursor ?? undefined,
    });
    expect([paged.items[0]?.id, next.items[0]?.id]).toEqual([lapseC, lapseA]);
  });

  it('shows the evidence of a lapse', async () => {
    const d = await getLapseDetail(getDb(), officer, lapseA);
    expect(d).toMatchObject({
      kind: 'device_off',
      likelyCause: 'battery_depleted',
      battery: 4,
      causedCancellation: true,
    });
    expect(d?.lastFix).toMatchObject({ lat: TVERSKAYA.lat, lon: TVERSKAYA.lon });
    expect(d?.positions).toMatchObject({ before: 3, during: 0 });
    expect(d?.registration).toMatchObject({
      status: 'cancelled',
      cancelLapseId: lapseA,
      reinstatable: false,
    });
    expect(await getLapseDetail(getDb(), officer2, lapseA)).toBeNull();
  });

  it('reviews once; a supervisor may revise; reinstatement follows the review', async () => {
    await reviewLapse(getDb(), officer, lapseC, {
      decision: 'violation',
      note: 'Phone switched off on purpose.',
    });
    await expect(
      reviewLapse(getDb(), officer, lapseC, { decision: 'technical', note: 'Changed my mind here.' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      reinstateRegistration(getDb(), supervisor, c.registrationId, { note: 'Try it' }),
    ).rejects.toMatchObject({ status: 409 });

    const reviewed = await reviewLapse(getDb(), officer, lapseA, {
      decision: 'technical',
      note: 'Battery died, 4 % at last fix.',
    });
    expect(reviewed.review).toMatchObject({ decision: 'technical', by: 'officer' });
    expect((await getLapseDetail(getDb(), officer, lapseA))?.registration.reinstatable).toBe(true);
    const done = await reinstateRegistration(getDb(), supervisor, a.registrationId, {
      note: 'Technical lapse.',
    });
    expect(done).toMatchObject({ status: 'active', reviewDecision: 'technical' });
    const [ws] = await queryRows<{ status: string; open_lapse_id: string | null }>(
      getDb(),
      sql`SELECT status, open_lapse_id FROM worker_status WHERE worker_id = ${a.device.workerId}`,
    );
    expect(ws).toEqual({ status: 'active', open_lapse_id: null });
    await expect(
      reinstateRegistration(getDb(), supervisor, a.registrationId, { note: 'Again' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      reviewLapse(getDb(), supervisor, lapseA, { decision: 'violation', note: 'Revising to a violation.' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      reinstateRegistration(getDb(), officer2, a.registrationId, { note: 'scope' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('counters and reports', () => {
  it('counts within scope', async () => {
    const s = await readSummary(getDb(), officer);
    expect(s).toMatchObject({ active: 1, registered: 1, openLapses: 1, unreviewedLapses: 0 });
    const s2 = await readSummary(getDb(), officer2);
    expect(s2).toMatchObject({ active: 1, registered: 1, openLapses: 0 });
    const stats = await readLapseStats(getDb(), officer, 'kind', at(-60), at(120));
    expect(stats.rows.map((r) => [r.key, r.count])).toEqual(
      expect.arrayContaining([
        ['device_off', 1],
        ['signal_lost', 1],
      ]),
    );
    expect((await readLapseStats(getDb(), officer2, 'kind', at(-60), at(120))).rows).toEqual([]);
    const days = await readLapseStats(getDb(), supervisor, 'day', at(-60), at(120));
    expect(days.rows.reduce((n, r) => n + r.count, 0)).toBe(2);
  });

  it('gives figures that move under a zero grace period: rates, causes, reviews, reinstatements', async () => {
    const s = await readSummary(getDb(), officer);
    // a (battery at 4 %, reviewed technical, reinstated) and c (reviewed as a violation), 1 live.
    expect(s).toMatchObject({
      periodDays: 7,
      cancellations: 2,
      technicalCancelShare: 0.5,
      reviewsPending: 0,
      reinstatements: 1,
    });
    expect(s.lapsesPer1000PerDay).toBeCloseTo((2 * 1000) / 1 / 7, 5);
    // Both were reviewed now, about four hours after the sweep detected them at minute 60.
    expect(s.medianReviewHours).toBeGreaterThan(3.5);
    expect(s.medianReviewHours).toBeLessThan(4.5);
    const other = await readSummary(getDb(), officer2);
    expect(other).toMatchObject({ cancellations: 0, technicalCancelShare: null, medianReviewHours: null });
  });

  it('stops a report or a simulation over its time limit with a 503, not a 500', async () => {
    if (getHandle().kind === 'postgres') {
      await expect(
        withTimeLimit(getDb(), 50, 'Ask less.', (tx) => tx.execute(sql`SELECT pg_sleep(2)`)),
      ).rejects.toMatchObject({ status: 503, extra: { timeLimitSeconds: 1 } });
    }
    const policy = await getCurrentPolicy(getDb(), true);
    await expect(
      simulatePolicy(getDb(), supervisor, {
        given: { lapseAfterSeconds: 600, graceSeconds: 0 },
        current: policy,
        from: at(-10),
        to: at(60),
        retentionDays: policy.retentionDays,
        budgetMs: 0,
      }),
    ).rejects.toMatchObject({ status: 503 });
  });
});

describe('map clusters', () => {
  const bbox = { west: 37.3, south: 55.5, east: 37.95, north: 55.95 };
  it('clusters addresses in scope only', async () => {
    const fc = await readClusters(getDb(), officer, { bbox, zoom: 10, layer: 'addresses' });
    expect(fc.total).toBe(2);
    const cluster = fc.features.find((f) => 'count' in f.properties && 'counts' in f.properties);
    expect(cluster?.properties).toMatchObject({
      cluster: true,
      count: 2,
      counts: { active: 1, cancelled: 1 },
    });
    const singles = await readClusters(getDb(), officer, { bbox, zoom: 17, layer: 'addresses' });
    expect(
      singles.features.map((f) => ('workerId' in f.properties ? f.properties.workerId : null)).sort(),
    ).toEqual([a.device.workerId, c.device.workerId].sort());
    const other = await readClusters(getDb(), officer2, { bbox, zoom: 10, layer: 'addresses' });
    expect(other.total).toBe(1);
  });

  it('draws open lapses and the heat of lapses', async () => {
    const lapses = await readClusters(getDb(), supervisor, { bbox, zoom: 17, layer: 'lapses' });
    expect(lapses.features.map((f) => ('workerId' in f.properties ? f.properties.workerId : null))).toEqual([
      c.device.workerId,
    ]);
    const heat = await readClusters(getDb(), supervisor, {
      bbox,
      zoom: 10,
      layer: 'heat',
      from: at(-60),
      to: at(120),
    });
    expect(heat.total).toBe(2);
  });
});

describe('policy', () => {
  it('replays recorded history through the lifecycle: current rules equal the recorded stats', async () => {
    const current = await getCurrentPolicy(getDb(), true);
    const window = { from: at(-10), to: at(60) };
    const result = await simulatePolicy(getDb(), supervisor, {
      given: { lapseAfterSeconds: 600, graceSeconds: 3600 },
      current,
      ...window,
      retentionDays: current.retentionDays,
      now: at(70),
    });
    // b's 12-minute gap is a lapse only under 10 minutes; a and c fall silent for 49 and 54 minutes:
    // lapses under both, cancellations only without grace.
    expect(result.method).toBe('lifecycle-replay');
    expect(result.current).toMatchObject({ lapses: 2, cancellations: 2, workersAffected: 2 });
    expect(result.given).toMatchObject({ lapses: 3, cancellations: 0, workersAffected: 0 });
    // The replay under the rules in force reproduces exactly what the engine recorded ...
    const stats = await readLapseStats(getDb(), supervisor, 'day', window.from, window.to);
    const recorded = {
      lapses: stats.rows.reduce((n, r) => n + r.count, 0),
      cancellations: stats.rows.reduce((n, r) => n + r.cancellations, 0),
    };
    expect(result.recorded).toMatchObject(recorded);
    expect(result.inForce).toMatchObject(recorded);
    expect(result.current).toMatchObject(recorded);
    expect(result.coverage.workersReplayed).toBe(result.coverage.workersInScope);
    // ... day by day, and the presets sit beside it: strict cancels at once, 121-FZ not within an hour.
    for (const day of result.days) {
      const row = stats.rows.find((r) => r.key === day.day);
      expect(day.rules.inForce).toEqual({ lapses: row?.count ?? 0, cancellations: row?.cancellations ?? 0 });
      expect(day.recorded).toEqual(day.rules.inForce);
    }
    expect(result.presets.strict).toMatchObject({ lapses: 2, cancellations: 2 });
    expect(result.presets['121-FZ']).toMatchObject({
      lapses: 2,
      cancellations: 0,
      cancelUnit: 'working_days',
    });
  });

  it('publishes a new version and audits old and new values', async () => {
    const before = await readPolicy(getDb());
    const after = await updatePolicy(getDb(), supervisor, { graceSeconds: 600, note: 'Pilot grace period' });
    expect(after).toMatchObject({
      version: before.version + 1,
      graceSeconds: 600,
      lapseAfterSeconds: before.lapseAfterSeconds,
    });
    const log = await listAudit(getDb(), { action: 'policy.update', limit: 5 });
    expect(log.items[0]?.detail).toMatchObject({
      changed: { graceSeconds: { old: before.graceSeconds, new: 600 } },
    });
    await updatePolicy(getDb(), supervisor, { graceSeconds: 0 });
  });
});

describe('change feed', () => {
  it('reads status events and lapses, and scope picks the okrugs', async () => {
    // From the very first transaction: everything written since the migration.
    const items: FeedItem[] = [];
    await readFeed(getDb(), { next: 0n, pending: [] }, 3, (page) => items.push(...page), {
      queries: 0,
      rows: 0,
    });
    const mine = items.filter((i) => isOkrugInScope(officer, i.okrug));
    expect(
      mine.some(
        (i) =>
          i.kind === 'status' &&
          i.event.workerId === a.device.workerId &&
          i.event.to === 'active' &&
          i.event.type === 'reinstated',
      ),
    ).toBe(true);
    expect(mine.some((i) => i.kind === 'lapse' && i.event.lapseId === lapseC)).toBe(true);
    const theirs = items.filter((i) => isOkrugInScope(officer2, i.okrug));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => i.okrug === 'YuAO')).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});
