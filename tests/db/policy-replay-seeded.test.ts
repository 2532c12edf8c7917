// The simulator against the seeder's week (made by the real lifecycle): replayed under the policy
// in force it must give exactly the lapses and cancellations the stats endpoint reports for the
// same days, and it must say which part of the period it could replay.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getHandle } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import type { OfficerContext } from '@/lib/server/officer-context';
import { forgetCachedPolicy, getCurrentPolicy } from '@/lib/server/policy';
import { simulatePolicy } from '@/lib/server/queries/policy-simulate';
import { readLapseStats } from '@/lib/server/queries/stats';
import { seedDatabase } from '@/lib/server/seed';

const supervisor: OfficerContext = {
  officerId: 's1',
  username: 'supervisor',
  name: 'Sup',
  role: 'supervisor',
  okrugs: null,
};
const HOUR = 3_600_000;
const now = new Date(Math.floor(Date.now() / HOUR) * HOUR);

async function simulate(from: Date, to: Date) {
  const policy = await getCurrentPolicy(getDb(), true);
  return simulatePolicy(getDb(), supervisor, {
    given: { lapseAfterSeconds: 1800, graceSeconds: 3600 },
    current: policy,
    from,
    to,
    retentionDays: policy.retentionDays,
    now,
  });
}

beforeAll(async () => {
  await migrate(getDb());
  forgetCachedPolicy();
  // Every worker simulated over the whole period and every fix kept: the replay can see it all.
  await seedDatabase(getHandle(), {
    workers: 60,
    days: 2,
    seed: 11,
    now,
    fullHours: 48,
    fullWorkers: 60,
    threads: 0,
  });
}, 300_000);

describe('simulator on a seeded population', () => {
  it('reproduces the recorded counts per day under the policy in force', async () => {
    const from = new Date(now.getTime() - 36 * HOUR);
    const result = await simulate(from, now);
    const stats = await readLapseStats(getDb(), supervisor, 'day', from, now);
    const total = {
      lapses: stats.rows.reduce((n, r) => n + r.count, 0),
      cancellations: stats.rows.reduce((n, r) => n + r.cancellations, 0),
    };
    expect(total.lapses).toBeGreaterThanOrEqual(3);
    expect(result.coverage.replayedFrom).toBe(from.toISOString());
    expect(result.coverage.workersReplayed).toBe(result.coverage.workersInScope);
    expect(result.recorded).toMatchObject(total);
    expect(result.inForce).toMatchObject(total);
    expect(result.current).toMatchObject(total);
    for (const row of stats.rows) {
      const day = result.days.find((d) => d.day === row.key);
      expect(day?.rules.inForce).toEqual({ lapses: row.count, cancellations: row.cancellations });
    }
    // The presets differ from the record: 121-FZ cancels far less than the strict reading.
    expect(result.presets['121-FZ'].cancellations).toBeLessThan(result.presets.strict.cancellations);
  });
});
