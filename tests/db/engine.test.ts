// The lapse engine against a real database (PGlite, or PostgreSQL with TEST_DB=postgres), with an
// explicit clock so that every scenario of the published rule and the grace policy is exact.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { ingestDeviceEvents, ingestPositions } from '@/lib/server/ingest';
import { forgetCachedPolicy } from '@/lib/server/policy';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';
import { enrollDevice } from '@/lib/server/enroll';
import type { DeviceContext } from '@/lib/server/engine-api';
import type { Fix } from '@/lib/domain/types';

const RED_SQUARE = { lat: 55.7539, lon: 37.6208 };
const TULA = { lat: 54.1931, lon: 37.6173 };
const base = new Date();
base.setUTCMinutes(0, 0, 0);
const T0 = new Date(base.getTime() - 6 * 3_600_000);
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const fixAt = (min: number, where = RED_SQUARE, extra: Partial<Fix> = {}): Fix => ({
  time: at(min),
  ...where,
  accuracy: 12,
  battery: 70,
  charging: false,
  ...extra,
});

let docCounter = 0;
async function newWorker(): Promise<DeviceContext> {
  const db = getDb();
  const enrolled = await enrollDevice(db, {
    worker: {
      fullName: 'Алишер Каримов',
      citizenship: 'UZ',
      documentNumber: `FA${Date.now()}${++docCounter}`,
      birthDate: '1994-03-02',
      phone: '+79161234567',
    },
    device: { platform: 'android' },
  });
  await declareAddress(db, enrolled.workerId, { text: 'Красная площадь, 1', ...RED_SQUARE }, at(0));
  return { deviceId: enrolled.deviceId, workerId: enrolled.workerId };
}

async function setGrace(graceSeconds: number): Promise<void> {
  await getDb()
    .execute(sql`INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds,
    low_battery_percent, min_accuracy_meters, retention_days, created_by, note)
    VALUES (300, 900, ${graceSeconds}, 5, 200, 14, 'test', 'test policy')`);
  forgetCachedPolicy();
}

async function statusOf(workerId: string) {
  const [row] = await queryRows<{ status: string; open_lapse_kind: string | null }>(
    getDb(),
    sql`SELECT status, open_lapse_kind FROM worker_status WHERE worker_id = ${workerId}`,
  );
  return row;
}

async function eventsOf(workerId: string) {
  const rows = await queryRows<{ type: string; to_status: string; cause: string }>(
    getDb(),
    sql`SELECT type, to_status, cause FROM registration_events WHERE worker_id = ${workerId} ORDER BY at, id`,
  );
  return rows.map((r) => `${r.type}->${r.to_status}`);
}

async function lapsesOf(workerId: string) {
  return queryRows<{
    kind: string;
    ended_at: Date | string | null;
    voided_at: unknown;
    caused_cancellation: boolean;
    explanation_en: string;
  }>(
    getDb(),
    sql`SELECT kind, ended_at, voided_at, caused_cancellation, explanation_en FROM lapses WHERE worker_id = ${workerId} ORDER BY started_at`,
  );
}

beforeAll(async () => {
  await migrate(getDb());
});

