// `npm run bench -- --reuse`: measures a database that already holds a population (seeded earlier,
// or grown with scripts/bench/grow-population.sql) instead of seeding one. Fixes age while the
// database sits, so the present is moved up first: every active worker's last fix lands within
// the last five minutes, as if the phones had kept reporting, so the sweep sees a live population.
import type { sql as sqlTag } from 'drizzle-orm';
import type { Db, queryRows as queryRowsFn } from '../../lib/db/client';

/** Every active worker's last fix within the last five minutes, as if its phone had kept reporting. */
export const PRESENT_FORWARD_SQL = `UPDATE worker_status
  SET last_fix_time = now() - (abs(hashtext(worker_id::text)) % 300) * interval '1 second'
  WHERE status = 'active'`;

export async function bringPresentForward(
  db: Db,
  sql: typeof sqlTag,
  queryRows: typeof queryRowsFn,
  say: (line: string) => void,
): Promise<number> {
  const [before] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM worker_status`);
  const t = performance.now();
  await db.transaction(async (tx) => {
    // A million rows take longer than the pool's statement timeout on a busy machine.
    await tx.execute(sql`SET LOCAL statement_timeout = 0`);
    await tx.execute(sql.raw(PRESENT_FORWARD_SQL));
    await tx.execute(sql`ANALYZE worker_status`);
  });
  say(`reused ${before?.n ?? 0} workers; fixes moved up to now in ${Math.round(performance.now() - t)} ms`);
  return Number(before?.n ?? 0);
}
