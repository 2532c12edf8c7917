// Request bodies of the account-management API, shared by the route handlers and the admin page.
import { z } from 'zod';
import { isPlainText, NOT_PLAIN_TEXT } from '@/lib/api/common';
import { OFFICER_ROLES } from '@/lib/domain/types';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters.')
  .max(40, 'Username must be at most 40 characters.')
  .regex(/^[a-z0-9_.]+$/, 'Username may contain only Latin letters, digits, "_" and ".".');

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required.')
  .max(200, 'Name is too long.')
  .refine(isPlainText, NOT_PLAIN_TEXT);

export const roleSchema = z.enum(OFFICER_ROLES, {
  error: `Role must be one of: ${OFFICER_ROLES.join(', ')}.`,
});

// District ids are checked against the region pack in lib/server/officers.ts.
export const okrugListSchema = z
  .array(z.string().trim().min(1).max(20))
  .max(100)
  .transform((list) => [...new Set(list)]);

export const createOfficerSchema = z.strictObject({
  username: usernameSchema,
  name: nameSchema,
  password: passwordSchema,
  role: roleSchema,
  okrugs: okrugListSchema.default([]),
});
export type CreateOfficerInput = z.infer<typeof createOfficerSchema>;

export const updateOfficerSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    okrugs: okrugListSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: 'Nothing to change: send at least one of name, role, okrugs, disabled.',
  });
export type UpdateOfficerInput = z.infer<typeof updateOfficerSchema>;

export const resetPasswordSchema = z.strictObject({ password: passwordSchema });
