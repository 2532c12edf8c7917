'use client';
// Supervisor only: return a registration a lapse cancelled to active, once the lapse was reviewed as
// technical or excused. A dialog asks for a reason and confirmation before anything is sent.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RotateCcw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { apiFieldErrors } from '@/components/shared/form-errors';
import { reinstateRegistration } from '@/lib/api/queries';
import { reinstateBodySchema } from '@/lib/api/registrations';
import { useT } from '@/lib/i18n/client';

export function ReinstateAction({ registrationId, onDone }: { registrationId: string; onDone: () => void }) {
  const t = useT();
  const p = t.pages.lapse.reinstate;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const formId = `reinstate-${registrationId}`;

  const mutation = useMutation({
    mutationFn: (body: { note: string }) => reinstateRegistration(registrationId, body),
    onSuccess: async () => {
      setOpen(false);
      setNote('');
      onDone();
      await Promise.all(
        [['lapses'], ['workers'], ['stats'], ['map']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
    onError: (error) => {
      const { fields, message } = apiFieldErrors(error, t.errors.network);
      setNoteError(fields.note ?? null);
      setFormError(message);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = reinstateBodySchema.safeParse({ note });
    if (!parsed.success) {
      setNoteError(p.noteError);
      return;
    }
    setNoteError(null);
    mutation.mutate(parsed.data);
  };

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
            <Button type="submit" form={formId} variant="primary" disabled={mutation.isPending}>
              {mutation.isPending ? p.submitting : p.confirm}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field label={p.note} hint={p.noteHint} error={noteError ?? undefined} required>
            {(control) => (
              <Textarea
                {...control}
                value={note}
                rows={3}
                maxLength={2000}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
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
