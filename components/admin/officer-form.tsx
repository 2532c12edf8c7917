'use client';
// The fields of a new account or of an edit: username/password only when creating, okrugs as a
// checkbox group (only officers are limited by them).
import { Checkbox, Field, Fieldset, Input, Select } from '@/components/ui/field';
import { OFFICER_ROLES, type OfficerRole } from '@/lib/domain/types';
import type { Lang } from '@/lib/i18n/config';
import { okrugName, okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import type { AdminStrings } from './admin-strings';

export interface OfficerFormValues {
  username: string;
  name: string;
  password: string;
  role: OfficerRole;
  okrugs: string[];
}

export interface OfficerFormProps {
  id: string;
  mode: 'create' | 'edit';
  values: OfficerFormValues;
  onChange: (values: OfficerFormValues) => void;
  onSubmit: () => void;
  errors: Record<string, string>;
  okrugs: readonly OkrugOption[];
  lang: Lang;
  s: AdminStrings;
}

export function OfficerForm({
  id,
  mode,
  values,
  onChange,
  onSubmit,
  errors,
  okrugs,
  lang,
  s,
}: OfficerFormProps) {
  const set = <K extends keyof OfficerFormValues>(key: K, value: OfficerFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const toggleOkrug = (okrug: string, on: boolean) =>
    set('okrugs', on ? [...values.okrugs, okrug] : values.okrugs.filter((o) => o !== okrug));
  return (
    <form
      id={id}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {mode === 'create' ? (
        <Field label={s.form.username} hint={s.form.usernameHint} error={errors.username} required>
          {(control) => (
            <Input
              {...control}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              onChange={(e) => set('username', e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field label={s.form.name} error={errors.name} required>
        {(control) => (
          <Input
            {...control}
            autoComplete="off"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      {mode === 'create' ? (
        <Field label={s.form.password} hint={s.form.passwordHint} error={errors.password} required>
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field label={s.form.role} error={errors.role} required>
        {(control) => (
          <Select
            {...control}
            value={values.role}
            onChange={(e) => set('role', OFFICER_ROLES.find((r) => r === e.target.value) ?? 'officer')}
          >
            {OFFICER_ROLES.map((role) => (
              <option key={role} value={role}>
                {s.roles[role]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div>
        <Fieldset legend={s.form.okrugs}>
          <p className="-mt-1 mb-1 text-xs text-slate-600">{s.form.okrugsHint}</p>
          <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
            {okrugs.map((okrug) => (
              <Checkbox
                key={okrug.id}
                name="okrugs"
                value={okrug.id}
                checked={values.okrugs.includes(okrug.id)}
                onChange={(e) => toggleOkrug(okrug.id, e.target.checked)}
                label={`${okrugShort(lang, okrug)} — ${okrugName(lang, okrug)}`}
              />
            ))}
          </div>
        </Fieldset>
        {errors.okrugs ? <p className="mt-1 text-xs font-medium text-red-700">{errors.okrugs}</p> : null}
      </div>
    </form>
  );
}
