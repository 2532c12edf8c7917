// Writes a synthetic population with `days` of history into an empty database: workers, devices,
// registrations and their events, lapses (explained, some reviewed), device events, positions and
// the current worker_status, all as the lifecycle rules imply. Bulk COPY, batch by batch, so memory
// stays bounded and foreign keys hold at every step.
// scripts/seed.ts and the benchmark run it under tsx --conditions=react-server.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, type DbKind, queryRows } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { loadRegionPack } from '@/lib/region/load-pack';
import { COPY_ORDER, COPY_TABLES, type CopyTable } from '@/lib/sim/copy-rows';
import { AUDIT_COLUMNS, type SeedBatch, type SeedOfficer, type SeedPlan } from '@/lib/sim/seed-batch';
import { generateSeedBatches, splitRanges } from '@/lib/sim/seed-pool';
import { type BulkPool, openBulkPool } from './bulk-insert';
import { liftIndexes, type LiftedIndexes, runRestore } from './seed-indexes';
import { readSeedPolicy } from './seed-policy';
import { recordJobRun } from './job-runs';

export interface SeedOptions {
  workers: number;
  days: number;
  seed: number;
  now?: Date;
  /** Hours before now written at full density (every fix); older history keeps fixes near lapses. */
  fullHours?: number;
  batchSize?: number;
  /** Workers with the simulated week; the rest get their present and a recent trail (see defaultFullWorkers). */
  fullWorkers?: number;
  /** Minutes of fixes (one per heartbeat) before now for the recent-state workers (see defaultTrailMinutes). */
  trailMinutes?: number;
  /** Worker threads that simulate while this one loads; 0 simulates in this thread. */
  threads?: number;
  /** Database connections loading and indexing at once (PostgreSQL; PGlite has one). */
  connections?: number;
  /** Lift and rebuild the seeded tables' indexes and keys around the load when they are empty (default). */
  rebuildIndexes?: boolean;
  /** Empty the seeded tables first instead of refusing a non-empty database. */
  force?: boolean;
  onProgress?: (line: string) => void;
}

export type SeedCounts = Record<CopyTable | 'audit_log', number>;

export interface SeedResult {
  ms: number;
  counts: SeedCounts;
  fullFrom: Date;
  /** Workers seeded with the simulated week; the rest have their present state and a trail. */
  fullWorkers: number;
  /** Where the time went: generating history, formatting COPY text, and loading each table. */
  timings: Record<string, number>;
}

const HOUR = 3_600_000;
// Recent-state workers are cheap: bigger batches mean fewer, larger COPY statements (~60k lines).
const RECENT_BATCH = 5_000;
const SEEDED_TABLES = [...COPY_ORDER, 'audit_log'] as const;
type SeededTable = (typeof SEEDED_TABLES)[number];

/**
 * Workers with the simulated week (~5 ms of CPU each): 10,000, and 2,000 past 200,000 workers,
 * where the week would be a quarter of the whole seed; the rest get their present state.
 */
export function defaultFullWorkers(workers: number): number {
  return Math.min(workers, workers > 200_000 ? 2_000 : 10_000);
}

/** Minutes of trail for the recent-state workers: 60, 30 past 200,000 workers, 15 past 500,000. */
export function defaultTrailMinutes(workers: number): number {
  return workers > 500_000 ? 15 : workers > 200_000 ? 30 : 60;
}

/** Connections loading at once: the server gets a backend per core and one to spare. */
export function defaultConnections(kind: DbKind): number {
  return kind === 'postgres' ? 3 : 1;
}

// PGlite runs inside this process: one thread simulating beside it uses the second core. A
// PostgreSQL server works in its own processes, so two threads can simulate.
export function defaultThreads(kind: DbKind): number {
  return kind === 'postgres' ? 2 : 1;
}

/** Full-density hours that keep a default seed well under a minute on each engine. */
export function defaultFullHours(kind: DbKind): number {
  return kind === 'postgres' ? 12 : 4;
}

async function readOfficers(db: Db): Promise<SeedOfficer[]> {
  const rows = await queryRows<{
    id: string;
    username: string | null;
    name: string;
    role: string;
    okrugs: string[] | null;
  }>(
    db,
    sql`SELECT id, username, name, role, okrugs FROM officers WHERE NOT disabled AND username IS NOT NULL ORDER BY username`,
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username ?? r.id,
    name: r.name,
    role: r.role,
    okrugs: r.okrugs ?? [],
  }));
}

