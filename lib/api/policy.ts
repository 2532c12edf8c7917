// The lapse policy: current version, a new version (supervisor), and the what-if simulator.
import { z } from 'zod';
import { instant, isoTime, plainText } from './common';
import { CANCEL_UNITS, POLICY_PRESETS } from '@/lib/domain/types';

export const policySchema = z.object({
  version: z.number().int(),
  heartbeatSeconds: z.number().int(),
  lapseAfterSeconds: z.number().int(),
  graceSeconds: z.number().int(),
  lowBatteryPercent: z.number().int(),
  minAccuracyMeters: z.number().int(),
  retentionDays: z.number().int(),
  preset: z.enum(POLICY_PRESETS),
  cancelUnit: z.enum(CANCEL_UNITS),
  cancelAfterWorkingDays: z.number().int(),
  reminderAfterSeconds: z.number().int().nullable(),
  createdAt: isoTime,
  createdBy: z.string(),
  note: z.string().nullable(),
});
export type PolicyDto = z.infer<typeof policySchema>;

/** Sane bounds: tight enough that a typo cannot switch tracking off or cancel everyone at once. */
export const POLICY_BOUNDS = {
  heartbeatSeconds: [10, 3600],
  lapseAfterSeconds: [60, 86_400],
  graceSeconds: [0, 604_800],
  lowBatteryPercent: [0, 50],
  minAccuracyMeters: [5, 5000],
  retentionDays: [1, 90],
} as const;

/** Bounds of the working-day rule fields (kept apart so the numeric form fields stay as they were). */
export const RULE_BOUNDS = {
  cancelAfterWorkingDays: [1, 30],
  reminderAfterSeconds: [3600, 2_592_000],
} as const;

function bounded(name: keyof typeof POLICY_BOUNDS) {
  const [min, max] = POLICY_BOUNDS[name];
  return z.number().int().min(min).max(max);
}

export const policyUpdateSchema = z
  .object({
    heartbeatSeconds: bounded('heartbeatSeconds').optional(),
    lapseAfterSeconds: bounded('lapseAfterSeconds').optional(),
    graceSeconds: bounded('graceSeconds').optional(),
    lowBatteryPercent: bounded('lowBatteryPercent').optional(),
    minAccuracyMeters: bounded('minAccuracyMeters').optional(),
    retentionDays: bounded('retentionDays').optional(),
    preset: z
      .enum(['strict', '121-FZ'])
      .optional()
      .describe('Start from a named rule set; other fields given in the same body override it.'),
    cancelUnit: z.enum(CANCEL_UNITS).optional(),
    cancelAfterWorkingDays: z
      .number()
      .int()
      .min(RULE_BOUNDS.cancelAfterWorkingDays[0])
      .max(RULE_BOUNDS.cancelAfterWorkingDays[1])
      .optional(),
    reminderAfterSeconds: z
      .number()
      .int()
      .min(RULE_BOUNDS.reminderAfterSeconds[0])
      .max(RULE_BOUNDS.reminderAfterSeconds[1])
      .nullable()
      .optional(),
    note: plainText(2000, 'The note').optional(),
  })
  .describe('Fields left out keep their current value; read-only fields (version, createdAt…) are ignored.');
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const SIMULATE_MAX_DAYS = 14;
export const simulateBodySchema = z
  .object({
    lapseAfterSeconds: bounded('lapseAfterSeconds'),
    graceSeconds: bounded('graceSeconds'),
    from: instant('start'),
    to: instant('end'),
  })
  .refine((b) => b.from < b.to, { message: '`from` must be before `to`.', path: ['to'] })
  .refine((b) => b.to.getTime() - b.from.getTime() <= SIMULATE_MAX_DAYS * 86_400_000, {
    message: `Simulate at most ${SIMULATE_MAX_DAYS} days at a time.`,
    path: ['to'],
  });
export type SimulateBody = z.input<typeof simulateBodySchema>;

const simulationCountsSchema = z.object({ lapses: z.number().int(), cancellations: z.number().int() });
function presetFieldsShape() {
  return {
    lapseAfterSeconds: z.number().int(),
    graceSeconds: z.number().int(),
    cancelUnit: z.enum(CANCEL_UNITS),
    cancelAfterWorkingDays: z.number().int(),
    reminderAfterSeconds: z.number().int().nullable(),
  };
}
export const simulationOutcomeSchema = z.object({
  lapses: z.number().int(),
  cancellations: z.number().int(),
  workersAffected: z.number().int(),
});
export const simulateResultSchema = z.object({
  given: simulationOutcomeSchema.extend({
    lapseAfterSeconds: z.number().int(),
    graceSeconds: z.number().int(),
  }),
  current: simulationOutcomeSchema.extend({
    lapseAfterSeconds: z.number().int(),
    graceSeconds: z.number().int(),
  }),
  from: isoTime,
  to: isoTime,
  workersConsidered: z.number().int(),
  /** The replay can only look as far back as positions are kept. */
  retentionLimited: z.boolean(),
  // Added (v1, additive): the replay through the engine's lifecycle, per preset and per day.
  method: z.literal('lifecycle-replay'),
  presets: z.object({
    strict: simulationOutcomeSchema.extend(presetFieldsShape()),
    '121-FZ': simulationOutcomeSchema.extend(presetFieldsShape()),
  }),
  /** Replayed under the policy versions that were in force at each moment. */
  inForce: simulationOutcomeSchema,
  /** What the engine recorded for the same workers and days (the stats endpoint's numbers). */
  recorded: simulationOutcomeSchema,
  coverage: z.object({
    workersInScope: z.number().int(),
    /** Workers whose stored fixes cover their recorded history in the period (full-density data). */
    workersReplayed: z.number().int(),
    fullDensityShare: z.number(),
    /** The part of the period replayed: from where every fix is stored (a seeded database keeps
     * older history sparse) to the end. */
    replayedFrom: isoTime,
    replayedTo: isoTime,
    fullDensityFrom: isoTime.nullable(),
  }),
  days: z.array(
    z.object({
      day: z.string(),
      hours: z.number(),
      replayedHours: z.number(),
      workersWithFixes: z.number().int(),
      recorded: simulationCountsSchema,
      rules: z.object({
        strict: simulationCountsSchema,
        '121-FZ': simulationCountsSchema,
        custom: simulationCountsSchema,
        current: simulationCountsSchema,
        inForce: simulationCountsSchema,
      }),
    }),
  ),
  elapsedMs: z.number().int(),
});
export type SimulateResult = z.infer<typeof simulateResultSchema>;
