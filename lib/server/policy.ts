import 'server-only';
import { desc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { policyVersions } from '@/lib/db/schema';
import { DEFAULT_POLICY, POLICY_PRESETS, type Policy, type PolicyPreset } from '@/lib/domain/types';

function readPreset(value: string): PolicyPreset {
  return POLICY_PRESETS.find((p) => p === value) ?? 'custom';
}

// Policy changes are rare and every ingest needs it: a short cache keeps it off the hot path while
// other instances still see a change within seconds.
let cached: { policy: Policy; at: number } | null = null;
const CACHE_MS = 5_000;

export function toPolicy(row: typeof policyVersions.$inferSelect): Policy {
  return {
    version: row.id,
    heartbeatSeconds: row.heartbeatSeconds,
    lapseAfterSeconds: row.lapseAfterSeconds,
    graceSeconds: row.graceSeconds,
    lowBatteryPercent: row.lowBatteryPercent,
    minAccuracyMeters: row.minAccuracyMeters,
    retentionDays: row.retentionDays,
    preset: readPreset(row.preset),
    cancelUnit: row.cancelUnit === 'working_days' ? 'working_days' : 'calendar',
    cancelAfterWorkingDays: row.cancelAfterWorkingDays,
    reminderAfterSeconds: row.reminderAfterSeconds,
  };
}

export async function getCurrentPolicy(db: Db, fresh = false): Promise<Policy> {
  if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.policy;
  const [row] = await db.select().from(policyVersions).orderBy(desc(policyVersions.id)).limit(1);
  const policy: Policy = row ? toPolicy(row) : DEFAULT_POLICY;
  cached = { policy, at: Date.now() };
  return policy;
}

export function forgetCachedPolicy(): void {
  cached = null;
}