export async function isDatabaseSeeded(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ seeded: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM workers) AS seeded`,
  );
  return row?.seeded === true;
}

export async function seedDatabase(handle: { db: Db; kind: DbKind }, opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { db, kind } = handle;
  const say = opts.onProgress ?? (() => {});
  if (await isDatabaseSeeded(db)) {
    if (!opts.force)
      throw new Error(
        'The database already holds workers. Seed an empty database, or pass --force to replace the seeded data.',
      );
    // CASCADE: tables that reference workers (worker_events) describe the workers being replaced.
    await db.execute(sql.raw(`TRUNCATE ${SEEDED_TABLES.join(', ')} CASCADE`));
    say('emptied the seeded tables');
  }
  const now = opts.now ?? new Date();
  const fullFrom = new Date(now.getTime() - (opts.fullHours ?? defaultFullHours(kind)) * HOUR);
  const pack = loadRegionPack();
  const plan: SeedPlan = {
    seed: opts.seed,
    nowMs: now.getTime(),
    days: opts.days,
    fullFromMs: fullFrom.getTime(),
    contextMs: HOUR,
    nearMissGapMs: 600_000,
    policy: await readSeedPolicy(db),
    officers: await readOfficers(db),
    fullWorkers: Math.min(opts.workers, opts.fullWorkers ?? defaultFullWorkers(opts.workers)),
    trailMs: (opts.trailMinutes ?? defaultTrailMinutes(opts.workers)) * 60_000,
  };
  const historyFrom = now.getTime() - opts.days * 86_400_000;
  const days: string[] = [];
  for (let t = historyFrom - 86_400_000; t <= now.getTime() + 86_400_000; t += 86_400_000)
    days.push(dayKey(new Date(t)));
  await ensurePartitionsForDays(db, days);
  const [{ empty } = { empty: false }] = await queryRows<{ empty: boolean }>(
    db,
    sql.raw(
      `SELECT NOT EXISTS (${SEEDED_TABLES.map((t) => `SELECT 1 FROM ${t}`).join(' UNION ALL ')}) AS empty`,
    ),
  );
  const lifted = empty && opts.rebuildIndexes !== false ? await liftIndexes(db, SEEDED_TABLES) : null;
  const counts = Object.fromEntries(SEEDED_TABLES.map((t) => [t, 0])) as SeedCounts;
  const timings: Record<string, number> = { generate: 0, format: 0 };
  const add = (key: string, ms: number) => (timings[key] = (timings[key] ?? 0) + ms);
  const batchSize = opts.batchSize ?? 500;
  const ranges = [
    ...splitRanges(plan.fullWorkers, batchSize),
    ...splitRanges(opts.workers - plan.fullWorkers, Math.max(batchSize, RECENT_BATCH)).map((r) => ({
      first: r.first + plan.fullWorkers,
      last: r.last + plan.fullWorkers,
    })),
  ];
  const pool = await openBulkPool(
    handle,
    opts.connections ?? defaultConnections(kind),
    kind === 'postgres' ? 512 : 64,
  );
  say(
    `${plan.fullWorkers} workers with the simulated week, ${opts.workers - plan.fullWorkers} with present state and ${plan.trailMs / 60_000} min of trail; ${opts.threads ?? defaultThreads(kind)} simulation threads, ${pool.size} database connections`,
  );
  try {
    const t0 = performance.now();
    let printed = 0;
    await loadBatches(pool, generateSeedBatches(pack, plan, ranges, opts.threads ?? defaultThreads(kind)), {
      ordered: lifted === null,
      counts,
      add,
      progress: (last) => {
        const s = (performance.now() - t0) / 1000;
        const rows = sumRows(counts);
        // A line each time the count passes a step (batches do not end on round numbers).
        const step = opts.workers < 200_000 ? 10_000 : 50_000;
        if (Math.floor(last / step) > Math.floor(printed / step) || last === opts.workers) printed = last;
        else return;
        say(`load: ${last} / ${opts.workers} workers, ${rows} rows, ${s.toFixed(0)} s, ${rate(rows, s)} rows/s, ${rate(last, s)} workers/s`); // prettier-ignore
      },
    });
    add('load', performance.now() - t0);
    const loaded = (performance.now() - t0) / 1000;
    // The raw COPY rate of this run: rows over the time the connections spent inside COPY.
    const copyS = pool.copyMs / 1000 / pool.size;
    add('copy busy', pool.copyMs);
    say(`load done: ${sumRows(counts)} rows in ${loaded.toFixed(1)} s, ${rate(sumRows(counts), loaded)} rows/s; COPY alone ${rate(sumRows(counts), copyS)} rows/s (${pool.size} connections busy ${copyS.toFixed(1)} s each)`); // prettier-ignore
    const t1 = performance.now();
    await rebuild(pool, lifted, counts, say, add);
    add('indexes and analyze', performance.now() - t1);
  } finally {
    await pool.close();
  }
  await recordJobRun(db, 'seed', performance.now() - started, {
    workers: opts.workers,
    days: opts.days,
    seed: opts.seed,
    historyFrom: new Date(historyFrom).toISOString(),
    fullDensityFrom: fullFrom.toISOString(),
    fullWorkers: plan.fullWorkers,
    recentTrailMinutes: plan.trailMs / 60_000,
    sparseContextMinutes: plan.contextMs / 60_000,
  });
  for (const key of Object.keys(timings)) timings[key] = Math.round(timings[key] ?? 0);
  return {
    ms: Math.round(performance.now() - started),
    counts,
    fullFrom,
    fullWorkers: plan.fullWorkers,
    timings,
  };
}

const sumRows = (counts: SeedCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
const rate = (n: number, seconds: number) => Math.round(n / Math.max(seconds, 0.001));

/**
 * COPYs each batch's tables on the pool's connections at once, holding at most two batches in
 * flight (memory stays bounded). `ordered`: foreign keys are in place, so tables go one by one.
 */
async function loadBatches(
  pool: BulkPool,
  batches: AsyncGenerator<SeedBatch>,
  o: {
    ordered: boolean;
    counts: SeedCounts;
    add: (k: string, ms: number) => void;
    progress: (last: number) => void;
  },
): Promise<void> {
  const inflight = new Set<Promise<void>>();
  let failure: unknown = null;
  for await (const batch of batches) {
    o.add('generate', batch.generateMs);
    o.add('format', batch.formatMs);
    for (const table of SEEDED_TABLES) {
      const columns = table === 'audit_log' ? AUDIT_COLUMNS : COPY_TABLES[table];
      const t = performance.now();
      const copy = pool.copy(table, columns, batch.texts[table]).then(
        () => o.add(`copy ${table}`, performance.now() - t),
        (error: unknown) => void (failure ??= error),
      );
      if (o.ordered) await copy;
      inflight.add(copy);
      void copy.finally(() => inflight.delete(copy));
      o.counts[table] += batch.counts[table];
    }
    while (inflight.size > SEEDED_TABLES.length * 2) await Promise.race(inflight);
    if (failure !== null) break;
    o.progress(batch.last);
  }
  await Promise.all(inflight);
  if (failure !== null) throw failure;
}

/** Puts keys, indexes and foreign keys back on all connections at once, analyzing each table when done. */
async function rebuild(
  pool: BulkPool,
  lifted: LiftedIndexes | null,
  counts: SeedCounts,
  say: (line: string) => void,
  add: (k: string, ms: number) => void,
): Promise<void> {
  const t0 = performance.now();
  const analyze = (table: string) => ({ table, references: null, kind: 'analyze' as const, statement: `ANALYZE ${table}` }); // prettier-ignore
  const rowsOf = (table: string) => counts[table as SeededTable] ?? 0;
  const steps = lifted?.restore ?? SEEDED_TABLES.map(analyze);
  const restored = new Set(steps.map((s) => s.table));
  await runRestore(
    pool,
    [...steps, ...SEEDED_TABLES.filter((t) => lifted && !restored.has(t)).map(analyze)],
    rowsOf,
    (step, ms) => {
      add(step.kind === 'analyze' ? 'analyze' : 'indexes', ms);
      if (ms >= 2_000) say(`  ${(ms / 1000).toFixed(1)} s ${step.statement.slice(0, 110)}`);
    },
    (table) => (lifted && counts[table as SeededTable] !== undefined ? analyze(table) : null),
  );
  const s = (performance.now() - t0) / 1000;
  const rows = sumRows(counts);
  say(`keys, indexes, foreign keys and ANALYZE: ${steps.length} statements on ${pool.size} connections in ${s.toFixed(1)} s (${rate(rows, s)} rows/s)`); // prettier-ignore
}
