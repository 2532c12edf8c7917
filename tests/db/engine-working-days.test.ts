// The 121-FZ preset against a real database: the cancellation deadline is counted in working days on
// the production calendar, and every cancellation explains itself with the policy version in force.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { ingestDeviceEvents, ingestPositions } from '@/lib/server/ingest';
import { forgetCachedPolicy } from '@/lib/server/policy';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';
import { enrollDevice } from '@/lib/server/enroll';
import { lapseColumns, type LapseRow, toLapseItem } from '@/lib/server/queries/lapse-rows';
import type { DeviceContext } from '@/lib/server/engine-api';
import type { Fix } from '@/lib/domain/types';

const RED_SQUARE = { lat: 55.7539, lon: 37.6208 };
// Wednesday 11 June 2025, 10:00 in Moscow; 12–15 June are days off.
const LAST_FIX = new Date('2025-06-11T07:00:00Z');
const min = (m: number) => new Date(LAST_FIX.getTime() + m * 60_000);
const fix = (time: Date): Fix => ({ time, ...RED_SQUARE, accuracy: 12, battery: 70, charging: false });

let counter = 0;
async function newWorker(): Promise<DeviceContext> {
  const enrolled = await enrollDevice(getDb(), {
    worker: {
      fullName: 'Дилшод Рахимов',
      citizenship: 'TJ',
      documentNumber: `WD${Date.now()}${++counter}`,
      birthDate: '1991-05-04',
      phone: '+79161234568',
    },
    device: { platform: 'android' },
  });
  await declareAddress(getDb(), enrolled.workerId, { text: 'Красная площадь, 1', ...RED_SQUARE }, min(-60));
  return { deviceId: enrolled.deviceId, workerId: enrolled.workerId };
}

async function setPreset(preset: 'strict' | '121-FZ'): Promise<number> {
  const unit = preset === 'strict' ? 'calendar' : 'working_days';
  const reminder = preset === 'strict' ? null : 259_200;
  const [row] = await queryRows<{ id: number }>(
    getDb(),
    sql`INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds, low_battery_percent,
      min_accuracy_meters, retention_days, created_by, note, preset, cancel_unit, cancel_after_working_days, reminder_after_seconds)
    VALUES (300, 900, 0, 5, 200, 14, 'test', 'test policy', ${preset}, ${unit}, 3, ${reminder}) RETURNING id`,
  );
  forgetCachedPolicy();
  return Number(row!.id);
}

async function statusOf(workerId: string): Promise<string | undefined> {
  const [row] = await queryRows<{ status: string }>(
    getDb(),
    sql`SELECT status FROM worker_status WHERE worker_id = ${workerId}`,
  );
  return row?.status;
}

async function lapseItems(workerId: string) {
  const rows = await queryRows<LapseRow & { cancel_rule: string | null; policy_version: number | null }>(
    getDb(),
    sql`SELECT ${lapseColumns(new Date())}, l.policy_version FROM lapses l JOIN workers w ON w.id = l.worker_id
        WHERE l.worker_id = ${workerId} ORDER BY l.started_at`,
  );
  return rows.map((r) => ({ row: r, item: toLapseItem(r) }));
}

beforeAll(async () => {
  await migrate(getDb());
});

describe('121-FZ preset: working-day cancellation', () => {
  it('cancels only after more than 3 working days, over the 12–15 June holiday', async () => {
    const version = await setPreset('121-FZ');
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fix(min(-5)), fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), min(20));
    expect(await statusOf(w.workerId)).toBe('interrupted');
    // Friday 13 June and Monday 16 June: a calendar count would have cancelled by now.
    await runSweep(getDb(), new Date('2025-06-16T12:00:00Z'));
    await runSweep(getDb(), new Date('2025-06-18T20:59:00Z'));
    expect(await statusOf(w.workerId)).toBe('interrupted');
    const sweep = await runSweep(getDb(), new Date('2025-06-18T21:01:00Z'));
    expect(sweep.cancelled).toBeGreaterThanOrEqual(1);
    expect(await statusOf(w.workerId)).toBe('cancelled');

    const [lapse] = await lapseItems(w.workerId);
    expect(lapse?.row).toMatchObject({
      cancel_rule: 'working_days_elapsed',
      policy_version: version,
      caused_cancellation: true,
    });
    expect(new Date(String(lapse?.row.cancelled_at)).toISOString()).toBe('2025-06-18T21:00:00.000Z');
    expect(lapse?.item.cancellation).toMatchObject({ rule: 'working_days_elapsed', policyVersion: version });
    expect(lapse?.item.cancellation?.explanationEn).toContain(`policy version ${version}`);
    expect(lapse?.item.cancellation?.explanationEn).toContain('more than 3 working days after the last fix');
    expect(lapse?.item.cancellation?.explanationRu).toContain('больше 3 рабочих дней');
  });

  it('keeps the registration when fixes come back on the third working day', async () => {
    await setPreset('121-FZ');
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), min(20));
    const back = new Date('2025-06-18T15:00:00Z');
    await ingestPositions(getDb(), w, [fix(back)], back);
    expect(await statusOf(w.workerId)).toBe('active');
    const [lapse] = await lapseItems(w.workerId);
    expect(lapse?.item).toMatchObject({ causedCancellation: false, cancellation: null });
  });
});

describe('strict preset, unchanged', () => {
  it('cancels at the first 15-minute silence, rule immediate', async () => {
    const version = await setPreset('strict');
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await runSweep(getDb(), min(14));
    expect(await statusOf(w.workerId)).toBe('active');
    await runSweep(getDb(), min(16));
    expect(await statusOf(w.workerId)).toBe('cancelled');
    const [lapse] = await lapseItems(w.workerId);
    expect(lapse?.row).toMatchObject({ cancel_rule: 'immediate', policy_version: version });
    expect(lapse?.item.cancellation?.explanationEn).toContain('no grace period');
  });

  it('a 2-minute location switch-off: cancelled at once, and the words say when location came back', async () => {
    await setPreset('strict');
    const w = await newWorker();
    await ingestPositions(getDb(), w, [fix(LAST_FIX)], LAST_FIX);
    await ingestDeviceEvents(getDb(), w, [{ time: min(1), type: 'location_disabled' }], min(1));
    expect(await statusOf(w.workerId)).toBe('cancelled');
    const [open] = await lapseItems(w.workerId);
    expect(open?.item.explanationEn).toContain('no fixes arrived after that');
    await ingestDeviceEvents(getDb(), w, [{ time: min(3), type: 'location_enabled' }], min(3));
    await ingestPositions(getDb(), w, [fix(min(3))], min(3));
    const [lapse] = await lapseItems(w.workerId);
    expect(lapse?.item.endedAt).not.toBeNull();
    expect(lapse?.item.explanationEn).not.toContain('no fixes arrived after that');
    expect(lapse?.item.explanationEn).toContain('fixes came back at 10:03');
    const why = lapse?.item.cancellation?.explanationEn ?? '';
    expect(why).toContain('the phone itself reported that location was switched off');
    expect(why).toContain('without waiting 15 min');
    expect(why).toContain('after the cancellation');
    expect(lapse?.item.cancellation?.explanationRu).toContain('геолокацию отключили');
  });
});
