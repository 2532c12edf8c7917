// The ingest server's token cache against a real database: a token found once is answered from
// memory, yet a phone revoked afterwards (replaced by a new enrolment) is refused by the positions
// transaction itself, stores nothing, and is forgotten, while the other phones in its group are
// stored as usual.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import type { Fix } from '@/lib/domain/types';
import { DeviceAuthError } from '@/lib/server/device-auth';
import { createBatchedDeviceFinder } from '@/lib/server/device-token-batch';
import { createCachedDeviceFinder } from '@/lib/server/device-token-cache';
import { enrollDevice } from '@/lib/server/enroll';
import { GroupCommitter } from '@/lib/server/group-commit';
import { declareAddress } from '@/lib/server/registration-service';

const HOME = { lat: 55.7539, lon: 37.6208 };
const at = (secondsAgo: number): Fix => ({
  time: new Date(Date.now() - secondsAgo * 1000),
  ...HOME,
  accuracy: 15,
  battery: 60,
});

let counter = 0;
function person() {
  return {
    fullName: 'Рустам Назаров',
    citizenship: 'TJ',
    documentNumber: `TC${Date.now()}${++counter}`,
    birthDate: '1991-03-04',
    phone: '+79161234501',
  };
}

async function enrollRegistered(worker = person()) {
  const enrolled = await enrollDevice(getDb(), { worker, device: { platform: 'android' } });
  await declareAddress(getDb(), enrolled.workerId, { text: 'Красная площадь, 1', ...HOME });
  return { ...enrolled, worker };
}

async function countFixes(deviceId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    getDb(),
    sql`SELECT count(*)::int AS n FROM positions WHERE device_id = ${deviceId}`,
  );
  return row?.n ?? 0;
}

describe('ingest token cache', () => {
  beforeAll(async () => {
    await migrate(getDb());
  }, 120_000);

  it('refuses a cached token once its phone is replaced, stores none of its fixes, and forgets it', async () => {
    const tokens = createCachedDeviceFinder(createBatchedDeviceFinder());
    const committer = new GroupCommitter(getDb(), { windowMs: 100 });
    const old = await enrollRegistered();
    const other = await enrollRegistered();
    const device = await tokens.find(getDb(), old.token);
    const otherDevice = await tokens.find(getDb(), other.token);
    if (!device || !otherDevice) throw new Error('enrolled tokens were not found');
    expect(await committer.submit({ device, fixes: [at(60)] })).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [],
    });

    // The same person enrols a new phone: the old token is revoked in the database only.
    await enrollDevice(getDb(), { worker: old.worker, device: { platform: 'android' } });
    const cached = await tokens.find(getDb(), old.token);
    expect(cached).toBe(device);

    const [refused, stored] = await Promise.allSettled([
      committer.submit({ device, fixes: [at(30)] }),
      committer.submit({ device: otherDevice, fixes: [at(30)] }),
    ]);
    expect(refused.status).toBe('rejected');
    const error = refused.status === 'rejected' ? refused.reason : null;
    expect(error).toBeInstanceOf(DeviceAuthError);
    expect(error instanceof DeviceAuthError ? error.status : 0).toBe(401);
    expect(error instanceof DeviceAuthError ? error.detail : '').toMatch(/replaced/);
    expect(stored).toEqual({ status: 'fulfilled', value: { accepted: 1, duplicates: 0, rejected: [] } });
    // One group, and no retry: the refusal is an outcome, not a failed statement.
    expect(committer.stats.retries).toBe(0);
    expect(await countFixes(old.deviceId)).toBe(1);
    expect(await countFixes(other.deviceId)).toBe(1);

    tokens.forget(device.deviceId);
    expect(await tokens.find(getDb(), old.token)).toBeNull();
  });

  it('refuses a revoked cached phone even when every fix it sends is too old to take', async () => {
    const tokens = createCachedDeviceFinder(createBatchedDeviceFinder());
    const committer = new GroupCommitter(getDb(), { windowMs: 1 });
    const old = await enrollRegistered();
    const device = await tokens.find(getDb(), old.token);
    if (!device) throw new Error('enrolled token was not found');
    await enrollDevice(getDb(), { worker: old.worker, device: { platform: 'android' } });
    const tooOld: Fix = { ...at(0), time: new Date(Date.now() - 400 * 86_400_000) };
    await expect(committer.submit({ device, fixes: [tooOld] })).rejects.toBeInstanceOf(DeviceAuthError);
    expect(await countFixes(old.deviceId)).toBe(0);
  });

  it('marks last_seen_at for a phone answered from the cache', async () => {
    const tokens = createCachedDeviceFinder(createBatchedDeviceFinder());
    const phone = await enrollRegistered();
    const device = await tokens.find(getDb(), phone.token);
    if (!device) throw new Error('enrolled token was not found');
    await getDb().execute(
      sql`UPDATE devices SET last_seen_at = now() - interval '1 hour' WHERE id = ${device.deviceId}`,
    );
    // A cache entry older than a minute marks the device again (in a batch a second later).
    const seenBefore = await queryRows<{ s: string | Date }>(
      getDb(),
      sql`SELECT last_seen_at AS s FROM devices WHERE id = ${device.deviceId}`,
    );
    const realNow = Date.now;
    Date.now = () => realNow() + 120_000;
    try {
      await tokens.find(getDb(), phone.token);
    } finally {
      Date.now = realNow;
    }
    await expect
      .poll(
        async () => {
          const [row] = await queryRows<{ s: string | Date }>(
            getDb(),
            sql`SELECT last_seen_at AS s FROM devices WHERE id = ${device.deviceId}`,
          );
          return new Date(row?.s ?? 0).getTime();
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(new Date(seenBefore[0]?.s ?? 0).getTime());
  });
});
