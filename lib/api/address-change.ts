// A worker with a live registration declares a new address: the registration stays live.
import { z } from 'zod';
import { registrationSchema } from './device-schemas';

export const ADDRESS_CHANGE_WORKING_DAYS = 3;

export const addressChangeSchema = registrationSchema.extend({
  movedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe(
      'When the worker moved; the change is due within 3 working days of it. Left out: now (on time).',
    ),
});
export type AddressChange = z.infer<typeof addressChangeSchema>;

export const addressChangeResultSchema = z.object({
  registrationId: z.guid(),
  status: z.enum(['pending', 'active', 'interrupted']),
  changedAt: z.iso.datetime({ offset: true }),
  movedAt: z.iso.datetime({ offset: true }),
  /** The end of the third working day after the move (production calendar, Europe/Moscow). */
  deadline: z.iso.datetime({ offset: true }),
  /** Declared after the deadline: accepted, and flagged for the officer. */
  late: z.boolean(),
});
export type AddressChangeResult = z.infer<typeof addressChangeResultSchema>;
