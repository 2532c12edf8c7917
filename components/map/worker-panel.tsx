'use client';
// The worker side panel on the right of the map (?worker=…): status and why, declared address and
// okrug, the open lapse with its likely cause, last fix, and the way to the full file. Opening it is
// an audited read of GET /api/v1/workers/{id}.
import { useEffect, useRef, type ReactNode } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, X } from 'lucide-react';
import { workerQuery } from '@/lib/api/queries';
import type { WorkerDetail } from '@/lib/api/workers';
import { CITIZENSHIPS, type Citizenship } from '@/lib/domain/types';
import { formatDateTime } from '@/lib/format/date';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { labelOkrug, type OkrugOption } from '@/lib/ui/okrug';
import { IconButton, LinkButton } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { LapseKindBadge } from '@/components/ui/lapse-kind-badge';
import { SkeletonText } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { DateTime, RelativeTime } from '@/components/ui/time';

function isCitizenship(code: string): code is Citizenship {
  return (CITIZENSHIPS as readonly string[]).includes(code);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="border-b border-slate-100 py-2.5 last:border-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function WorkerBody({ worker, okrugs }: { worker: WorkerDetail; okrugs: OkrugOption[] }) {
  const { t, lang, fill } = useText();
  const reason = worker.statusReason;
  const reasonLabel = reason
    ? (Object.entries(t.eventType).find(([type]) => type === reason.type)?.[1] ?? reason.type)
    : null;
  const openLapse = worker.openLapse;
  const lapse = openLapse ? worker.lapses.find((l) => l.id === openLapse.id) : undefined;
  // A cancellation is explained by the lapse that caused it, in the reader's language.
  const cancelLapseId = worker.status === 'cancelled' ? worker.currentRegistration?.cancelLapseId : null;
  const cancelLapse = cancelLapseId ? worker.lapses.find((l) => l.id === cancelLapseId) : undefined;
  const reasonDetail = cancelLapse
    ? `${t.lapseKind[cancelLapse.kind]} · ${t.map.panel.likelyCause}: ${t.likelyCause[cancelLapse.likelyCause]}`
    : reason &&
        (reasonLabel === reason.type ||
          (lang === 'en' && reason.cause.toLowerCase() !== reasonLabel?.toLowerCase()))
      ? reason.cause
      : null;
  const citizenship = isCitizenship(worker.citizenship)
    ? t.citizenship[worker.citizenship]
    : worker.citizenship;

  return (
    <>
      <div className="border-b border-slate-200 px-4 py-3">
        <p className="text-base leading-snug font-semibold break-words text-slate-900">
          {worker.fullNameCyrillic ?? worker.fullNameLatin}
        </p>
        {worker.fullNameCyrillic ? (
          <p className="text-sm break-words text-slate-600">{worker.fullNameLatin}</p>
        ) : null}
        <p className="mt-1 text-xs text-slate-600">
          {t.map.panel.citizenship}: {citizenship}
        </p>
      </div>
      <dl className="px-4 py-1">
        <Row label={t.map.panel.status}>
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={worker.status} />
            {worker.statusSince ? (
              <span className="text-xs text-slate-600">
                {fill(t.map.panel.since, { time: formatDateTime(worker.statusSince) })}
              </span>
            ) : null}
          </div>
          {reason ? (
            <p className="mt-1.5 text-sm text-slate-800">
              <span className="font-medium">{t.map.panel.reason}:</span> {reasonLabel}
              {reasonDetail ? <span className="block text-xs text-slate-600">{reasonDetail}</span> : null}
            </p>
          ) : null}
        </Row>
        <Row label={t.map.panel.declaredAddress}>
          {worker.declaredAddress ? (
            <>
              <p className="break-words" translate="no">
                {worker.declaredAddress.text}
              </p>
              <p className="text-xs text-slate-600">
                {t.map.panel.okrug}: {labelOkrug(lang, worker.declaredAddress.okrug ?? worker.okrug, okrugs)}
              </p>
            </>
          ) : (
            t.common.notSet
          )}
        </Row>
        <Row label={t.map.panel.openLapse}>
          {openLapse ? (
            <div className="space-y-1.5">
              <LapseKindBadge kind={openLapse.kind} />
              {lapse ? (
                <p className="text-xs text-slate-700">
                  <DateTime value={lapse.startedAt} /> · {t.map.panel.likelyCause}:{' '}
                  {t.likelyCause[lapse.likelyCause]}
                </p>
              ) : null}
              {lapse ? (
                <p className="text-sm">{lang === 'ru' ? lapse.explanationRu : lapse.explanationEn}</p>
              ) : null}
              {openLapse.deadline ? (
                <p className="text-xs font-medium text-amber-900">
                  {fill(t.map.panel.deadline, { time: formatDateTime(openLapse.deadline) })}
                </p>
              ) : null}
              <Link
                href={`/lapses/${openLapse.id}`}
                className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 underline"
              >
                {t.map.panel.reviewLapse}
                <ArrowRight aria-hidden="true" className="size-3.5" />
              </Link>
            </div>
          ) : (
            <span className="text-slate-600">{t.map.panel.noOpenLapse}</span>
          )}
        </Row>
        <Row label={t.map.panel.lastFix}>
          {worker.lastFix ? (
            <>
              <RelativeTime value={worker.lastFix.at} />
              {worker.lastFix.battery !== null ? (
                <span className="text-xs text-slate-600">
                  {' · '}
                  {fill(t.map.panel.battery, { value: `${formatNumber(lang, worker.lastFix.battery)} %` })}
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-slate-600">{t.map.panel.noFix}</span>
          )}
        </Row>
      </dl>
      <div className="space-y-2 border-t border-slate-200 px-4 py-3">
        <LinkButton href={`/workers/${worker.id}`} variant="primary" className="w-full">
          {t.map.panel.openFile}
          <ArrowRight aria-hidden="true" className="size-4" />
        </LinkButton>
        <p className="text-xs text-slate-600">{t.map.panel.auditNote}</p>
      </div>
    </>
  );
}

export function WorkerPanel({
  workerId,
  okrugs,
  onClose,
}: {
  workerId: string;
  okrugs: OkrugOption[];
  onClose: () => void;
}) {
  const { t } = useText();
  const { data, error, refetch, isFetching } = useQuery(workerQuery(workerId));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [workerId]);

  return (
    <aside
      aria-labelledby="worker-panel-title"
      className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
        <h2
          id="worker-panel-title"
          ref={heading}
          tabIndex={-1}
          className="flex-1 text-sm font-semibold text-slate-900 focus:outline-none"
        >
          {t.map.panel.title}
        </h2>
        <IconButton label={t.map.panel.close} size="sm" onClick={onClose}>
          <X aria-hidden="true" className="size-4" />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={!data && !error}>
        {data ? (
          <WorkerBody worker={data} okrugs={okrugs} />
        ) : error ? (
          <div className="p-4">
            <ErrorState
              compact
              title={t.map.panel.loadFailed}
              error={error}
              onRetry={() => void refetch()}
              retrying={isFetching}
            />
          </div>
        ) : (
          <div className="space-y-4 p-4">
            <span className="sr-only">{t.common.loading}</span>
            <SkeletonText lines={2} />
            <SkeletonText lines={4} />
            <SkeletonText lines={3} />
          </div>
        )}
      </div>
    </aside>
  );
}
