// The sweep commits per batch: a long sweep never holds thousands of worker rows in one transaction
// that ingest waits behind, and a failure loses one batch, not the run. Each batch's rows carry
// the id of the transaction that wrote them (xmin), so the number of distinct ids counts commits.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { enrollDevice } from '@/lib/server/enroll';
import { ingestPositions } from '@/lib/server/ingest';
import { forgetCachedPolicy } from '@/lib/server/policy';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';

const HOME = { text: 'Москва, ул. Тверская, 7', lat: 55.7606, lon: 37.6093 };
const T0 = new Date(Date.now() - 3_600_000);
const WORKERS = 9;

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  await db.execute(sql`INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds,
    low_battery_percent, min_accuracy_meters, retention_days, created_by, note)
    VALUES (300, 900, 0, 5, 200, 14, 'test', 'sweep batches test')`);
  forgetCachedPolicy();
  for (let i = 0; i < WORKERS; i++) {
    const e = await enrollDevice(db, {
      worker: {
        fullName: `Sweep Batch ${i}`,
        citizenship: 'TJ',
        documentNumber: `SB${Date.now()}${i}`,
        birthDate: '1992-04-05',
        phone: '+992901112233',
      },
      device: { platform: 'android' },
    });
    await declareAddress(db, e.workerId, HOME, T0);
    const fix = { time: T0, ...HOME, accuracy: 10, battery: 70, charging: false };
    await ingestPositions(db, { deviceId: e.deviceId, workerId: e.workerId }, [fix], T0);
  }
});

describe('sweep batches', () => {
  it('commits every batch on its own and still sweeps every silent worker', async () => {
    const db = getDb();
    const result = await runSweep(db, new Date(T0.getTime() + 20 * 60_000), 4);
    expect(result).toMatchObject({ ran: true, examined: WORKERS, opened: WORKERS, cancelled: WORKERS });
    const [row] = await queryRows<{ swept: number; commits: number }>(
      db,
      sql`SELECT count(*)::int AS swept, count(DISTINCT xmin::text)::int AS commits
          FROM worker_status WHERE status = 'cancelled'`,
    );
    // Two silent rows per batch of four: five transactions for nine workers.
    expect(row).toEqual({ swept: WORKERS, commits: Math.ceil(WORKERS / 2) });
    const [run] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM job_runs WHERE name = 'sweep'`,
    );
    expect(run?.n).toBe(1);
  });
});
