// Seeds a synthetic population with history: `npm run seed -- --workers 10000 --days 7 --seed 42`.
// The first --full-workers (10,000; 2,000 past 200,000 workers) get the simulated week; the rest
// get their present state (status, declared point, last fix, open lapses, an earlier lapse for
// some) and a trail of --trail-minutes of fixes, which keeps a million workers to minutes.
// --connections: COPY streams and index builds at once (3 on PostgreSQL); --threads: simulation
// threads (2); --preset strict|121-FZ records that policy version first and seeds under it.
// Refuses a database that already holds workers unless --force. Officers who exist (e.g. the demo
// accounts) appear as reviewers of older lapses. Prints the time taken and the rows written.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getHandle, queryRows } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { defaultFullHours, isDatabaseSeeded, seedDatabase } from '../lib/server/seed';
import { applySeedPreset, readSeedPreset } from '../lib/server/seed-policy';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '10000' },
    days: { type: 'string', default: '7' },
    seed: { type: 'string', default: '42' },
    'full-hours': { type: 'string' },
    batch: { type: 'string', default: '500' },
    threads: { type: 'string' },
    connections: { type: 'string' },
    preset: { type: 'string' },
    'full-workers': { type: 'string' },
    'trail-minutes': { type: 'string' },
    force: { type: 'boolean', default: false },
    'if-empty': { type: 'boolean', default: false },
  },
});

function readInt(name: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`[seed] --${name} must be a whole number from ${min} to ${max} (got "${text}")`);
    process.exit(2);
  }
  return n;
}

const workers = readInt('workers', values.workers, 1, 5_000_000);
const days = readInt('days', values.days, 1, 14);
const seed = readInt('seed', values.seed, 0, 2 ** 31 - 1);
const handle = getHandle();
const fullHours =
  values['full-hours'] === undefined
    ? defaultFullHours(handle.kind)
    : readInt('full-hours', values['full-hours'], 0, days * 24);

const preset = values.preset === undefined ? null : readSeedPreset(values.preset);
if (values.preset !== undefined && !preset) {
  console.error(`[seed] --preset must be strict or 121-FZ (got "${values.preset}")`);
  process.exit(2);
}

try {
  await migrate(getDb());
  if (values['if-empty'] && (await isDatabaseSeeded(getDb()))) {
    const [row] = await queryRows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM workers`);
    console.log(`[seed] the database already holds workers: nothing to do (seeded-workers=${row?.n ?? 0})`);
  } else {
    if (preset) {
      const policy = await applySeedPreset(getDb(), preset);
      console.log(
        `[seed] policy version ${policy.version}: ${policy.preset}, cancel unit ${policy.cancelUnit}`,
      );
    }
    console.log(
      `[seed] ${handle.kind}: ${workers} workers, ${days} days, seed ${seed}, full density for the last ${fullHours} h`,
    );
    const result = await seedDatabase(handle, {
      workers,
      days,
      seed,
      fullHours,
      batchSize: readInt('batch', values.batch, 10, 100_000),
      threads: values.threads === undefined ? undefined : readInt('threads', values.threads, 0, 16),
      connections:
        values.connections === undefined ? undefined : readInt('connections', values.connections, 1, 16),
      fullWorkers:
        values['full-workers'] === undefined
          ? undefined
          : readInt('full-workers', values['full-workers'], 0, workers),
      trailMinutes:
        values['trail-minutes'] === undefined
          ? undefined
          : readInt('trail-minutes', values['trail-minutes'], 5, 24 * 60),
      force: values.force,
      onProgress: (line) => console.log(`[seed] ${line}`),
    });
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.log(`[seed] done in ${(result.ms / 1000).toFixed(1)} s, ${total} rows:`);
    for (const [table, n] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(20)} ${String(n).padStart(10)}`);
    console.log(`[seed] seeded-workers=${workers}`);
    console.log(
      `[seed] time (ms): ${Object.entries(result.timings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
} catch (error) {
  console.error(`[seed] ${error instanceof Error ? error.message : 'failed'}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
