// Lapses: the review queue, one lapse's evidence, and the review decision.
import { z } from 'zod';
import { CITIZENSHIPS, LAPSE_KINDS, LIKELY_CAUSES } from '@/lib/domain/types';
import {
  cursorParam,
  enumList,
  csvSeparatorParam,
  formatParam,
  idList,
  instant,
  isoTime,
  isPlainText,
  limitParam,
  NOT_PLAIN_TEXT,
  nullableIsoTime,
  pageOf,
} from './common';
import {
  lapseKindSchema,
  likelyCauseSchema,
  registrationStatusSchema,
  reviewDecisionSchema,
  workerStatusSchema,
} from './enums';

export const LAPSE_STATES = ['open', 'unreviewed', 'reviewed', 'voided'] as const;
export const LAPSE_SORTS = ['-startedAt', 'startedAt', '-duration', 'duration'] as const;

export const lapsesParamsSchema = z.object({
  state: z
    .enum(LAPSE_STATES)
    .optional()
    .describe('open: not ended; unreviewed / reviewed; voided lapses only with state=voided'),
  kind: enumList(LAPSE_KINDS).optional(),
  cause: enumList(LIKELY_CAUSES).optional(),
  citizenship: enumList(CITIZENSHIPS).optional(),
  okrug: idList.optional(),
  worker: z.guid().optional(),
  from: instant('start').optional().describe('lapses that started at or after'),
  to: instant('end').optional().describe('lapses that started before'),
  sort: z.enum(LAPSE_SORTS).default('-startedAt'),
  cursor: cursorParam,
  limit: limitParam(50, 200),
  format: formatParam,
  sep: csvSeparatorParam,
});
export type LapsesFilters = Omit<z.input<typeof lapsesParamsSchema>, 'format'>;
export type LapsesParams = z.output<typeof lapsesParamsSchema>;

export const reviewSchema = z.object({
  decision: reviewDecisionSchema,
  note: z.string(),
  by: z.string(),
  /** The reviewing officer's display name (the login stays in `by`). */
  byName: z.string().nullable().optional(),
  at: isoTime,
});

export const lapseItemSchema = z.object({
  id: z.guid(),
  workerId: z.guid(),
  workerName: z.string(),
  workerNameCyrillic: z.string().nullable(),
  citizenship: z.string(),
  okrug: z.string().nullable(),
  registrationId: z.guid(),
  /** Last known fix before the lapse: where it is drawn on maps. */
  place: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  kind: lapseKindSchema,
  startedAt: isoTime,
  endedAt: nullableIsoTime,
  /** Up to now while the lapse is open. */
  durationSeconds: z.number().int(),
  likelyCause: likelyCauseSchema,
  explanationRu: z.string(),
  explanationEn: z.string(),
  causedCancellation: z.boolean(),
  /** Which rule cancelled the registration, in words, with the numbers of the policy then in force. */
  cancellation: z
    .object({
      rule: z.enum(['immediate', 'grace_elapsed', 'working_days_elapsed']).nullable(),
      policyVersion: z.number().int().nullable(),
      explanationRu: z.string(),
      explanationEn: z.string(),
    })
    .nullable()
    .optional(),
  voidedAt: nullableIsoTime,
  /** Set when fixes the phone uploaded late voided this lapse: a mark for an officer to review. */
  restoredByLateDataAt: nullableIsoTime.optional(),
  review: reviewSchema.nullable(),
});
export type LapseItem = z.infer<typeof lapseItemSchema>;
export const lapsesPageSchema = pageOf(lapseItemSchema).extend({ total: z.number().int().optional() });
export type LapsesPage = z.infer<typeof lapsesPageSchema>;

export const lapseDetailSchema = lapseItemSchema.extend({
  detectedAt: isoTime,
  voidReason: z.string().nullable(),
  /** How late data voided this lapse: which phone, how many fixes, whether a registration came back. */
  restoredByLateData: z
    .object({
      at: isoTime,
      deviceId: z.string().nullable(),
      fixes: z.number().int(),
      registrationRestored: z.boolean(),
    })
    .nullable()
    .optional(),
  lastFix: z
    .object({ time: isoTime, lat: z.number(), lon: z.number(), accuracy: z.number().nullable() })
    .nullable(),
  battery: z.number().nullable(),
  charging: z.boolean().nullable(),
  /** Device events from one hour before the start to one hour after it. */
  deviceEvents: z.array(z.object({ at: isoTime, type: z.string() })),
  /** Fixes recorded in the hour before the start, during the gap, and in the hour after it. */
  positions: z.object({ before: z.number().int(), during: z.number().int(), after: z.number().int() }),
  nearestStation: z
    .object({
      name: z.string(),
      nameEn: z.string(),
      line: z.string().nullable(),
      lineEn: z.string().nullable(),
      distanceMeters: z.number(),
    })
    .nullable(),
  worker: z.object({ status: workerStatusSchema, documentNumber: z.string() }),
  registration: z.object({
    id: z.guid(),
    status: registrationStatusSchema,
    cancelLapseId: z.guid().nullable(),
    /** True when a supervisor may reinstate the registration on the strength of this lapse's review. */
    reinstatable: z.boolean(),
  }),
});
export type LapseDetail = z.infer<typeof lapseDetailSchema>;

export const REVIEW_NOTE_MIN = 10;
export const reviewBodySchema = z.object({
  decision: reviewDecisionSchema,
  note: z
    .string({ message: 'A note is required.' })
    .trim()
    .min(REVIEW_NOTE_MIN, `Write a note of at least ${REVIEW_NOTE_MIN} characters explaining the decision.`)
    .max(2000)
    .refine(isPlainText, NOT_PLAIN_TEXT),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;
