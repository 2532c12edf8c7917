// Messages to the worker (issue 7): what the phone fetches and acknowledges, and what officers see
// in the worker file with its delivery state.
import { z } from 'zod';
import { NOTIFY_KINDS, NOTIFY_LANGS } from '@/lib/domain/notify/types';
import { isoTime, limitParam, nullableIsoTime } from './common';

export const notifyKindSchema = z.enum(NOTIFY_KINDS);
export const notifyLangSchema = z.enum(NOTIFY_LANGS);

export const deviceNotificationsParamsSchema = z.object({
  cursor: z
    .string()
    .regex(/^[0-9]{1,18}$/, 'cursor: pass the `nextCursor` of the previous page unchanged')
    .optional()
    .describe('`nextCursor` of the previous page'),
  limit: limitParam(50, 100),
});

export const noticeTextSchema = z.object({
  lang: notifyLangSchema,
  title: z.string(),
  body: z.string(),
});

export const deviceNotificationSchema = z.object({
  id: z.guid(),
  kind: notifyKindSchema,
  createdAt: isoTime,
  deliveredAt: nullableIsoTime,
  registrationId: z.guid().nullable(),
  lapseId: z.guid().nullable(),
  /** The worker's language (stored preference, else by citizenship). */
  language: notifyLangSchema,
  /** Russian first, then the worker's language when it is not Russian. */
  texts: z.array(noticeTextSchema),
  /** The facts the words were rendered from (times, rule, policy version, decision). */
  facts: z.record(z.string(), z.unknown()),
});

export const deviceNotificationsPageSchema = z.object({
  items: z.array(deviceNotificationSchema),
  nextCursor: z.string().nullable(),
});
export type DeviceNotificationsPage = z.infer<typeof deviceNotificationsPageSchema>;

export const MAX_ACK_IDS = 200;

export const ackBodySchema = z.object({
  ids: z
    .array(z.guid('each id must be a notification id (UUID) from GET /api/v1/device/notifications'))
    .min(1, 'ids: give at least one notification id')
    .max(MAX_ACK_IDS, `ids: at most ${MAX_ACK_IDS} per request`),
});
export type AckBody = z.infer<typeof ackBodySchema>;

export const ackResultSchema = z.object({
  /** Acknowledged by this request. */
  acknowledged: z.array(z.guid()),
  /** Acknowledged before (repeating an acknowledgement changes nothing). */
  alreadyAcknowledged: z.array(z.guid()),
  /** Not messages to this worker: nothing was changed for them. */
  unknown: z.array(z.guid()),
});
export type AckResult = z.infer<typeof ackResultSchema>;

export const DELIVERY_STATES = ['created', 'delivered', 'acknowledged', 'failed'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const workerNotificationSchema = z.object({
  id: z.guid(),
  kind: notifyKindSchema,
  state: deliveryStateSchema,
  createdAt: isoTime,
  deliveredAt: nullableIsoTime,
  acknowledgedAt: nullableIsoTime,
  failedAt: nullableIsoTime,
  /** The gateway's answer when a delivery failed (no personal data). */
  failure: z.string().nullable(),
  language: notifyLangSchema,
  /** Russian, English (for the officer) and the worker's language. */
  texts: z.array(noticeTextSchema),
});
export type WorkerNotification = z.infer<typeof workerNotificationSchema>;
