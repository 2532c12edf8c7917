// The policy's numeric fields in display order, with their units and bounds, for the view and forms.
import { z } from 'zod';
import { plainText } from '@/lib/api/common';
import { POLICY_BOUNDS, type PolicyDto, type PolicyUpdate } from '@/lib/api/policy';
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

/** A numeric field as typed: required, a whole number within the policy's bounds. */
function boundedText(field: PolicyField) {
  const [min, max] = POLICY_BOUNDS[field];
  return z.string().trim().min(1).pipe(z.coerce.number<string>().int().min(min).max(max));
}

/** The edit form's values (inputs hold text) checked with the API's own bounds. */
export const policyFormSchema = z.object({
  preset: z.enum(['', 'strict', '121-FZ']),
  lapseAfterSeconds: boundedText('lapseAfterSeconds'),
  graceSeconds: boundedText('graceSeconds'),
  heartbeatSeconds: boundedText('heartbeatSeconds'),
  lowBatteryPercent: boundedText('lowBatteryPercent'),
  minAccuracyMeters: boundedText('minAccuracyMeters'),
  retentionDays: boundedText('retentionDays'),
  note: plainText(2000, 'The note'),
});
export type PolicyFormInput = z.input<typeof policyFormSchema>;
export type PolicyFormOutput = z.output<typeof policyFormSchema>;

export function policyFormValues(policy: PolicyDto): PolicyFormInput {
  const text = (f: PolicyField) => String(policy[f]);
  return {
    preset: '',
    lapseAfterSeconds: text('lapseAfterSeconds'),
    graceSeconds: text('graceSeconds'),
    heartbeatSeconds: text('heartbeatSeconds'),
    lowBatteryPercent: text('lowBatteryPercent'),
    minAccuracyMeters: text('minAccuracyMeters'),
    retentionDays: text('retentionDays'),
    note: '',
  };
}

/** The request body: only what changed (and the preset and note when given). */
export function policyChanges(policy: PolicyDto, values: PolicyFormOutput): PolicyUpdate {
  const body: PolicyUpdate = {};
  for (const f of POLICY_FIELDS) if (values[f] !== policy[f]) body[f] = values[f];
  if (values.preset) body.preset = values.preset;
  if (values.note) body.note = values.note;
  return body;
}
