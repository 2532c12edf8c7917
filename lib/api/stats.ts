// Counters for the top bar and the lapse report.
import { z } from 'zod';
import { instant, isoTime } from './common';

export const summarySchema = z.object({
  /** Live registrations: pending + active + interrupted. */
  registered: z.number().int(),
  pending: z.number().int(),
  active: z.number().int(),
  interrupted: z.number().int(),
  cancelledToday: z.number().int(),
  endedToday: z.number().int(),
  openLapses: z.number().int(),
  unreviewedLapses: z.number().int(),
  /** active / registered, 0..1 (1 when nobody is registered). */
  compliantShare: z.number(),
  asOf: isoTime,
  // Added (v1, additive): figures that move under any grace period, over the last `periodDays`.
  periodDays: z.number().int(),
  /** Lapses started in the period per 1,000 live registrations per day. */
  lapsesPer1000PerDay: z.number(),
  /** Cancellations in the period. */
  cancellations: z.number().int(),
  /** Share of those cancellations with a technical cause (reviewed as technical, or battery, underground, signal). */
  technicalCancelShare: z.number().nullable(),
  /** Cancellations still waiting for an officer's review (any age). */
  reviewsPending: z.number().int(),
  /** Median hours from detection to review, for reviews made in the period; null without any. */
  medianReviewHours: z.number().nullable(),
  /** Registrations reinstated by a supervisor in the period. */
  reinstatements: z.number().int(),
});
export type Summary = z.infer<typeof summarySchema>;

export const LAPSE_GROUPS = ['day', 'kind', 'citizenship', 'okrug', 'cause'] as const;
export const lapseStatsParamsSchema = z.object({
  from: instant('start').optional().describe('default: 30 days before `to`'),
  to: instant('end').optional().describe('default: now'),
  groupBy: z.enum(LAPSE_GROUPS).default('day'),
});
export type LapseStatsFilters = z.input<typeof lapseStatsParamsSchema>;

export const lapseStatsRowSchema = z.object({
  key: z.string(),
  count: z.number().int(),
  byCause: z.record(z.string(), z.number().int()),
  byKind: z.record(z.string(), z.number().int()),
  cancellations: z.number().int(),
});
export const lapseStatsSchema = z.object({
  groupBy: z.enum(LAPSE_GROUPS),
  from: isoTime,
  to: isoTime,
  timeZone: z.string(),
  rows: z.array(lapseStatsRowSchema),
});
export type LapseStats = z.infer<typeof lapseStatsSchema>;
