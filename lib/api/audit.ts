// The audit log as the auditor reads it. Holds ids and reasons, never personal data.
import { z } from 'zod';
import {
  csvSeparatorParam,
  cursorParam,
  formatParam,
  instant,
  isoTime,
  limitParam,
  pageOf,
  plainText,
} from './common';

export const auditParamsSchema = z.object({
  actor: plainText(200, 'The actor').optional().describe('actor id, username or display name'),
  worker: z.guid().optional(),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]+\*?$/, 'Use an action such as worker.read, or a prefix ending in * (worker.*).')
    .optional(),
  auditReads: z
    .enum(['show', 'hide'])
    .optional()
    .describe('hide: leave out reads of the audit log itself (audit.read, audit.export); default show'),
  from: instant('start').optional(),
  to: instant('end').optional(),
  cursor: cursorParam,
  limit: limitParam(100, 500),
  format: formatParam,
  sep: csvSeparatorParam,
});
export type AuditFilters = Omit<z.input<typeof auditParamsSchema>, 'format'>;
export type AuditParams = z.output<typeof auditParamsSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoTime,
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  /** Sign-in name of the actor, when the account still exists. */
  actorUsername: z.string().nullable().optional(),
  action: z.string(),
  workerId: z.guid().nullable(),
  /** The worker's name (Latin, as in the document), so the log names people; the id stays in `workerId`. */
  workerName: z.string().nullable().optional(),
  /** The worker's name in Cyrillic when known: the Russian interface shows it first. */
  workerNameCyrillic: z.string().nullable().optional(),
  /** Every worker a many-worker read showed (lists, exports, map points). */
  workerIds: z.array(z.guid()).nullable().optional(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

/** Actions written by the officer API (others may add their own, e.g. sign-in). */
export const AUDIT_ACTIONS = [
  'worker.list',
  'worker.export',
  'worker.read',
  'worker.trace',
  'lapse.list',
  'lapse.export',
  'lapse.read',
  'map.read',
  'lapse.review',
  'registration.reinstate',
  'policy.update',
  'policy.simulate',
  'audit.read',
  'audit.export',
] as const;
