// Group commit (the ingest server's write path) against a real database: many phones' single-fix
// uploads in one transaction, every acknowledged fix stored with the worker's state moved on, and
// one upload that breaks the statement does not cost the others their fixes.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import type { Fix } from '@/lib/domain/types';
import { enrollDevice } from '@/lib/server/enroll';
import type { DeviceContext } from '@/lib/server/engine-api';
import { GroupCommitter } from '@/lib/server/group-commit';
import { groupTransactions } from '@/lib/server/ingest-transaction';
import { declareAddress } from '@/lib/server/registration-service';

const HOME = { lat: 55.7539, lon: 37.6208 };
const now = new Date();
const fix = (secondsAgo: number, extra: Partial<Fix> = {}): Fix => ({
  time: new Date(now.getTime() - secondsAgo * 1000),
  ...HOME,
  accuracy: 15,
  battery: 60,
  ...extra,
});

let counter = 0;
async function newDevice(registered: boolean): Promise<DeviceContext> {
  const enrolled = await enrollDevice(getDb(), {
    worker: {
      fullName: 'Тимур Юсупов',
      citizenship: 'TJ',
      documentNumber: `GC${Date.now()}${++counter}`,
      birthDate: '1990-05-06',
      phone: '+79161234500',
    },
    device: { platform: 'android' },
  });
  if (registered) await declareAddress(getDb(), enrolled.workerId, { text: 'Красная площадь, 1', ...HOME });
  return { deviceId: enrolled.deviceId, workerId: enrolled.workerId };
}

async function storedFixes(deviceIds: string[]) {
  return queryRows<{ device_id: string; n: number }>(
    getDb(),
    sql`SELECT device_id, count(*)::int AS n FROM positions
        WHERE device_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(deviceIds)}::json))
        GROUP BY device_id`,
  );
}

describe('group commit', () => {
  const devices: DeviceContext[] = [];
  beforeAll(async () => {
    await migrate(getDb());
    for (let i = 0; i < 24; i++) devices.push(await newDevice(i % 2 === 0));
  }, 300_000);

  it('stores every acknowledged fix of many phones, and a bad upload in the window fails alone', async () => {
    // A window far longer than the submissions take, so they all meet in one group.
    const committer = new GroupCommitter(getDb(), {
      windowMs: 200,
      maxMembers: 100,
      transactions: groupTransactions(getDb()),
    });
    const bad = await newDevice(false);
    const results = await Promise.allSettled([
      ...devices.map((d) => committer.submit({ device: d, fixes: [fix(30)] })),
      // Not a number where the table needs one: the group's INSERT fails on it.
      committer.submit({ device: bad, fixes: [fix(30, { accuracy: Number.NaN })] }),
    ]);
    const good = results.slice(0, devices.length);
    expect(good.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(good.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual(
      devices.map(() => ({ accepted: 1, duplicates: 0, rejected: [] })),
    );
    expect(results.at(-1)?.status).toBe('rejected');
    expect(committer.stats.retries).toBe(1);

    const stored = await storedFixes([...devices.map((d) => d.deviceId), bad.deviceId]);
    expect(stored.map((r) => r.device_id).sort()).toEqual(devices.map((d) => d.deviceId).sort());
    expect(stored.every((r) => r.n === 1)).toBe(true);
    // The worker's state moved on in the same transaction as the fix.
    const states = await queryRows<{ worker_id: string; last_fix_time: string | Date | null }>(
      getDb(),
      sql`SELECT worker_id, last_fix_time FROM worker_status
          WHERE worker_id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(devices.map((d) => d.workerId))}::json))`,
    );
    expect(states).toHaveLength(devices.length);
    for (const s of states) expect(new Date(s.last_fix_time ?? 0).getTime()).toBe(fix(30).time.getTime());
  });

  it('groups many phones into few transactions, keeping one worker per group', async () => {
    const committer = new GroupCommitter(getDb(), {
      windowMs: 200,
      maxMembers: 100,
      transactions: groupTransactions(getDb()),
    });
    const [first] = devices;
    if (!first) throw new Error('no device');
    const results = await Promise.all([
      ...devices.map((d) => committer.submit({ device: d, fixes: [fix(20)] })),
      // A second upload from the same phone in the same window waits for the next group.
      committer.submit({ device: first, fixes: [fix(10)] }),
      committer.submit({ device: first, fixes: [fix(20)] }),
    ]);
    expect(results.slice(0, devices.length).every((r) => r.accepted === 1)).toBe(true);
    expect(results.at(-2)).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(results.at(-1)).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(committer.stats.groups).toBe(3);
    const [row] = await queryRows<{ last_fix_time: string | Date }>(
      getDb(),
      sql`SELECT last_fix_time FROM worker_status WHERE worker_id = ${first.workerId}`,
    );
    expect(new Date(row?.last_fix_time ?? 0).getTime()).toBe(fix(10).time.getTime());
    expect((await storedFixes([first.deviceId]))[0]?.n).toBe(3);
  });
});
