'use client';
// The review decision: technical | violation | excused and a note of at least 10 characters,
// checked with the API's own zod schema (react-hook-form + zod resolver) before sending; client and
// server errors sit next to their fields.
import { useId, useState, type RefObject } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { applyServerErrors, withMessages } from '@/components/shared/form-errors';
import { REVIEW_NOTE_MIN, reviewBodySchema, type LapseDetail, type ReviewBody } from '@/lib/api/lapses';
import { reviewLapse } from '@/lib/api/queries';
import { REVIEW_DECISIONS } from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';
import { DECISION_STYLE } from './review-badge';

export function ReviewForm({
  lapse,
  focusRef,
  onDone,
}: {
  lapse: LapseDetail;
  focusRef?: RefObject<HTMLElement | null>;
  onDone?: () => void;
}) {
  const { t, fill } = useText();
  const p = t.pages.lapse;
  const queryClient = useQueryClient();
  const legendId = useId();
  const decisionErrorId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const messageFor = (field: string) =>
    field === 'decision' ? p.errors.decision : field === 'note' ? p.errors.note : undefined;
  const { register, handleSubmit, reset, setError, control, formState } = useForm<
    z.input<typeof reviewBodySchema>,
    unknown,
    ReviewBody
  >({
    resolver: withMessages(zodResolver(reviewBodySchema), messageFor),
    defaultValues: { decision: lapse.review?.decision, note: '' },
  });
  const errors = formState.errors;

  const mutation = useMutation({
    mutationFn: (body: ReviewBody) => reviewLapse(lapse.id, body),
    onSuccess: async (_saved, body) => {
      reset({ decision: body.decision, note: '' });
      await Promise.all(
        [['lapses'], ['workers'], ['stats']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      onDone?.();
    },
    onError: (error) => {
      setFormError(
        applyServerErrors(error, setError, ['decision', 'note'], {
          messageFor,
          fixFields: t.forms.fixFields,
          network: t.errors.network,
        }),
      );
    },
  });

  const submit = handleSubmit((body) => {
    setFormError(null);
    mutation.mutate(body);
  });
  const decisionField = register('decision');

  const noteLength = (useWatch({ control, name: 'note' }) ?? '').trim().length;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label={p.review}>
      <fieldset
        aria-labelledby={legendId}
        aria-describedby={errors.decision?.message ? decisionErrorId : undefined}
        aria-invalid={errors.decision?.message ? true : undefined}
        className="min-w-0"
      >
        <legend id={legendId} className="mb-1.5 text-sm font-medium text-slate-800">
          {p.decision}
          <span aria-hidden="true" className="ml-0.5 text-red-700">
            *
          </span>
        </legend>
        <div className="flex flex-col gap-1.5">
          {REVIEW_DECISIONS.map((d, i) => {
            const Icon = DECISION_STYLE[d].icon;
            return (
              <label
                key={d}
                className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 px-2.5 py-2 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50"
              >
                <input
                  {...decisionField}
                  ref={(el) => {
                    decisionField.ref(el);
                    if (i === 0 && focusRef) focusRef.current = el;
                  }}
                  type="radio"
                  value={d}
                  className="mt-0.5 size-4 shrink-0 accent-blue-700"
                />
                <span className="min-w-0">
                  <span className="flex items-center gap-1 font-medium text-slate-900">
                    <Icon aria-hidden="true" className="size-4" />
                    {t.reviewDecision[d]}
                  </span>
                  <span className="block text-xs text-slate-600">{p.decisionHints[d]}</span>
                </span>
              </label>
            );
          })}
        </div>
        {errors.decision?.message ? (
          <p id={decisionErrorId} className="mt-1 text-xs font-medium text-red-700">
            {errors.decision.message}
          </p>
        ) : null}
      </fieldset>

      <Field label={p.note} hint={p.noteHint} error={errors.note?.message} required>
        {(control) => <Textarea {...control} {...register('note')} maxLength={2000} rows={3} />}
      </Field>
      <p className="-mt-2 text-xs text-slate-600" aria-live="polite">
        {noteLength < REVIEW_NOTE_MIN ? fill(p.noteCount, { count: noteLength }) : null}
      </p>

      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      {mutation.isSuccess ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900"
        >
          {p.saved}
        </p>
      ) : null}
      <div>
        <Button
          type="submit"
          variant="primary"
          disabled={mutation.isPending || formState.isSubmitting}
          aria-busy={mutation.isPending}
        >
          {mutation.isPending ? p.submitting : lapse.review ? p.revise : p.submit}
        </Button>
      </div>
    </form>
  );
}
