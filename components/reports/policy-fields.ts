// The policy's numeric fields in display order, with their units and bounds, for the view and forms.
import { POLICY_BOUNDS, type PolicyDto } from '@/lib/api/policy';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber } from '@/lib/format/number';
import type { Dictionary, Lang } from '@/lib/i18n';
import { fill } from '@/lib/i18n';

export type PolicyField = keyof typeof POLICY_BOUNDS;
export const POLICY_FIELDS: readonly PolicyField[] = [
  'lapseAfterSeconds',
  'graceSeconds',
  'heartbeatSeconds',
  'lowBatteryPercent',
  'minAccuracyMeters',
  'retentionDays',
];

export function policyFieldLabel(t: Dictionary, field: PolicyField): string {
  const p = t.pages.policy;
  const labels: Record<PolicyField, string> = {
    lapseAfterSeconds: p.lapseAfter,
    graceSeconds: p.grace,
    heartbeatSeconds: p.heartbeat,
    lowBatteryPercent: p.lowBattery,
    minAccuracyMeters: p.minAccuracy,
    retentionDays: p.retention,
  };
  return labels[field];
}

/** The unit shown next to an input (seconds are typed as seconds, shown as '15 мин'). */
export function policyFieldUnit(t: Dictionary, field: PolicyField): string {
  const units = t.pages.policy.units;
  if (field.endsWith('Seconds')) return units.seconds;
  if (field === 'lowBatteryPercent') return units.percent;
  if (field === 'minAccuracyMeters') return units.meters;
  return units.days;
}

export function formatPolicyValue(t: Dictionary, lang: Lang, field: PolicyField, value: number): string {
  const p = t.pages.policy;
  const n = formatNumber(lang, value);
  if (field === 'graceSeconds' && value === 0) return p.graceNone;
  if (field.endsWith('Seconds')) return formatDuration(lang, value);
  if (field === 'lowBatteryPercent') return fill(p.percent, { count: n });
  if (field === 'minAccuracyMeters') return fill(p.meters, { count: n });
  return fill(p.days, { count: n });
}

export function policyValue(policy: PolicyDto, field: PolicyField): number {
  return policy[field];
}
