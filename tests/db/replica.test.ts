// The read handle: the replica when one is configured and answers, the primary otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { closeReadDb, getReadDb, readReplicaLag } from '@/lib/db/replica';

const primaryUrl = process.env.DATABASE_URL;

afterEach(async () => {
  await closeReadDb();
  delete process.env.DATABASE_REPLICA_URL;
});

describe('getReadDb', () => {
  it('is the primary when no replica is configured', async () => {
    expect(getReadDb()).toBe(getDb());
    expect(await readReplicaLag()).toMatchObject({ configured: false, inUse: false });
  });

  it.skipIf(!primaryUrl)('falls back to the primary while the replica cannot be reached', async () => {
    process.env.DATABASE_REPLICA_URL = 'postgres://postgres@127.0.0.1:9/regwatch';
    const lag = await readReplicaLag();
    expect(lag).toMatchObject({ configured: true, reachable: false, inUse: false, lagMs: null });
    expect(getReadDb()).toBe(getDb());
  });

  it.skipIf(!primaryUrl)('uses the replica once it answers, and reports its lag', async () => {
    // Any server that answers the probe will do; a primary reports no lag at all.
    process.env.DATABASE_REPLICA_URL = primaryUrl;
    const lag = await readReplicaLag();
    expect(lag).toMatchObject({ configured: true, reachable: true, inUse: true, lagMs: 0 });
    const readDb = getReadDb();
    expect(readDb).not.toBe(getDb());
    expect(await readDb.execute('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
