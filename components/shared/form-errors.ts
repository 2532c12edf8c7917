// Turning a zod failure or an API problem+json into messages per field, for errors next to inputs.
import type { z } from 'zod';
import { ApiError } from '@/lib/api/fetch';

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** The server's field errors, and its detail as the form-level message (written for people). */
export function apiFieldErrors(error: unknown, fallback: string): { fields: FieldErrors; message: string } {
  if (error instanceof ApiError) {
    const fields: FieldErrors = {};
    for (const e of error.problem.errors ?? []) fields[e.field] ??= e.message;
    return { fields, message: error.problem.detail };
  }
  return { fields: {}, message: fallback };
}