describe('lapse engine on a real database', () => {
  it('grace 0: one lapse cancels the registration, with events and an explanation', async () => {
    await setGrace(0);
    const w = await newWorker();
    const first = await ingestPositions(getDb(), w, [fixAt(1), fixAt(6)], at(6));
    expect(first).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await statusOf(w.workerId))?.status).toBe('active');
    await runSweep(getDb(), at(20));
    expect((await statusOf(w.workerId))?.status).toBe('active');
    const sweep = await runSweep(getDb(), at(22));
    expect(sweep.ran).toBe(true);
    expect((await statusOf(w.workerId))?.status).toBe('cancelled');
    expect(await eventsOf(w.workerId)).toEqual([
      'declared->pending',
      'activated->active',
      'cancelled->cancelled',
    ]);
    const [lapse] = await lapsesOf(w.workerId);
    expect(lapse).toMatchObject({ kind: 'signal_lost', caused_cancellation: true, ended_at: null });
    expect(lapse?.explanation_en.length).toBeGreaterThan(10);
    // Opened and cancelling in one sweep: the row is written with its cancellation (one insert).
    const [cancel] = await queryRows<{
      rule: string | null;
      lapse_at: string | Date;
      event_at: string | Date;
    }>(
      getDb(),
      sql`SELECT l.cancel_rule AS rule, l.cancelled_at AS lapse_at, e.at AS event_at
          FROM lapses l JOIN registration_events e ON e.lapse_id = l.id AND e.type = 'cancelled'
          WHERE l.worker_id = ${w.workerId}`,
    );
    expect(cancel?.rule).toBeTruthy();
    expect(new Date(cancel!.lapse_at).getTime()).toBe(new Date(cancel!.event_at).getTime());
  });

  it('grace 600: a 5-minute lapse closes and the registration stays', async () => {
    await setGrace(600);
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1)], at(1));
    await runSweep(getDb(), at(17));
    expect((await statusOf(w.workerId))?.status).toBe('interrupted');
    await ingestPositions(getDb(), w, [fixAt(21)], at(21));
    expect((await statusOf(w.workerId))?.status).toBe('active');
    expect(await eventsOf(w.workerId)).toEqual([
      'declared->pending',
      'activated->active',
      'interrupted->interrupted',
      'resumed->active',
    ]);
    const [lapse] = await lapsesOf(w.workerId);
    expect(lapse?.caused_cancellation).toBe(false);
    expect(lapse?.ended_at).not.toBeNull();
    await setGrace(0);
  });

  it('a fix outside the region ends the registration', async () => {
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1), fixAt(5, TULA)], at(5));
    expect((await statusOf(w.workerId))?.status).toBe('ended');
    expect(await eventsOf(w.workerId)).toEqual(['declared->pending', 'activated->active', 'ended->ended']);
    expect((await lapsesOf(w.workerId)).map((l) => l.kind)).toEqual(['left_region']);
  });

  it('is idempotent on (device, time) and reports per-index rejections', async () => {
    const w = await newWorker();
    const batch = [fixAt(1), fixAt(2), fixAt(2)];
    expect(await ingestPositions(getDb(), w, batch, at(3))).toEqual({
      accepted: 2,
      duplicates: 1,
      rejected: [],
    });
    expect(await ingestPositions(getDb(), w, batch, at(3))).toEqual({
      accepted: 0,
      duplicates: 3,
      rejected: [],
    });
    const odd = await ingestPositions(
      getDb(),
      w,
      [fixAt(3), { ...fixAt(0), time: new Date(at(3).getTime() + 3_600_000) }],
      at(3),
    );
    expect(odd.accepted).toBe(1);
    expect(odd.rejected).toEqual([{ index: 1, reason: expect.stringContaining('future') }]);
  });

  it('an offline phone uploading hours late voids the lapse its own fixes disprove', async () => {
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1)], at(1));
    await runSweep(getDb(), at(30));
    expect((await statusOf(w.workerId))?.status).toBe('cancelled');
    const backlog = Array.from({ length: 60 }, (_, i) => fixAt(6 + i * 5));
    const late = await ingestPositions(getDb(), w, backlog.reverse(), at(305));
    expect(late.accepted).toBe(60);
    expect((await statusOf(w.workerId))?.status).toBe('active');
    const [lapse] = await lapsesOf(w.workerId);
    expect(lapse?.voided_at).not.toBeNull();
    expect(lapse?.caused_cancellation).toBe(false);
    expect(await eventsOf(w.workerId)).toContain('restored->active');
    // Replaying the same upload changes nothing.
    expect((await ingestPositions(getDb(), w, backlog, at(306))).duplicates).toBe(60);
  });

  it('late fixes older than the last fix never open a lapse', async () => {
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1), fixAt(40)], at(40));
    expect((await statusOf(w.workerId))?.status).toBe('cancelled');
    // The fixes in between arrive later and show there was no gap after all.
    await ingestPositions(getDb(), w, [fixAt(10), fixAt(20), fixAt(30)], at(41));
    expect((await statusOf(w.workerId))?.status).toBe('active');
    expect((await lapsesOf(w.workerId))[0]?.voided_at).not.toBeNull();
  });

  it('a shutdown event uploaded after the fact turns signal_lost into device_off', async () => {
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1, RED_SQUARE, { battery: 40 })], at(1));
    await runSweep(getDb(), at(20));
    await ingestDeviceEvents(
      getDb(),
      w,
      [
        { time: at(2), type: 'shutdown' },
        { time: at(50), type: 'boot' },
      ],
      at(51),
    );
    const [lapse] = await lapsesOf(w.workerId);
    expect(lapse?.kind).toBe('device_off');
  });

  it('a location_disabled event cancels at once under grace 0', async () => {
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fixAt(1)], at(1));
    await ingestDeviceEvents(getDb(), w, [{ time: at(3), type: 'location_disabled' }], at(3));
    expect(await statusOf(w.workerId)).toMatchObject({
      status: 'cancelled',
      open_lapse_kind: 'location_disabled',
    });
  });

  it('a second declaration while one is live is refused with 409', async () => {
    const w = await newWorker();
    await expect(
      declareAddress(getDb(), w.workerId, { text: 'x', ...RED_SQUARE }, at(1)),
    ).rejects.toMatchObject({ status: 409 });
    await expect(declareAddress(getDb(), w.workerId, { text: 'x', ...TULA }, at(1))).rejects.toMatchObject({
      status: 422,
    });
  });
});
