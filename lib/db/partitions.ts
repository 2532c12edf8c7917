// Daily partitions of `positions`. Created for the retention window plus a day ahead at start-up
// and by the purge job, and on demand for any day a batch touches, so late fixes always find a home.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client';

const DAY_MS = 86_400_000;
const PARTITION_LOCK = 7_300_002;
const known = new Set<string>();

export function dayKey(t: Date): string {
  return t.toISOString().slice(0, 10);
}

function partitionName(day: string): string {
  return `positions_p${day.replaceAll('-', '')}`;
}

export async function ensurePartitionsForDays(db: Db, days: Iterable<string>): Promise<void> {
  const missing = [...new Set(days)].filter((d) => !known.has(d));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
    for (const day of missing) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad partition day ${day}`);
      const from = `${day}T00:00:00Z`;
      const to = new Date(Date.parse(from) + DAY_MS).toISOString();
      await tx.execute(
        sql.raw(
          `CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF positions FOR VALUES FROM ('${from}') TO ('${to}')`,
        ),
      );
    }
  });
  for (const day of missing) known.add(day);
}

export async function ensurePositionPartitions(db: Db, now: Date, retentionDays = 14): Promise<void> {
  const days: string[] = [];
  for (let i = -retentionDays - 1; i <= 2; i++) days.push(dayKey(new Date(now.getTime() + i * DAY_MS)));
  await ensurePartitionsForDays(db, days);
}

// Drops partitions that lie wholly before the retention cut-off: one cheap DDL per day instead of a
// huge DELETE.
export async function dropExpiredPartitions(db: Db, cutoff: Date): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'positions'`,
  );
  const cutoffDay = dayKey(cutoff);
  const dropped: string[] = [];
  for (const { name } of rows) {
    const m = /^positions_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (!m) continue;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (day < cutoffDay) {
      await db.execute(sql.raw(`DROP TABLE IF EXISTS ${name}`));
      known.delete(day);
      dropped.push(name);
    }
  }
  return dropped;
}
