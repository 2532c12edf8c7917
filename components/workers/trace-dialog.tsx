'use client';
// The movement trace opens only with a stated reason, which the API records in the audit log with
// the officer's name. The dialog asks for it first, then shows the fixes on the map and as a table.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Route, ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field, Textarea } from '@/components/ui/field';
import { SkeletonText } from '@/components/ui/skeleton';
import { traceQuery } from '@/lib/api/queries';
import { traceParamsSchema, type TraceFilters } from '@/lib/api/workers';
import { formatDateTime } from '@/lib/format/date';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { PlaceMap, type PlaceMark } from './plot/place-map';
import { DateFilter } from '@/components/shared/filter-controls';
import { TraceTable } from './trace-table';

export function TraceButton({ workerId, places }: { workerId: string; places: PlaceMark[] }) {
  const t = useText().t;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Route aria-hidden="true" className="size-4" />
        {t.pages.trace.button}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t.pages.trace.title}
        description={t.pages.trace.intro}
        size="lg"
      >
        <TraceBody workerId={workerId} places={places} />
      </Dialog>
    </>
  );
}

function TraceBody({ workerId, places }: { workerId: string; places: PlaceMark[] }) {
  const { t, lang, fill } = useText();
  const p = t.pages.trace;
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [request, setRequest] = useState<TraceFilters | null>(null);
  const query = useQuery({ ...traceQuery(workerId, request ?? { reason: '' }), enabled: request !== null });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = { reason, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const parsed = traceParamsSchema.safeParse(candidate);
    if (!parsed.success) {
      setReasonError(p.reasonError);
      return;
    }
    setReasonError(null);
    setRequest({ ...candidate, reason: reason.trim() });
  };

  if (request === null) {
    return (
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <Field label={p.reason} hint={p.reasonHint} error={reasonError ?? undefined} required>
          {(control) => (
            <Textarea
              {...control}
              value={reason}
              rows={2}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-3">
          <DateFilter
            label={p.from}
            value={from || undefined}
            max={to || undefined}
            onChange={(v) => setFrom(v ?? '')}
          />
          <DateFilter
            label={p.to}
            value={to || undefined}
            min={from || undefined}
            onChange={(v) => setTo(v ?? '')}
          />
        </div>
        <p className="-mt-1 text-xs text-slate-600">{p.rangeHint}</p>
        <div>
          <Button type="submit" variant="primary">
            {p.submit}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-col gap-3" aria-busy={query.isFetching}>
      {query.isError ? (
        <ErrorState
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          compact
        />
      ) : !query.data ? (
        <SkeletonText lines={6} />
      ) : (
        <>
          <p
            role="status"
            className="flex items-start gap-2 rounded-md border border-blue-200 bg-blue-50 p-2 text-sm text-blue-900"
          >
            <ShieldCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            {fill(p.recorded, { reason: request.reason })}
          </p>
          {query.data.fixes.length === 0 ? (
            <p className="text-sm text-slate-700">{fill(p.none, { days: query.data.retentionDays })}</p>
          ) : (
            <>
              <p className="text-sm text-slate-800">
                {fill(p.count, {
                  count: formatNumber(lang, query.data.fixes.length),
                  from: formatDateTime(query.data.from),
                  to: formatDateTime(query.data.to),
                })}
              </p>
              {query.data.truncated ? (
                <p className="text-sm text-amber-900">
                  {fill(p.truncated, { count: formatNumber(lang, query.data.fixes.length) })}
                </p>
              ) : null}
              <PlaceMap
                places={places}
                trace={query.data.fixes}
                caption={t.placeMap.traceCaption}
                className="h-80"
              />
              <TraceTable fixes={query.data.fixes} />
            </>
          )}
        </>
      )}
      <div>
        <Button onClick={() => setRequest(null)}>{p.again}</Button>
      </div>
    </div>
  );
}
