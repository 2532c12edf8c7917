// Named policy presets: the strict reading (the first lapse cancels at once, today's default) and
// the rule published for the Moscow experiment under Federal Law 121-FZ of 23.05.2025 (a reminder
// after three days without location data, cancellation after more than three working days).
import type { CancelUnit, Policy, PolicyPreset } from './types';

export type PresetFields = Pick<
  Required<Policy>,
  'lapseAfterSeconds' | 'graceSeconds' | 'cancelUnit' | 'cancelAfterWorkingDays' | 'reminderAfterSeconds'
>;

export const PRESETS: Record<Exclude<PolicyPreset, 'custom'>, PresetFields> = {
  strict: {
    lapseAfterSeconds: 900,
    graceSeconds: 0,
    cancelUnit: 'calendar',
    cancelAfterWorkingDays: 3,
    reminderAfterSeconds: null,
  },
  '121-FZ': {
    lapseAfterSeconds: 900,
    graceSeconds: 0,
    cancelUnit: 'working_days',
    cancelAfterWorkingDays: 3,
    reminderAfterSeconds: 3 * 86_400,
  },
};

/** The rule fields of a policy, with absent ones read as the strict default. */
export function readRuleFields(p: Policy): PresetFields {
  return {
    lapseAfterSeconds: p.lapseAfterSeconds,
    graceSeconds: p.graceSeconds,
    cancelUnit: p.cancelUnit ?? 'calendar',
    cancelAfterWorkingDays: p.cancelAfterWorkingDays ?? 3,
    reminderAfterSeconds: p.reminderAfterSeconds ?? null,
  };
}

/** The preset whose rules these are, or 'custom'. graceSeconds does not matter under working days. */
export function detectPreset(p: Policy): PolicyPreset {
  const f = readRuleFields(p);
  for (const [name, preset] of Object.entries(PRESETS)) {
    const same =
      f.lapseAfterSeconds === preset.lapseAfterSeconds &&
      f.cancelUnit === preset.cancelUnit &&
      f.reminderAfterSeconds === preset.reminderAfterSeconds &&
      (f.cancelUnit === 'working_days'
        ? f.cancelAfterWorkingDays === preset.cancelAfterWorkingDays
        : f.graceSeconds === preset.graceSeconds);
    if (same) return name === 'strict' ? 'strict' : '121-FZ';
  }
  return 'custom';
}

export function isWorkingDayRule(p: Policy): p is Policy & { cancelUnit: CancelUnit } {
  return p.cancelUnit === 'working_days';
}
