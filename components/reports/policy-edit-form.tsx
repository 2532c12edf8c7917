'use client';
// Supervisor: a new policy version. Only changed fields are sent; a dialog lists every change
// (old → new) and asks for confirmation, because the rule applies to everyone at once. Every field
// is checked against the API's bounds first and an error sits next to each field that is wrong.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { applyServerErrors, withMessages } from '@/components/shared/form-errors';
import { POLICY_BOUNDS, type PolicyDto, type PolicyUpdate } from '@/lib/api/policy';
import { updatePolicy } from '@/lib/api/queries';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import {
  formatPolicyValue,
  POLICY_FIELDS,
  policyChanges,
  policyFieldLabel,
  policyFieldUnit,
  policyFormSchema,
  policyFormValues,
  type PolicyFormInput,
  type PolicyFormOutput,
} from './policy-fields';

const FORM_FIELDS = [...POLICY_FIELDS, 'preset', 'note'] as const;

export function PolicyEditForm({ policy }: { policy: PolicyDto }) {
  const { t, lang, fill } = useText();
  const p = t.pages.policy;
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<PolicyUpdate | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const messageFor = (field: string) => {
    const numeric = POLICY_FIELDS.find((f) => f === field);
    if (numeric) {
      const [min, max] = POLICY_BOUNDS[numeric];
      return fill(p.rangeError, { min: formatNumber(lang, min), max: formatNumber(lang, max) });
    }
    return field === 'note' ? t.forms.policy.note : undefined;
  };
  const form = useForm<PolicyFormInput, unknown, PolicyFormOutput>({
    resolver: withMessages(zodResolver(policyFormSchema), messageFor),
    defaultValues: policyFormValues(policy),
  });
  const { register, handleSubmit, reset, setError, control, formState } = form;
  const errors = formState.errors;

  const mutation = useMutation({
    mutationFn: updatePolicy,
    onSuccess: async (saved) => {
      setPending(null);
      setSavedVersion(saved.version);
      reset(policyFormValues(saved));
      await queryClient.invalidateQueries({ queryKey: ['policy'] });
    },
    onError: (error) => {
      setPending(null);
      setFormError(
        applyServerErrors(error, setError, FORM_FIELDS, {
          messageFor,
          fixFields: t.forms.fixFields,
          network: t.errors.network,
        }),
      );
    },
  });

  const submit = handleSubmit(
    (values) => {
      setFormError(null);
      setSavedVersion(null);
      const body = policyChanges(policy, values);
      const changed = POLICY_FIELDS.some((f) => body[f] !== undefined);
      if (!changed && !body.preset) {
        setFormError(p.noChanges);
        return;
      }
      setPending(body);
    },
    () => {
      setSavedVersion(null);
      setFormError(t.forms.fixFields);
    },
  );

  const preset = useWatch({ control, name: 'preset' });
  const presetLabel = preset === 'strict' ? p.presetStrict : preset === '121-FZ' ? p.presetFz : null;
  const changeText = [
    ...(presetLabel ? [fill(p.presetChange, { preset: presetLabel })] : []),
    ...POLICY_FIELDS.flatMap((f) => {
      const next = pending?.[f];
      if (next === undefined) return [];
      const before = formatPolicyValue(t, lang, f, policy[f]);
      return [`${policyFieldLabel(t, f)}: ${before} → ${formatPolicyValue(t, lang, f, next)}`];
    }),
  ].join('; ');
  const busy = formState.isSubmitting || mutation.isPending;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={p.editTitle}>
      <p className="text-sm text-slate-700">{p.editIntro}</p>
      <Field label={p.preset} hint={p.presetHint} error={errors.preset?.message}>
        {(control) => (
          <Select {...control} {...register('preset')}>
            <option value="">{p.presetKeep}</option>
            <option value="strict">{p.presetStrict}</option>
            <option value="121-FZ">{p.presetFz}</option>
          </Select>
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {POLICY_FIELDS.map((f) => {
          const [min, max] = POLICY_BOUNDS[f];
          return (
            <Field
              key={f}
              label={`${policyFieldLabel(t, f)}, ${policyFieldUnit(t, f)}`}
              error={errors[f]?.message}
              required
            >
              {(control) => (
                <Input
                  {...control}
                  {...register(f)}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                />
              )}
            </Field>
          );
        })}
      </div>
      <Field label={p.note} hint={p.noteHint} error={errors.note?.message}>
        {(control) => <Textarea {...control} {...register('note')} rows={2} maxLength={2000} />}
      </Field>
      {formError ? (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      {savedVersion !== null ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {fill(p.saved, { version: savedVersion })}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={busy} aria-busy={busy}>
          {p.save}
        </Button>
      </div>
      <Dialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={p.confirmTitle}
        size="md"
        footer={
          <>
            <Button onClick={() => setPending(null)}>{t.common.cancel}</Button>
            <Button
              variant="danger"
              disabled={mutation.isPending}
              aria-busy={mutation.isPending}
              onClick={() => (pending ? mutation.mutate(pending) : undefined)}
            >
              {p.save}
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-800">{fill(p.confirmBody, { changes: changeText })}</p>
      </Dialog>
    </form>
  );
}
