// Reading the current policy and publishing a new version. Versions are never edited: a change is
// a new row, and the audit entry records old and new values side by side.
import 'server-only';
import { desc } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { policyVersions } from '@/lib/db/schema';
import type { PolicyDto, PolicyUpdate } from '@/lib/api/policy';
import type { OfficerContext } from '../officer-context';
import { recordAudit } from '../audit';
import { forgetCachedPolicy, toPolicy } from '../policy';
import { detectPreset, PRESETS } from '@/lib/domain/policy-presets';
import { HttpError } from '../problem';

type PolicyRow = typeof policyVersions.$inferSelect;

function toDto(row: PolicyRow): PolicyDto {
  const policy = toPolicy(row);
  return {
    ...policy,
    preset: policy.preset ?? 'strict',
    cancelUnit: policy.cancelUnit ?? 'calendar',
    cancelAfterWorkingDays: policy.cancelAfterWorkingDays ?? 3,
    reminderAfterSeconds: policy.reminderAfterSeconds ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    note: row.note,
  };
}

export async function readPolicy(db: Pick<Db, 'select'>): Promise<PolicyDto> {
  const [row] = await db.select().from(policyVersions).orderBy(desc(policyVersions.id)).limit(1);
  if (!row) throw new HttpError(503, 'No policy is configured yet. Run the database migrations.');
  return toDto(row);
}

const TUNABLES = [
  'heartbeatSeconds',
  'lapseAfterSeconds',
  'graceSeconds',
  'lowBatteryPercent',
  'minAccuracyMeters',
  'retentionDays',
  'cancelUnit',
  'cancelAfterWorkingDays',
  'reminderAfterSeconds',
] as const;

type Tunables = Pick<PolicyDto, (typeof TUNABLES)[number]>;

/** The new values: the old ones, then the preset if one is named, then the fields given. Pure. */
export function mergePolicyUpdate(old: Tunables, update: PolicyUpdate): Tunables {
  const base: Tunables = update.preset ? { ...old, ...PRESETS[update.preset] } : { ...old };
  const given = Object.fromEntries(
    TUNABLES.filter((k) => update[k] !== undefined).map((k) => [k, update[k]]),
  );
  return { ...base, ...given };
}

/** Cross-field rules the per-field bounds cannot express. Pure. */
export function explainPolicyConflict(
  p: Pick<PolicyDto, 'heartbeatSeconds' | 'lapseAfterSeconds'>,
): string | null {
  if (p.lapseAfterSeconds < p.heartbeatSeconds) {
    return `lapseAfterSeconds (${p.lapseAfterSeconds}) must not be shorter than heartbeatSeconds (${p.heartbeatSeconds}), or every pause between two fixes would open a lapse.`;
  }
  return null;
}

export async function updatePolicy(
  db: Db,
  officer: OfficerContext,
  update: PolicyUpdate,
): Promise<PolicyDto> {
  const result = await db.transaction(async (tx) => {
    const old = await readPolicy(tx);
    const next = { ...old, ...mergePolicyUpdate(old, update) };
    const preset = detectPreset(next);
    const conflict = explainPolicyConflict(next);
    if (conflict) {
      throw new HttpError(400, conflict, {
        type: 'https://regwatch.example/problems/validation',
        title: 'Validation failed',
        errors: [{ field: 'lapseAfterSeconds', message: conflict }],
      });
    }
    const [row] = await tx
      .insert(policyVersions)
      .values({
        heartbeatSeconds: next.heartbeatSeconds,
        lapseAfterSeconds: next.lapseAfterSeconds,
        graceSeconds: next.graceSeconds,
        lowBatteryPercent: next.lowBatteryPercent,
        minAccuracyMeters: next.minAccuracyMeters,
        retentionDays: next.retentionDays,
        preset,
        cancelUnit: next.cancelUnit,
        cancelAfterWorkingDays: next.cancelAfterWorkingDays,
        reminderAfterSeconds: next.reminderAfterSeconds,
        createdBy: officer.username,
        note: update.note || null,
      })
      .returning();
    if (!row) throw new Error('policy insert returned nothing');
    const changed = Object.fromEntries(
      TUNABLES.filter((k) => old[k] !== next[k]).map((k) => [k, { old: old[k], new: next[k] }]),
    );
    await recordAudit(tx, {
      officer,
      action: 'policy.update',
      targetType: 'policy',
      targetId: String(row.id),
      reason: update.note || null,
      detail: {
        fromVersion: old.version,
        toVersion: row.id,
        changed,
        preset: { old: old.preset, new: preset },
      },
    });
    return toDto(row);
  });
  forgetCachedPolicy();
  return result;
}
