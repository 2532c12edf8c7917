// How much of a period the stored fixes describe at full density. A seeded database keeps every
// fix only for its last few hours (and, per worker, only for its first N workers); before that it
// keeps fixes near lapses, so a replay there would see gaps that never happened. The seeder notes
// where full density starts in job_runs; a database filled by real phones is dense throughout.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';

export async function readFullDensityFrom(db: Db): Promise<Date | null> {
  const [row] = await queryRows<{ v: string | null }>(
    db,
    sql`SELECT detail->>'fullDensityFrom' AS v FROM job_runs WHERE name = 'seed'`,
  );
  if (!row?.v) return null;
  const d = new Date(row.v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The part of [from, to) from which the data is dense. Pure. */
export function findDenseSpan(from: Date, to: Date, denseFrom: Date | null) {
  const start = denseFrom && denseFrom > from ? denseFrom : from;
  return { from: start < to ? start : to, to };
}
