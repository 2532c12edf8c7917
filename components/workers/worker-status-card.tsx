'use client';
// The worker's current status and why, in words: the last registration event, and when it came from
// a lapse, the lapse's kind, likely cause and explanation.
import { StatusBadge } from '@/components/ui/status-badge';
import { DateTime, RelativeTime } from '@/components/ui/time';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import type { WorkerDetail } from '@/lib/api/workers';
import { formatPercent } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { labelOkrug, type OkrugOption } from '@/lib/ui/okrug';
import { DescriptionList, Item } from '@/components/shared/description-list';
import { fillNodes } from '@/components/shared/fill-nodes';
import { eventTypeLabel } from '@/components/shared/labels';

export function WorkerStatusCard({ worker, okrugs }: { worker: WorkerDetail; okrugs: OkrugOption[] }) {
  const { t, lang, fill } = useText();
  const p = t.pages.worker;
  const reason = worker.statusReason;
  const reasonLapse = reason?.lapseId ? worker.lapses.find((l) => l.id === reason.lapseId) : undefined;
  const typeLabel = reason ? eventTypeLabel(t, reason.type) : null;
  return (
    <section
      aria-labelledby="worker-status-title"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="worker-status-title" className="text-base font-semibold text-slate-900">
        {p.statusTitle}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={worker.status} className="text-sm" />
        {worker.statusSince ? (
          <span className="text-sm text-slate-600">
            {fillNodes(p.since, { time: <DateTime value={worker.statusSince} /> })}
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{t.statusHint[worker.status]}</p>
      <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm">
        <p className="font-medium text-slate-900">{p.reason}</p>
        {reason ? (
          <>
            <p className="mt-0.5 text-slate-900">
              {typeLabel ?? reason.cause} · <DateTime value={reason.at} />
            </p>
            {reasonLapse ? (
              <p className="mt-1 text-slate-800">
                {fill(p.lapseCause, {
                  kind: t.lapseKind[reasonLapse.kind],
                  cause: t.likelyCause[reasonLapse.likelyCause],
                })}
                . {lang === 'ru' ? reasonLapse.explanationRu : reasonLapse.explanationEn}
              </p>
            ) : null}
            {reasonLapse?.cancellation ? (
              <p className="mt-1 text-slate-800" data-testid="cancellation-rule">
                {lang === 'ru'
                  ? reasonLapse.cancellation.explanationRu
                  : reasonLapse.cancellation.explanationEn}
              </p>
            ) : null}
            {typeLabel ? null : (
              <p className="mt-1 text-xs text-slate-600">{fill(p.rawCause, { cause: reason.cause })}</p>
            )}
          </>
        ) : (
          <p className="mt-0.5 text-slate-600">{p.noReason}</p>
        )}
      </div>
      <DescriptionList className="mt-3">
        <Item label={p.declaredAddress}>
          {worker.declaredAddress ? (
            <span translate="no">{worker.declaredAddress.text}</span>
          ) : (
            <span className="text-slate-600">{p.noAddress}</span>
          )}
        </Item>
        <Item label={p.okrug}>{labelOkrug(lang, worker.okrug, okrugs)}</Item>
        <Item label={p.lastReport}>
          {worker.lastFix ? (
            <>
              <RelativeTime value={worker.lastFix.at} />
              {worker.lastFix.battery !== null
                ? `; ${formatPercent(lang, worker.lastFix.battery / 100, 0)}`
                : null}
              {worker.lastFix.charging ? `, ${t.pages.lapse.charging}` : null}
            </>
          ) : (
            <span className="text-slate-600">{p.noReport}</span>
          )}
        </Item>
        {worker.openLapse ? (
          <Item label={p.openLapse}>
            <span className="flex flex-wrap items-center gap-2">
              <LapseKindBadge kind={worker.openLapse.kind} />
              {worker.openLapse.deadline ? (
                <span className="text-slate-700">
                  {fillNodes(p.deadline, { time: <DateTime value={worker.openLapse.deadline} /> })}
                </span>
              ) : null}
            </span>
          </Item>
        ) : null}
      </DescriptionList>
    </section>
  );
}
