// Server-sent events of /api/v1/stream. No personal data: ids, statuses, kinds, okrugs.
import { z } from 'zod';
import { isoTime } from './common';
import { lapseKindSchema, registrationStatusSchema } from './enums';
import { summarySchema } from './stats';

export const statusEventSchema = z.object({
  workerId: z.guid(),
  registrationId: z.guid(),
  from: registrationStatusSchema.nullable(),
  to: registrationStatusSchema,
  at: isoTime,
  okrug: z.string().nullable(),
  type: z.string(),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

export const lapseEventSchema = z.object({
  lapseId: z.guid(),
  workerId: z.guid(),
  kind: lapseKindSchema,
  startedAt: isoTime,
  okrug: z.string().nullable(),
});
export type LapseEvent = z.infer<typeof lapseEventSchema>;

export const STREAM_EVENTS = {
  status: statusEventSchema,
  lapse: lapseEventSchema,
  summary: summarySchema,
} as const;
export type StreamEventName = keyof typeof STREAM_EVENTS;
