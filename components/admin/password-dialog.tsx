'use client';
// A new password for an account (which ends its sessions), checked with the API's own schema.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { withMessages } from '@/components/shared/form-errors';
import { resetOfficerPassword, type OfficerAccountDto } from '@/lib/api/officers';
import { resetPasswordSchema } from '@/lib/auth/officer-schemas';
import { useT } from '@/lib/i18n/client';
import { fillText, type AdminStrings } from './admin-strings';
import { officerMessageFor, officerServerErrors, useOfficerWrite } from './officer-messages';

type PasswordForm = z.infer<typeof resetPasswordSchema>;

export function PasswordDialog({
  officer,
  s,
  onClose,
  onDone,
}: {
  officer: OfficerAccountDto;
  s: AdminStrings;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useT();
  const username = officer.username ?? officer.name;
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<PasswordForm>({
    resolver: withMessages(zodResolver(resetPasswordSchema), officerMessageFor(t)),
    defaultValues: { password: '' },
  });
  const write = useOfficerWrite((body: PasswordForm) => resetOfficerPassword(officer.id, body.password), {
    onSuccess: () => onDone(fillText(s.done.password, { username })),
    onError: (error) => setFormError(officerServerErrors(t, error, setError, ['password'])),
  });
  const pending = write.isPending || formState.isSubmitting;
  const submit = handleSubmit((body) => {
    setFormError(null);
    write.mutate(body);
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={fillText(s.form.passwordTitle, { username })}
      size="sm"
      footer={
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{s.cancel}</Button>
          <Button type="submit" form="password-form" variant="primary" disabled={pending} aria-busy={pending}>
            {pending ? s.saving : s.save}
          </Button>
        </div>
      }
    >
      {formError ? (
        <p
          role="alert"
          className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {formError}
        </p>
      ) : null}
      <form id="password-form" noValidate onSubmit={submit} className="flex flex-col gap-2">
        <Field
          label={s.form.password}
          hint={s.form.passwordHint}
          error={formState.errors.password?.message}
          required
        >
          {(control) => (
            <Input {...control} {...register('password')} type="password" autoComplete="new-password" />
          )}
        </Field>
        <p className="text-xs text-slate-600">{s.form.passwordNote}</p>
      </form>
    </Dialog>
  );
}
