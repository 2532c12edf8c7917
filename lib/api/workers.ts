// Workers: list (search), one worker's file, and the movement trace that needs a recorded reason.
import { z } from 'zod';
import { workerNotificationSchema } from './notifications';
import { CITIZENSHIPS } from '@/lib/domain/types';
import {
  cursorParam,
  enumList,
  csvSeparatorParam,
  formatParam,
  idList,
  instant,
  isoTime,
  limitParam,
  nullableIsoTime,
  pageOf,
  isPlainText,
  NOT_PLAIN_TEXT,
  plainText,
} from './common';
import { lapseKindSchema, registrationStatusSchema, WORKER_STATUSES, workerStatusSchema } from './enums';
import { lapseItemSchema } from './lapses';

export const workersParamsSchema = z.object({
  q: plainText(100, 'The search text')
    .optional()
    .describe('Latin or Cyrillic name, document number or phone'),
  status: enumList(WORKER_STATUSES).optional(),
  citizenship: enumList(CITIZENSHIPS).optional(),
  okrug: idList.optional(),
  cursor: cursorParam,
  limit: limitParam(50, 200),
  format: formatParam,
  sep: csvSeparatorParam,
});
/** What the UI passes in: plain strings, as in the URL. */
export type WorkersFilters = Omit<z.input<typeof workersParamsSchema>, 'format'>;
export type WorkersParams = z.output<typeof workersParamsSchema>;

export const workerListItemSchema = z.object({
  id: z.guid(),
  fullNameLatin: z.string(),
  fullNameCyrillic: z.string().nullable(),
  citizenship: z.string(),
  /** So that namesakes can be told apart in the list. */
  documentNumber: z.string(),
  birthDate: z.string(),
  status: workerStatusSchema,
  okrug: z.string().nullable(),
  statusSince: nullableIsoTime,
  openLapseKind: lapseKindSchema.nullable(),
  lastFixAt: nullableIsoTime,
});
export type WorkerListItem = z.infer<typeof workerListItemSchema>;
export const workersPageSchema = pageOf(workerListItemSchema).extend({
  total: z.number().int().optional().describe('How many were found (first page only), up to 10,000'),
  totalIsLowerBound: z.boolean().optional().describe('True when at least `total` were found'),
});
export type WorkersPage = z.infer<typeof workersPageSchema>;

export const registrationEventSchema = z.object({
  id: z.number().int(),
  /** Null for an event of the worker rather than of one registration (e.g. `device_replaced`). */
  registrationId: z.guid().nullable(),
  at: isoTime,
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  cause: z.string(),
  actor: z.string(),
  /** The officer's display name when `actor` is an officer id; null for the system and devices. */
  actorName: z.string().nullable().optional(),
  /** The reason an officer recorded (a reinstatement's note). */
  note: z.string().nullable().optional(),
  lapseId: z.guid().nullable(),
});
export type RegistrationEvent = z.infer<typeof registrationEventSchema>;

export const registrationSchema = z.object({
  id: z.guid(),
  status: registrationStatusSchema,
  addressText: z.string(),
  lat: z.number(),
  lon: z.number(),
  okrug: z.string().nullable(),
  policyVersion: z.number().int(),
  createdAt: isoTime,
  activatedAt: nullableIsoTime,
  closedAt: nullableIsoTime,
  cancelLapseId: z.guid().nullable(),
  /** Set when late-arriving fixes voided the lapse that had cancelled it: worth an officer's review. */
  restoredByLateDataAt: nullableIsoTime.optional(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const deviceSummarySchema = z.object({
  id: z.guid(),
  platform: z.string(),
  model: z.string().nullable(),
  appVersion: z.string().nullable(),
  createdAt: isoTime,
  lastSeenAt: nullableIsoTime,
  revokedAt: nullableIsoTime,
});

export const workerDetailSchema = z.object({
  id: z.guid(),
  fullNameLatin: z.string(),
  fullNameCyrillic: z.string().nullable(),
  citizenship: z.string(),
  documentNumber: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  employer: z.string().nullable(),
  sector: z.string().nullable(),
  enrolledAt: isoTime,
  status: workerStatusSchema,
  statusSince: nullableIsoTime,
  /** Why the worker is in the current status: the last registration event. */
  statusReason: registrationEventSchema.nullable(),
  okrug: z.string().nullable(),
  declaredAddress: z
    .object({ text: z.string(), lat: z.number(), lon: z.number(), okrug: z.string().nullable() })
    .nullable(),
  currentRegistration: registrationSchema.nullable(),
  /** When the phone last reported; coordinates are not shown (no live movement for officers). */
  lastFix: z
    .object({
      at: isoTime,
      accuracy: z.number().nullable(),
      battery: z.number().nullable(),
      charging: z.boolean().nullable(),
    })
    .nullable(),
  openLapse: z.object({ id: z.guid(), kind: lapseKindSchema, deadline: nullableIsoTime }).nullable(),
  registrations: z.array(registrationSchema),
  events: z.array(registrationEventSchema),
  lapses: z.array(lapseItemSchema),
  devices: z.array(deviceSummarySchema),
  /** Messages to the worker with their delivery state, newest first (issue 7). */
  notifications: z.array(workerNotificationSchema),
});
export type WorkerDetail = z.infer<typeof workerDetailSchema>;

export const TRACE_MAX_FIXES = 5000;

export const traceParamsSchema = z.object({
  from: instant('start').optional(),
  to: instant('end').optional(),
  reason: z
    .string({ message: 'A reason is required to open a movement trace; it is recorded in the audit log.' })
    .trim()
    .min(5, 'Give a reason of at least 5 characters; it is recorded in the audit log.')
    .max(500)
    .refine(isPlainText, NOT_PLAIN_TEXT),
});
export type TraceFilters = z.input<typeof traceParamsSchema>;

export const traceFixSchema = z.object({
  time: isoTime,
  lat: z.number(),
  lon: z.number(),
  accuracy: z.number(),
  speed: z.number().nullable(),
  battery: z.number().nullable(),
  charging: z.boolean().nullable(),
});
export const traceSchema = z.object({
  workerId: z.guid(),
  from: isoTime,
  to: isoTime,
  fixes: z.array(traceFixSchema),
  truncated: z.boolean(),
  retentionDays: z.number().int(),
});
export type Trace = z.infer<typeof traceSchema>;
