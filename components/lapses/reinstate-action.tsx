'use client';
// Supervisor only: return a registration a lapse cancelled to active, once the lapse was reviewed as
// technical or excused. A dialog asks for a reason and confirmation before anything is sent.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { applyServerErrors, withMessages } from '@/components/shared/form-errors';
import { reinstateRegistration } from '@/lib/api/queries';
import { reinstateBodySchema, type ReinstateBody } from '@/lib/api/registrations';
import { useText } from '@/lib/i18n/client';

export function ReinstateAction({ registrationId, onDone }: { registrationId: string; onDone: () => void }) {
  const { t } = useText();
  const p = t.pages.lapse.reinstate;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const messageFor = (field: string) => (field === 'note' ? p.noteError : undefined);
  const { register, handleSubmit, reset, setError, formState } = useForm<ReinstateBody>({
    resolver: withMessages(zodResolver(reinstateBodySchema), messageFor),
    defaultValues: { note: '' },
  });
  const formId = `reinstate-${registrationId}`;

  const mutation = useMutation({
    mutationFn: (body: ReinstateBody) => reinstateRegistration(registrationId, body),
    onSuccess: async () => {
      setOpen(false);
      reset();
      onDone();
      await Promise.all(
        [['lapses'], ['workers'], ['stats'], ['map']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
    onError: (error) => {
      setFormError(
        applyServerErrors(error, setError, ['note'], {
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

  return (
    <section
      aria-labelledby={`${formId}-title`}
      className="rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <h3 id={`${formId}-title`} className="text-sm font-semibold text-slate-900">
        {p.title}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{p.explain}</p>
      <Button className="mt-2" onClick={() => setOpen(true)}>
        <RotateCcw aria-hidden="true" className="size-4" />
        {p.action}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={p.dialogTitle}
        description={p.dialogBody}
        size="sm"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t.common.cancel}</Button>
            <Button
              type="submit"
              form={formId}
              variant="primary"
              disabled={mutation.isPending}
              aria-busy={mutation.isPending}
            >
              {mutation.isPending ? p.submitting : p.confirm}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field label={p.note} hint={p.noteHint} error={formState.errors.note?.message} required>
            {(control) => <Textarea {...control} {...register('note')} rows={3} maxLength={2000} />}
          </Field>
          {formError ? (
            <p role="alert" className="text-sm text-red-800">
              {formError}
            </p>
          ) : null}
        </form>
      </Dialog>
    </section>
  );
}
