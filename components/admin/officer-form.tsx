'use client';
// Create or edit an account in a dialog: react-hook-form checks the fields with the API's own
// schema before sending (username/password only when creating; okrugs as a checkbox group, only
// officers are limited by them) and puts the server's field errors back next to the fields.
import { useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Checkbox, Field, Fieldset, Input, Select } from '@/components/ui/field';
import { withMessages } from '@/components/shared/form-errors';
import { createOfficer, updateOfficer, type OfficerAccountDto } from '@/lib/api/officers';
import { createOfficerSchema } from '@/lib/auth/officer-schemas';
import { OFFICER_ROLES } from '@/lib/domain/types';
import type { Lang } from '@/lib/i18n/config';
import { useT } from '@/lib/i18n/client';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { fillText, type AdminStrings } from './admin-strings';
import { officerMessageFor, officerServerErrors, useOfficerWrite } from './officer-messages';

// Editing never sends the username or password: the form keeps them as plain text it ignores.
const editSchema = createOfficerSchema.extend({ username: z.string(), password: z.string() });
type FormInput = z.input<typeof createOfficerSchema>;
type FormOutput = z.output<typeof createOfficerSchema>;
const FIELDS = ['username', 'name', 'password', 'role', 'okrugs'] as const;

export interface OfficerFormDialogProps {
  /** null: a new account. */
  officer: OfficerAccountDto | null;
  okrugs: readonly OkrugOption[];
  lang: Lang;
  s: AdminStrings;
  onClose: () => void;
  onDone: (notice: string) => void;
}

export function OfficerFormDialog({ officer, okrugs, lang, s, onClose, onDone }: OfficerFormDialogProps) {
  const t = useT();
  const creating = officer === null;
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<FormInput, unknown, FormOutput>({
    resolver: withMessages(zodResolver(creating ? createOfficerSchema : editSchema), officerMessageFor(t)),
    defaultValues: {
      username: '',
      password: '',
      name: officer?.name ?? '',
      role: officer?.role ?? 'officer',
      okrugs: officer?.okrugs ?? [],
    },
  });
  const errors = formState.errors;
  const onError = (error: unknown) => setFormError(officerServerErrors(t, error, setError, FIELDS));
  const create = useOfficerWrite(createOfficer, {
    onSuccess: (o) => onDone(fillText(s.done.created, { username: o.username ?? o.name })),
    onError,
  });
  const update = useOfficerWrite(
    (body: FormOutput) =>
      updateOfficer(officer?.id ?? '', { name: body.name, role: body.role, okrugs: body.okrugs }),
    { onSuccess: () => onDone(s.done.updated), onError },
  );
  const pending = create.isPending || update.isPending || formState.isSubmitting;
  const submit = handleSubmit(
    (values) => {
      setFormError(null);
      if (creating) create.mutate(values);
      else update.mutate(values);
    },
    () => setFormError(t.forms.fixFields),
  );
  const title = creating
    ? s.form.createTitle
    : fillText(s.form.editTitle, { username: officer.username ?? officer.name });

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      size="lg"
      footer={
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{s.cancel}</Button>
          <Button type="submit" form="officer-form" variant="primary" disabled={pending} aria-busy={pending}>
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
      <form id="officer-form" noValidate className="flex flex-col gap-4" onSubmit={submit}>
        {creating ? (
          <Field label={s.form.username} hint={s.form.usernameHint} error={errors.username?.message} required>
            {(control) => (
              <Input
                {...control}
                {...register('username')}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
              />
            )}
          </Field>
        ) : null}
        <Field label={s.form.name} error={errors.name?.message} required>
          {(control) => <Input {...control} {...register('name')} autoComplete="off" />}
        </Field>
        {creating ? (
          <Field label={s.form.password} hint={s.form.passwordHint} error={errors.password?.message} required>
            {(control) => (
              <Input {...control} {...register('password')} type="password" autoComplete="new-password" />
            )}
          </Field>
        ) : null}
        <Field label={s.form.role} error={errors.role?.message} required>
          {(control) => (
            <Select {...control} {...register('role')}>
              {OFFICER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {s.roles[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <OkrugChoice
          okrugs={okrugs}
          lang={lang}
          s={s}
          error={errors.okrugs?.message}
          field={register('okrugs')}
        />
      </form>
    </Dialog>
  );
}

function OkrugChoice({
  okrugs,
  lang,
  s,
  error,
  field,
}: {
  okrugs: readonly OkrugOption[];
  lang: Lang;
  s: AdminStrings;
  error: string | undefined;
  field: UseFormRegisterReturn<'okrugs'>;
}) {
  const errorId = 'officer-okrugs-error';
  return (
    <div>
      <Fieldset legend={s.form.okrugs}>
        <p className="-mt-1 mb-1 text-xs text-slate-600">{s.form.okrugsHint}</p>
        <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
          {okrugs.map((okrug) => (
            <Checkbox
              key={okrug.id}
              {...field}
              value={okrug.id}
              aria-invalid={error ? true : undefined}
              aria-errormessage={error ? errorId : undefined}
              label={`${okrugShort(lang, okrug)} — ${okrugName(lang, okrug)}`}
            />
          ))}
        </div>
      </Fieldset>
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
