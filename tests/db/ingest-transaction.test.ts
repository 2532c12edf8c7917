// The ingest server's group transaction runner: on PostgreSQL BEGIN and COMMIT ride with the first
// and last statements (pipelinedTransactions), on PGlite drizzle's transaction runs. Either way a
// body's writes are committed only when every statement, the one left in flight included,
// succeeded, and a failure leaves nothing behind and no connection inside a transaction.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb, getHandle, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { enrollDevice } from '@/lib/server/enroll';
import { GroupCommitter } from '@/lib/server/group-commit';
import { groupTransactions, isPostgresClient, type TxRunner } from '@/lib/server/ingest-transaction';
import { declareAddress } from '@/lib/server/registration-service';

const HOME = { lat: 55.7539, lon: 37.6208 };
let run: TxRunner;

async function probeIds(): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(getDb(), sql`SELECT id FROM tx_probe ORDER BY id`);
  return rows.map((r) => r.id);
}

async function execute(tx: Db, query: ReturnType<typeof sql>): Promise<void> {
  await tx.execute(query);
}

describe('ingest group transactions', () => {
  beforeAll(async () => {
    await migrate(getDb());
    await getDb().execute(sql`CREATE TABLE tx_probe (id int PRIMARY KEY)`);
    const db = getDb();
    run = groupTransactions(db);
    // The pipelined runner is the one under test on PostgreSQL.
    expect(isPostgresClient('$client' in db ? db.$client : null)).toBe(getHandle().kind === 'postgres');
  }, 120_000);

  it('commits the body and the statement it left in flight', async () => {
    await run(async (tx) => {
      await execute(tx, sql`INSERT INTO tx_probe VALUES (1)`);
      return { pending: execute(tx, sql`INSERT INTO tx_probe VALUES (2)`) };
    });
    expect(await probeIds()).toEqual([1, 2]);
  });

  it('rolls everything back when the statement left in flight fails, and says why', async () => {
    await expect(
      run(async (tx) => {
        await execute(tx, sql`INSERT INTO tx_probe VALUES (10)`);
        // A duplicate key: the last statement fails after the body has returned.
        return { pending: execute(tx, sql`INSERT INTO tx_probe VALUES (10)`) };
      }),
    ).rejects.toThrow(/INSERT INTO tx_probe VALUES \(10\)/);
    expect(await probeIds()).toEqual([1, 2]);
  });

  it('rolls back when the body throws, and the next transaction starts clean', async () => {
    await expect(
      run(async (tx) => {
        await execute(tx, sql`INSERT INTO tx_probe VALUES (20)`);
        throw new Error('the body failed');
      }),
    ).rejects.toThrow('the body failed');
    await expect(
      run(async (tx) => {
        await execute(tx, sql`SELECT 1 / 0`);
        return { pending: null };
      }),
    ).rejects.toThrow(/SELECT 1 \/ 0/);
    await run(async (tx) => {
      await execute(tx, sql`INSERT INTO tx_probe VALUES (3)`);
      return { pending: null };
    });
    expect(await probeIds()).toEqual([1, 2, 3]);
    if (getHandle().kind === 'postgres') {
      const [open] = await queryRows<{ n: number }>(
        getDb(),
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open?.n).toBe(0);
    }
  });

  it('stores a group of phones and their last known state through the runner', async () => {
    const committer = new GroupCommitter(getDb(), { windowMs: 20, transactions: run });
    const phones = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const enrolled = await enrollDevice(getDb(), {
          worker: {
            fullName: 'Рустам Назаров',
            citizenship: 'TJ',
            documentNumber: `TX${Date.now()}${i}`,
            birthDate: '1991-03-04',
            phone: '+79161234501',
          },
          device: { platform: 'android' },
        });
        await declareAddress(getDb(), enrolled.workerId, { text: 'Красная площадь, 1', ...HOME });
        return enrolled;
      }),
    );
    const time = new Date(Date.now() - 5_000);
    const results = await Promise.all(
      phones.map((p) =>
        committer.submit({
          device: { deviceId: p.deviceId, workerId: p.workerId },
          fixes: [{ time, ...HOME, accuracy: 9, battery: 70 }],
        }),
      ),
    );
    expect(results).toEqual(phones.map(() => ({ accepted: 1, duplicates: 0, rejected: [] })));
    expect(committer.stats.groups).toBe(1);
    const rows = await queryRows<{ worker_id: string; last_fix_time: string | Date; n: number }>(
      getDb(),
      sql`SELECT s.worker_id, s.last_fix_time,
            (SELECT count(*)::int FROM positions p WHERE p.worker_id = s.worker_id) AS n
          FROM worker_status s WHERE s.worker_id IN (${sql.join(
            phones.map((p) => sql`${p.workerId}::uuid`),
            sql`, `,
          )})`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.n).toBe(1);
      expect(new Date(row.last_fix_time).getTime()).toBe(time.getTime());
    }
  });
});
