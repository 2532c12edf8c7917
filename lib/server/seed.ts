// Writes a synthetic population with `days` of history into an empty database: workers, devices,
// registrations and their events, lapses (explained, some reviewed), device events, positions and
// the current worker_status, all as the lifecycle rules imply. Bulk COPY, batch by batch, so memory
// stays bounded and foreign keys hold at every step.
// scripts/seed.ts and the benchmark run it under tsx --conditions=react-server.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, type DbKind, queryRows } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { DEFAULT_POLICY, type Policy } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { COPY_ORDER, COPY_TABLES, type CopyTable } from '@/lib/sim/copy-rows';
import { AUDIT_COLUMNS, type SeedOfficer, type SeedPlan } from '@/lib/sim/seed-batch';
import { generateSeedBatches, splitRanges } from '@/lib/sim/seed-pool';
import { openBulkTarget } from './bulk-insert';
import { liftIndexes, restoreIndexes } from './seed-indexes';

export interface SeedOptions {
  workers: number;
  days: number;
  seed: number;
  now?: Date;
  /** Hours before now written at full density (every fix); older history keeps fixes near lapses. */
  fullHours?: number;
  batchSize?: number;
  /** Workers with the simulated week; the rest get their present and a recent trail (default 10,000). */
  fullWorkers?: number;
  /** Minutes of fixes (one per heartbeat) before now for the recent-state workers (60; 30 past 200,000 workers). */
  trailMinutes?: number;
  /** Worker threads that simulate while this one loads; 0 simulates in this thread. */
  threads?: number;
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
/** Simulating a worker's week costs ~5 ms; past this many workers only their present is simulated. */
export const DEFAULT_FULL_WORKERS = 10_000;
// Recent-state workers are cheap: bigger batches mean fewer, larger COPY statements (~10k lines).
const RECENT_BATCH = 2_000;
const SEEDED_TABLES = [...COPY_ORDER, 'audit_log'];

// PGlite runs inside this process: one thread simulating beside it uses the second core. A
// PostgreSQL server works in its own processes, so two threads can simulate.
export function defaultThreads(kind: DbKind): number {
  return kind === 'postgres' ? 2 : 1;
}

/** Full-density hours that keep a default seed well under a minute on each engine. */
export function defaultFullHours(kind: DbKind): number {
  return kind === 'postgres' ? 12 : 4;
}

async function readPolicy(db: Db): Promise<Policy> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT id, heartbeat_seconds, lapse_after_seconds, grace_seconds, low_battery_percent, min_accuracy_meters, retention_days
        FROM policy_versions ORDER BY id DESC LIMIT 1`,
  );
  if (!row) return DEFAULT_POLICY;
  return {
    version: Number(row.id),
    heartbeatSeconds: Number(row.heartbeat_seconds),
    lapseAfterSeconds: Number(row.lapse_after_seconds),
    graceSeconds: Number(row.grace_seconds),
    lowBatteryPercent: Number(row.low_battery_percent),
    minAccuracyMeters: Number(row.min_accuracy_meters),
    retentionDays: Number(row.retention_days),
  };
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
    await db.execute(sql.raw(`TRUNCATE ${SEEDED_TABLES.join(', ')}`));
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
    policy: await readPolicy(db),
    officers: await readOfficers(db),
    fullWorkers: Math.min(opts.workers, opts.fullWorkers ?? DEFAULT_FULL_WORKERS),
    trailMs: (opts.trailMinutes ?? (opts.workers > 200_000 ? 30 : 60)) * 60_000,
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
  const target = openBulkTarget(handle);
  const counts = Object.fromEntries(SEEDED_TABLES.map((t) => [t, 0])) as SeedCounts;
  const timings: Record<string, number> = { generate: 0, format: 0 };
  const add = (key: string, ms: number) => (timings[key] = (timings[key] ?? 0) + ms);
  const threads = opts.threads ?? defaultThreads(kind);
  const batchSize = opts.batchSize ?? 500;
  const ranges = [
    ...splitRanges(plan.fullWorkers, batchSize),
    ...splitRanges(opts.workers - plan.fullWorkers, Math.max(batchSize, RECENT_BATCH)).map((r) => ({
      first: r.first + plan.fullWorkers,
      last: r.last + plan.fullWorkers,
    })),
  ];
  try {
    for await (const batch of generateSeedBatches(pack, plan, ranges, threads)) {
      add('generate', batch.generateMs);
      add('format', batch.formatMs);
      for (const table of [...COPY_ORDER, 'audit_log'] as const) {
        const t = performance.now();
        await target.copy(
          table,
          table === 'audit_log' ? AUDIT_COLUMNS : COPY_TABLES[table],
          batch.texts[table],
        );
        add(`copy ${table}`, performance.now() - t);
        counts[table] += batch.counts[table];
      }
      if (batch.last % 10_000 === 0 || batch.last === opts.workers)
        say(`${batch.last} / ${opts.workers} workers, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  } finally {
    const t = performance.now();
    if (lifted) await restoreIndexes(db, kind, lifted);
    add('indexes', performance.now() - t);
  }
  await db.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
    VALUES ('seed', now(), ${Math.round(performance.now() - started)}, ${JSON.stringify({
      workers: opts.workers,
      days: opts.days,
      seed: opts.seed,
      historyFrom: new Date(historyFrom).toISOString(),
      fullDensityFrom: fullFrom.toISOString(),
      fullWorkers: plan.fullWorkers,
      recentTrailMinutes: plan.trailMs / 60_000,
      sparseContextMinutes: plan.contextMs / 60_000,
    })}::jsonb)
    ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at, last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
  const t = performance.now();
  await db.execute(sql.raw(`ANALYZE ${SEEDED_TABLES.join(', ')}`));
  add('analyze', performance.now() - t);
  for (const key of Object.keys(timings)) timings[key] = Math.round(timings[key] ?? 0);
  return {
    ms: Math.round(performance.now() - started),
    counts,
    fullFrom,
    fullWorkers: plan.fullWorkers,
    timings,
  };
}
