// Reinstating a registration that a lapse cancelled, after that lapse was reviewed as not a violation.
import { z } from 'zod';
import { isoTime, isPlainText, NOT_PLAIN_TEXT } from './common';
import { registrationStatusSchema, reviewDecisionSchema } from './enums';

export const reinstateBodySchema = z.object({
  note: z
    .string({ message: 'A note is required.' })
    .trim()
    .min(3, 'Write a short note explaining the reinstatement.')
    .max(2000)
    .refine(isPlainText, NOT_PLAIN_TEXT),
});
export type ReinstateBody = z.infer<typeof reinstateBodySchema>;

export const reinstateResultSchema = z.object({
  registrationId: z.guid(),
  workerId: z.guid(),
  status: registrationStatusSchema,
  reinstatedAt: isoTime,
  lapseId: z.guid(),
  reviewDecision: reviewDecisionSchema,
});
export type ReinstateResult = z.infer<typeof reinstateResultSchema>;
