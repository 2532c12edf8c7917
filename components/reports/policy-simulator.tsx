'use client';
// What-if: replay recorded history through the engine's rules under the presets, the current policy
// and custom thresholds, side by side and per day, beside the record. Nothing changes in the system.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Calculator } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { applyServerErrors, withMessages } from '@/components/shared/form-errors';
import { POLICY_BOUNDS, type PolicyDto } from '@/lib/api/policy';
import { simulatePolicy } from '@/lib/api/queries';
import { ApiError } from '@/lib/api/fetch';
import { maskDayInput } from '@/lib/format/day-input';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { SimulationResult } from './simulation-result';
import {
  simulateFormDefaults,
  simulateFormSchema,
  type SimulateFormInput,
  type SimulateFormOutput,
} from './simulate-form';

const FIELDS = ['lapseAfterSeconds', 'graceSeconds', 'from', 'to'] as const;

export function PolicySimulator({
  policy,
}: {
  policy: Pick<PolicyDto, 'lapseAfterSeconds' | 'graceSeconds'>;
}) {
  const { t, lang, fill } = useText();
  const p = t.pages.simulate;
  const [formError, setFormError] = useState<string | null>(null);
  const messageFor = (field: string) => {
    if (field === 'lapseAfterSeconds' || field === 'graceSeconds') {
      const [min, max] = POLICY_BOUNDS[field];
      return fill(p.errorRange, { min: formatNumber(lang, min), max: formatNumber(lang, max) });
    }
    if (field === 'from') return t.pages.list.dateInvalid;
    return field === 'to' ? p.errorPeriod : undefined;
  };
  const form = useForm<SimulateFormInput, unknown, SimulateFormOutput>({
    resolver: withMessages(zodResolver(simulateFormSchema), messageFor),
    defaultValues: simulateFormDefaults(policy),
  });
  const { register, handleSubmit, setError, control, formState } = form;
  const errors = formState.errors;
  const [lapseAfter, grace] = useWatch({ control, name: ['lapseAfterSeconds', 'graceSeconds'] });

  const mutation = useMutation({
    mutationFn: simulatePolicy,
    onError: (error) => {
      const message = applyServerErrors(error, setError, FIELDS, {
        messageFor,
        fixFields: t.forms.fixFields,
        network: t.errors.network,
      });
      // Over the time budget: say it in the page's language, with what to do.
      setFormError(error instanceof ApiError && error.problem.status === 503 ? t.replay.overBudget : message);
    },
  });
  const submit = handleSubmit((values) => {
    setFormError(null);
    mutation.mutate(values);
  });
  const dayField = (name: 'from' | 'to') =>
    register(name, {
      onChange: (e: { target: HTMLInputElement }) => {
        e.target.value = maskDayInput(e.target.value);
      },
    });

  return (
    <div className="flex flex-col gap-4">
      <p className="max-w-prose text-sm text-slate-700">{t.replay.intro}</p>
      <p className="max-w-prose text-xs text-slate-600">{t.replay.customHint}</p>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="grid items-start gap-3 sm:grid-cols-2 xl:grid-cols-[repeat(4,minmax(0,16rem))_auto]"
      >
        <Field
          label={p.lapseAfter}
          error={errors.lapseAfterSeconds?.message}
          hint={secondsHint(lang, lapseAfter)}
          required
        >
          {(control) => (
            <Input {...control} {...register('lapseAfterSeconds')} type="text" inputMode="numeric" />
          )}
        </Field>
        <Field label={p.grace} error={errors.graceSeconds?.message} hint={secondsHint(lang, grace)} required>
          {(control) => <Input {...control} {...register('graceSeconds')} type="text" inputMode="numeric" />}
        </Field>
        <Field label={p.from} error={errors.from?.message} required>
          {(control) => (
            <Input
              {...control}
              {...dayField('from')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t.pages.list.datePlaceholder}
              className="tabular-nums"
            />
          )}
        </Field>
        <Field label={p.to} error={errors.to?.message} hint={p.periodHint} required>
          {(control) => (
            <Input
              {...control}
              {...dayField('to')}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={t.pages.list.datePlaceholder}
              className="tabular-nums"
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="w-fit xl:mt-6" disabled={mutation.isPending}>
          <Calculator aria-hidden="true" className="size-4" />
          {mutation.isPending ? p.running : p.run}
        </Button>
      </form>
      {formError ? (
        <p role="alert" className="text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <div aria-live="polite">{mutation.data ? <SimulationResult result={mutation.data} /> : null}</div>
    </div>
  );
}

function secondsHint(lang: 'ru' | 'en', raw: string | undefined): string | undefined {
  const v = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(v) && v >= 60
    ? `= ${formatDuration(lang, v)}`
    : undefined;
}
