// The policy a seed runs under: the newest policy version with every rule field (migration 0013),
// and, for `--preset`, a new version with that preset's rules recorded before seeding, so a
// population can be seeded under the 121-FZ working-day rule as well as the strict one.
// No 'server-only' marker: scripts/seed.ts and the benchmark run it under tsx.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { PRESETS } from '@/lib/domain/policy-presets';
import { DEFAULT_POLICY, POLICY_PRESETS, type Policy, type PolicyPreset } from '@/lib/domain/types';

interface PolicyRow {
  id: number;
  heartbeat_seconds: number;
  lapse_after_seconds: number;
  grace_seconds: number;
  low_battery_percent: number;
  min_accuracy_meters: number;
  retention_days: number;
  preset: string;
  cancel_unit: string;
  cancel_after_working_days: number;
  reminder_after_seconds: number | null;
}

export type SeedPreset = Exclude<PolicyPreset, 'custom'>;

export function readSeedPreset(text: string): SeedPreset | null {
  return text === 'strict' || text === '121-FZ' ? text : null;
}

export async function readSeedPolicy(db: Db): Promise<Policy> {
  const [row] = await queryRows<PolicyRow>(
    db,
    sql`SELECT id, heartbeat_seconds, lapse_after_seconds, grace_seconds, low_battery_percent, min_accuracy_meters,
          retention_days, preset, cancel_unit, cancel_after_working_days, reminder_after_seconds
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
    preset: POLICY_PRESETS.find((p) => p === row.preset) ?? 'custom',
    cancelUnit: row.cancel_unit === 'working_days' ? 'working_days' : 'calendar',
    cancelAfterWorkingDays: Number(row.cancel_after_working_days),
    reminderAfterSeconds: row.reminder_after_seconds === null ? null : Number(row.reminder_after_seconds),
  };
}

/** Records a policy version with the preset's rules unless the newest one already is that preset. */
export async function applySeedPreset(db: Db, preset: SeedPreset): Promise<Policy> {
  const current = await readSeedPolicy(db);
  if ((current.preset ?? 'strict') === preset) return current;
  const p = PRESETS[preset];
  await db.execute(sql`INSERT INTO policy_versions (heartbeat_seconds, lapse_after_seconds, grace_seconds,
      low_battery_percent, min_accuracy_meters, retention_days, created_by, note, preset, cancel_unit,
      cancel_after_working_days, reminder_after_seconds)
    VALUES (${current.heartbeatSeconds}, ${p.lapseAfterSeconds}, ${p.graceSeconds}, ${current.lowBatteryPercent},
      ${current.minAccuracyMeters}, ${current.retentionDays}, 'seed', ${`seeded under the ${preset} preset`}, ${preset},
      ${p.cancelUnit}, ${p.cancelAfterWorkingDays}, ${p.reminderAfterSeconds})`);
  return readSeedPolicy(db);
}
