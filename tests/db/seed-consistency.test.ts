// A seed (week-simulated workers and recent-state workers) is internally consistent on both
// databases: one status row per worker that agrees with the newest registration, its open lapse and
// its last written fix; every cancellation names the lapse and rule that caused it; and every key,
// index and foreign key lifted for the load is back. Then the same under the 121-FZ preset.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getHandle, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { seedDatabase } from '@/lib/server/seed';
import { applySeedPreset } from '@/lib/server/seed-policy';

const WORKERS = 300;
const count = async (query: ReturnType<typeof sql>) =>
  Number((await queryRows<{ n: number }>(getDb(), query))[0]?.n ?? -1);

async function seed(): Promise<void> {
  await seedDatabase(getHandle(), {
    workers: WORKERS,
    fullWorkers: 30,
    days: 2,
    fullHours: 2,
    seed: 9,
    threads: 0,
    trailMinutes: 30,
    force: true,
  });
}

let constraintsBefore = 0;
let indexesBefore = 0;

beforeAll(async () => {
  await migrate(getDb());
  constraintsBefore = await count(sql`SELECT count(*)::int AS n FROM pg_constraint WHERE convalidated`);
  indexesBefore = await count(sql`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public'`);
  await seed();
}, 300_000);

async function expectConsistent(): Promise<void> {
  expect(await count(sql`SELECT count(*)::int AS n FROM workers`)).toBe(WORKERS);
  expect(await count(sql`SELECT count(*)::int AS n FROM worker_status`)).toBe(WORKERS);
  expect(await count(sql`SELECT count(*)::int AS n FROM devices`)).toBe(WORKERS);
  // The status row follows the newest registration (or says 'none' without one).
  expect(
    await count(sql`SELECT count(*)::int AS n FROM worker_status s
      LEFT JOIN LATERAL (SELECT id, status FROM registrations r WHERE r.worker_id = s.worker_id
        ORDER BY created_at DESC LIMIT 1) r ON true
      WHERE s.registration_id IS DISTINCT FROM r.id OR s.status <> COALESCE(r.status, 'none')`),
  ).toBe(0);
  // An open lapse on the status row is open in lapses, of the same kind, for the same worker.
  expect(
    await count(sql`SELECT count(*)::int AS n FROM worker_status s LEFT JOIN lapses l ON l.id = s.open_lapse_id
      WHERE s.open_lapse_id IS NOT NULL AND (l.id IS NULL OR l.worker_id <> s.worker_id OR l.ended_at IS NOT NULL
        OR l.voided_at IS NOT NULL OR l.kind <> s.open_lapse_kind)`),
  ).toBe(0);
  // The last fix on the status row is a written position of that worker.
  expect(
    await count(sql`SELECT count(*)::int AS n FROM worker_status s WHERE s.last_fix_time IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.worker_id = s.worker_id AND p.fix_time = s.last_fix_time)`),
  ).toBe(0);
  // Every cancellation names its lapse, which says it cancelled, by which rule and when.
  expect(
    await count(sql`SELECT count(*)::int AS n FROM registrations r LEFT JOIN lapses l ON l.id = r.cancel_lapse_id
      WHERE r.status = 'cancelled' AND (l.id IS NULL OR NOT l.caused_cancellation OR l.cancel_rule IS NULL
        OR l.cancelled_at IS DISTINCT FROM r.closed_at)`),
  ).toBe(0);
  // Every lapse records the policy version and what opened it, like the engine's own.
  expect(
    await count(
      sql`SELECT count(*)::int AS n FROM lapses WHERE policy_version IS NULL OR trigger IS NULL OR cause_facts IS NULL`,
    ),
  ).toBe(0);
  // The newest event of each registration led to its present status.
  expect(
    await count(sql`SELECT count(*)::int AS n FROM registrations r JOIN LATERAL (SELECT to_status FROM registration_events e
        WHERE e.registration_id = r.id ORDER BY at DESC, id DESC LIMIT 1) e ON true WHERE e.to_status <> r.status`),
  ).toBe(0);
  // Keys, indexes and foreign keys lifted for the load are all back and valid.
  expect(await count(sql`SELECT count(*)::int AS n FROM pg_constraint WHERE convalidated`)).toBe(
    constraintsBefore,
  );
  expect(
    await count(sql`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public'`),
  ).toBeGreaterThanOrEqual(indexesBefore);
}

describe('a seed with week-simulated and recent-state workers', () => {
  it('is internally consistent under the strict rule', async () => {
    await expectConsistent();
    expect(
      await count(sql`SELECT count(*)::int AS n FROM worker_status WHERE status = 'active'`),
    ).toBeGreaterThan(WORKERS / 2);
  });

  it('is internally consistent under the 121-FZ preset, whose lapses interrupt with a working-day deadline', async () => {
    const policy = await applySeedPreset(getDb(), '121-FZ');
    expect(policy).toMatchObject({
      preset: '121-FZ',
      cancelUnit: 'working_days',
      reminderAfterSeconds: 259_200,
    });
    await seed();
    await expectConsistent();
    expect(
      await count(sql`SELECT count(*)::int AS n FROM lapses WHERE policy_version <> ${policy.version}`),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM worker_status WHERE status = 'interrupted' AND (lapse_deadline IS NULL OR open_lapse_id IS NULL)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM lapses WHERE cancel_rule IS NOT NULL AND cancel_rule <> 'working_days_elapsed'`,
      ),
    ).toBe(0);
  }, 300_000);
});
