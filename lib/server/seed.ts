// Writes a synthetic population with `days` of history into an empty database: workers, devices,
// registrations and their events, lapses (explained, some reviewed), device events, positions and
// the current worker_status, all as the lifecycle rules imply. Bulk COPY, batch by batch, so memory
// stays bounded and foreign keys hold at every step.
// No 'server-only' marker: scripts/seed.ts and the benchmark run it under tsx.
import { sql } from 'drizzle-orm';
import { type Db, type DbKind, queryRows } from '@/lib/db/client';
import { dayKey, ensurePartitionsForDays } from '@/lib/db/partitions';
import { DEFAULT_POLICY, type Policy } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { COPY_ORDER, COPY_TABLES, CopyChunk, type CopyTable } from '@/lib/sim/copy-rows';
import { FixBuffer } from '@/lib/sim/fix-buffer';
import { createSimContext } from '@/lib/sim/population';
import { reviewLapse, type Reviewer } from '@/lib/sim/reviews';
import { createHistoryWindow, simulateWorkerHistory } from '@/lib/sim/simulate-history';
import { openBulkTarget } from './bulk-insert';

export interface SeedOptions {
  workers: number;
  days: number;
  seed: number;
  now?: Date;
  /** Hours before now written at full density (every fix); older history keeps fixes near lapses. */
  fullHours?: number;
  batchSize?: number;
  /** Empty the seeded tables first instead of refusing a non-empty database. */
  force?: boolean;
  onProgress?: (line: string) => void;
}

export type SeedCounts = Record<CopyTable | 'audit_log', number>;

export interface SeedResult {
  ms: number;
  counts: SeedCounts;
  fullFrom: Date;
  /** Where the time went: generating history, formatting COPY text, and loading each table. */
  timings: Record<string, number>;
}

const HOUR = 3_600_000;
const SEEDED_TABLES = [...COPY_ORDER, 'audit_log'];

/** Full-density hours that keep a default seed well under a minute on each engine. */
export function defaultFullHours(kind: DbKind): number {
  return kind === 'postgres' ? 24 : 6;
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

interface Officer extends Reviewer {
  id: string;
  name: string;
}

async function readOfficers(db: Db): Promise<Officer[]> {
  const rows = await queryRows<{ id: string; username: string | null; name: string; role: string; okrugs: string[] }>(
    db,
    sql`SELECT id, username, name, role, okrugs FROM officers WHERE NOT disabled AND username IS NOT NULL ORDER BY username`,
  );
  return rows.map((r) => ({ id: r.id, username: r.username ?? r.id, name: r.name, role: r.role, okrugs: r.okrugs ?? [] }));
}

export async function isDatabaseSeeded(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ seeded: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM workers) AS seeded`);
  return row?.seeded === true;
}

function auditText(chunk: CopyChunk, officers: Map<string, Officer>): string {
  const esc = (v: string) => v.replace(/[\\\t\n\r]/g, ' ');
  const lines: string[] = [];
  for (const { lapse, workerId } of chunk.reviews) {
    const review = lapse.review;
    const officer = review ? officers.get(review.by) : undefined;
    if (!review || !officer) continue;
    const detail = JSON.stringify({ decision: review.decision, previous: null });
    lines.push(
      [new Date(review.at).toISOString(), officer.id, esc(officer.name || officer.username), officer.role, 'lapse.review', workerId, 'lapse', lapse.id, esc(review.note), detail].join('\t'),
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const AUDIT_COLUMNS = ['at', 'actor_id', 'actor_name', 'actor_role', 'action', 'worker_id', 'target_type', 'target_id', 'reason', 'detail'];

export async function seedDatabase(handle: { db: Db; kind: DbKind }, opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { db, kind } = handle;
  const say = opts.onProgress ?? (() => {});
  if (await isDatabaseSeeded(db)) {
    if (!opts.force) throw new Error('The database already holds workers. Seed an empty database, or pass --force to replace the seeded data.');
    await db.execute(sql.raw(`TRUNCATE ${SEEDED_TABLES.join(', ')}`));
    say('emptied the seeded tables');
  }
  const now = opts.now ?? new Date();
  const fullFrom = new Date(now.getTime() - (opts.fullHours ?? defaultFullHours(kind)) * HOUR);
  const policy = await readPolicy(db);
  const officers = await readOfficers(db);
  const byUsername = new Map(officers.map((o) => [o.username, o]));
  const ctx = createSimContext(loadRegionPack(), opts.seed, now);
  const window = createHistoryWindow(ctx, opts.days);
  const days: string[] = [];
  for (let t = window.from - 86_400_000; t <= window.to + 86_400_000; t += 86_400_000) days.push(dayKey(new Date(t)));
  await ensurePartitionsForDays(db, days);
  const target = openBulkTarget(handle);
  const counts = Object.fromEntries(SEEDED_TABLES.map((t) => [t, 0])) as SeedCounts;
  const buf = new FixBuffer();
  const batchSize = opts.batchSize ?? 500;
  const copyOptions = {
    now: now.getTime(),
    fullFrom: fullFrom.getTime(),
    contextMs: HOUR,
    nearMissGapMs: 600_000,
    review: (lapse: Parameters<typeof reviewLapse>[1]) => reviewLapse(opts.seed, lapse, now.getTime(), officers),
  };
  const timings: Record<string, number> = { generate: 0, format: 0 };
  const clock = (key: string, since: number) => (timings[key] = (timings[key] ?? 0) + performance.now() - since);
  for (let first = 0; first < opts.workers; first += batchSize) {
    const chunk = new CopyChunk(copyOptions);
    const last = Math.min(opts.workers, first + batchSize);
    for (let i = first; i < last; i++) {
      let t = performance.now();
      const history = simulateWorkerHistory(ctx, i, window, policy, buf);
      clock('generate', t);
      t = performance.now();
      chunk.add(history);
      clock('format', t);
    }
    for (const table of COPY_ORDER) {
      let t = performance.now();
      const text = chunk.toText(table);
      clock('format', t);
      t = performance.now();
      await target.copy(table, COPY_TABLES[table], text);
      clock(`copy ${table}`, t);
      counts[table] += chunk.count(table);
    }
    const audit = auditText(chunk, byUsername);
    await target.copy('audit_log', AUDIT_COLUMNS, audit);
    counts.audit_log += audit ? audit.split('\n').length - 1 : 0;
    if (last % 2_000 === 0 || last === opts.workers) say(`${last} / ${opts.workers} workers`);
  }
  await db.execute(sql`INSERT INTO job_runs (name, last_run_at, last_duration_ms, detail)
    VALUES ('seed', now(), ${Math.round(performance.now() - started)}, ${JSON.stringify({
      workers: opts.workers,
      days: opts.days,
      seed: opts.seed,
      historyFrom: new Date(window.from).toISOString(),
      fullDensityFrom: fullFrom.toISOString(),
      sparseContextMinutes: 60,
    })}::jsonb)
    ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at, last_duration_ms = excluded.last_duration_ms, detail = excluded.detail`);
  await db.execute(sql.raw(`ANALYZE ${SEEDED_TABLES.join(', ')}`));
  for (const key of Object.keys(timings)) timings[key] = Math.round(timings[key] ?? 0);
  return { ms: Math.round(performance.now() - started), counts, fullFrom, timings };
}
