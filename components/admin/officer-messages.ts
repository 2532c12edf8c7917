// The admin forms' field errors in the interface language, and the hook every admin write shares:
// TanStack Query's mutation on the app's one client, refreshing the accounts list afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { applyServerErrors, type MessageFor } from '@/components/shared/form-errors';
import { officerKeys } from '@/lib/api/officers';
import type { Dictionary } from '@/lib/i18n';

export function officerMessageFor(t: Dictionary): MessageFor {
  const m = t.forms.officer;
  return (field, status) => {
    if (field === 'username') return status === 409 ? m.usernameTaken : m.username;
    if (field === 'name' || field === 'password' || field === 'role' || field === 'okrugs') return m[field];
    return undefined;
  };
}

/** A request's failure as field errors on the form plus the message above it. */
export function officerServerErrors<T extends FieldValues>(
  t: Dictionary,
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string {
  return applyServerErrors(error, setError, fields, {
    messageFor: officerMessageFor(t),
    fixFields: t.forms.fixFields,
    network: t.errors.network,
  });
}

/** A write on an account; on success the list is fetched again and `onSuccess` gets the answer. */
export function useOfficerWrite<In, Out>(
  write: (input: In) => Promise<Out>,
  { onSuccess, onError }: { onSuccess: (data: Out) => void; onError?: (error: unknown) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (data) => {
      onSuccess(data);
      await queryClient.invalidateQueries({ queryKey: officerKeys.list() });
    },
    onError,
  });
}
