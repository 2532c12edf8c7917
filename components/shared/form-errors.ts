// Errors next to inputs for react-hook-form: client checks run the API's own zod schema (through
// @hookform/resolvers) with the messages swapped for the interface language; the server's
// problem+json field errors are put back onto the same fields.
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api/fetch';

/** The interface-language message for a field, or undefined to keep the schema's own. */
export type MessageFor = (field: string, status?: number) => string | undefined;

/** Wraps a resolver so each top-level field error reads in the interface language. */
export function withMessages<T extends FieldValues, C, O>(
  resolver: Resolver<T, C, O>,
  messageFor: MessageFor,
): Resolver<T, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const [field, error] of Object.entries(result.errors)) {
      const message = messageFor(field);
      if (message && error && typeof error === 'object' && 'message' in error) error.message = message;
    }
    return result;
  };
}

/**
 * Puts a failed request's field errors onto the form's fields and returns the form-level message:
 * "fix the marked fields" when every problem has a field, else the server's explanation (written
 * for a person) or `network` when no answer came.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  messages: { messageFor: MessageFor; fixFields: string; network: string },
): string {
  if (!(error instanceof ApiError)) return messages.network;
  let placed = 0;
  for (const e of error.problem.errors ?? []) {
    const field = fields.find((f) => f === e.field);
    if (!field) continue;
    setError(field, { type: 'server', message: messages.messageFor(e.field, error.status) ?? e.message });
    placed += 1;
  }
  return placed > 0 && placed === (error.problem.errors?.length ?? 0)
    ? messages.fixFields
    : error.problem.detail;
}
