'use client';
// What-if: replay recorded history through the engine's rules under the presets, the current policy
// and custom thresholds, side by side and per day, beside the record. Nothing changes in the system.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Calculator } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { apiFieldErrors, type FieldErrors } from '@/components/shared/form-errors';
import { POLICY_BOUNDS, SIMULATE_MAX_DAYS, type PolicyDto } from '@/lib/api/policy';
import { simulatePolicy } from '@/lib/api/queries';
import { ApiError } from '@/lib/api/fetch';
import { toMoscowDay } from '@/lib/format/date';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { SimulationResult } from './simulation-result';

export function PolicySimulator({
  policy,
}: {
  policy: Pick<PolicyDto, 'lapseAfterSeconds' | 'graceSeconds'>;
}) {
  const { t, lang, fill } = useText();
  const p = t.pages.simulate;
  const [lapseAfter, setLapseAfter] = useState(String(policy.lapseAfterSeconds));
  const [grace, setGrace] = useState(String(policy.graceSeconds));
  const [from, setFrom] = useState(() => toMoscowDay(Date.now() - 6 * 86_400_000));
  const [to, setTo] = useState(() => toMoscowDay(Date.now()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: simulatePolicy,
    onError: (error) => {
      const { fields, message } = apiFieldErrors(error, t.errors.network);
      setErrors({
        lapseAfterSeconds: fields.lapseAfterSeconds ?? '',
        graceSeconds: fields.graceSeconds ?? '',
        to: fields.to ?? fields.from ?? '',
      });
      // Over the time budget: say it in the page's language, with what to do.
      setFormError(error instanceof ApiError && error.problem.status === 503 ? t.replay.overBudget : message);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const next: FieldErrors = {};
    const check = (key: 'lapseAfterSeconds' | 'graceSeconds', raw: string) => {
      const [min, max] = POLICY_BOUNDS[key];
      const v = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(v) || v < min || v > max)
        next[key] = fill(p.errorRange, { min: formatNumber(lang, min), max: formatNumber(lang, max) });
    };
    check('lapseAfterSeconds', lapseAfter);
    check('graceSeconds', grace);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!from || !to || !(days >= 0) || days >= SIMULATE_MAX_DAYS) next.to = p.errorPeriod;
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    mutation.mutate({ lapseAfterSeconds: Number(lapseAfter), graceSeconds: Number(grace), from, to });
  };

  return (
    <div className="flex flex-col gap-4">
      <p className="max-w-prose text-sm text-slate-700">{t.replay.intro}</p>
      <p className="max-w-prose text-xs text-slate-600">{t.replay.customHint}</p>
      <form
        onSubmit={submit}
        noValidate
        className="grid items-start gap-3 sm:grid-cols-2 xl:grid-cols-[repeat(4,minmax(0,16rem))_auto]"
      >
        <Field
          label={p.lapseAfter}
          error={errors.lapseAfterSeconds || undefined}
          hint={secondsHint(lang, lapseAfter)}
          required
        >
          {(control) => (
            <Input
              {...control}
              type="number"
              inputMode="numeric"
              min={POLICY_BOUNDS.lapseAfterSeconds[0]}
              max={POLICY_BOUNDS.lapseAfterSeconds[1]}
              value={lapseAfter}
              onChange={(e) => setLapseAfter(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={p.grace}
          error={errors.graceSeconds || undefined}
          hint={secondsHint(lang, grace)}
          required
        >
          {(control) => (
            <Input
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              max={POLICY_BOUNDS.graceSeconds[1]}
              value={grace}
              onChange={(e) => setGrace(e.target.value)}
            />
          )}
        </Field>
        <Field label={p.from} required>
          {(control) => (
            <Input
              {...control}
              type="date"
              className="w-auto"
              value={from}
              max={to}
              onChange={(e) => setFrom(e.target.value)}
            />
          )}
        </Field>
        <Field label={p.to} error={errors.to || undefined} hint={p.periodHint} required>
          {(control) => (
            <Input
              {...control}
              type="date"
              className="w-auto"
              value={to}
              min={from}
              onChange={(e) => setTo(e.target.value)}
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

function secondsHint(lang: 'ru' | 'en', raw: string): string | undefined {
  const v = Number(raw);
  return raw.trim() !== '' && Number.isFinite(v) && v >= 60 ? `= ${formatDuration(lang, v)}` : undefined;
}
