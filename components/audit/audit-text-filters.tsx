'use client';
// Free-text filters of the audit log (officer, worker id), applied on Enter or the button so a
// half-typed id does not fire a request.
import { useState, type FormEvent } from 'react';
import { Filter } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { pickUuid } from '@/lib/ui/url-state';
import { useT } from '@/lib/i18n/client';

export function AuditTextFilters({
  actor,
  worker,
  onApply,
}: {
  actor: string | undefined;
  worker: string | undefined;
  onApply: (values: { actor: string | undefined; worker: string | undefined }) => void;
}) {
  const t = useT();
  const p = t.pages.audit;
  const [seen, setSeen] = useState({ actor, worker });
  const [actorText, setActorText] = useState(actor ?? '');
  const [workerText, setWorkerText] = useState(worker ?? '');
  const [workerError, setWorkerError] = useState<string | null>(null);
  if (seen.actor !== actor || seen.worker !== worker) {
    setSeen({ actor, worker });
    setActorText(actor ?? '');
    setWorkerText(worker ?? '');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const w = workerText.trim();
    if (w && !pickUuid(w)) {
      setWorkerError(p.workerError);
      return;
    }
    setWorkerError(null);
    onApply({ actor: actorText.trim() || undefined, worker: w || undefined });
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <Field label={p.actor}>
        {(control) => (
          <Input
            {...control}
            value={actorText}
            maxLength={200}
            autoComplete="off"
            placeholder={p.actorHint}
            onChange={(e) => setActorText(e.target.value)}
          />
        )}
      </Field>
      <Field label={p.worker} error={workerError ?? undefined} className="min-w-80">
        {(control) => (
          <Input
            {...control}
            value={workerText}
            maxLength={36}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            onChange={(e) => setWorkerText(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="mt-6">
        <Filter aria-hidden="true" className="size-4" />
        {t.common.apply}
      </Button>
    </form>
  );
}
