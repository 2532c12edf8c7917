'use client';
// Key figures of the officer's okrugs: live registrations and today's cancellations, and figures that
// move under any grace period (lapse rate, technical share, review work, reinstatements). Numbers
// through Intl; each card says what it means in words.
import { useQuery } from '@tanstack/react-query';
import type { LucideIcon } from 'lucide-react';
import { Skeleton } from '@/components/ui/skeleton';
import { QueryView } from '@/components/shared/query-view';
import { fillNodes } from '@/components/shared/fill-nodes';
import { DateTime } from '@/components/ui/time';
import { summaryQuery } from '@/lib/api/queries';
import { formatNumber, formatPercent } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { STATUS_STYLES } from '@/lib/ui/status';
import { Activity, ClipboardList, RotateCcw, Timer, Users, Wrench } from 'lucide-react';

interface Figure {
  key: string;
  label: string;
  value: string;
  hint?: string;
  icon: LucideIcon;
  color: string;
}

export function SummaryFigures() {
  const { t, lang, fill } = useText();
  const p = t.pages.reports;
  const f = t.replay.figures;
  const query = useQuery(summaryQuery());
  return (
    <section aria-labelledby="report-figures-title" className="flex flex-col gap-2">
      <h2 id="report-figures-title" className="text-base font-semibold text-slate-900">
        {p.figures}
      </h2>
      <QueryView
        query={query}
        errorTitle={p.loadFailed}
        skeleton={
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-5" aria-busy="true">
            {Array.from({ length: 10 }, (_, i) => (
              <Skeleton key={i} className="h-24" />
            ))}
          </div>
        }
      >
        {(s) => {
          const n = (v: number) => formatNumber(lang, v);
          const period = fill(f.period, { days: n(s.periodDays) });
          const figures: Figure[] = [
            {
              key: 'registered',
              label: p.registered,
              value: n(s.registered),
              hint: p.registeredHint,
              icon: Users,
              color: '#334155',
            },
            {
              key: 'active',
              label: p.active,
              value: n(s.active),
              icon: STATUS_STYLES.active.icon,
              color: STATUS_STYLES.active.fg,
            },
            {
              key: 'interrupted',
              label: p.interrupted,
              value: n(s.interrupted),
              hint: f.interruptedHint,
              icon: STATUS_STYLES.interrupted.icon,
              color: STATUS_STYLES.interrupted.fg,
            },
            {
              key: 'cancelledToday',
              label: p.cancelledToday,
              value: n(s.cancelledToday),
              icon: STATUS_STYLES.cancelled.icon,
              color: STATUS_STYLES.cancelled.fg,
            },
            {
              key: 'lapsesRate',
              label: f.lapsesRate,
              value: formatNumber(lang, s.lapsesPer1000PerDay, { maximumFractionDigits: 1 }),
              hint: `${f.lapsesRateHint} (${period})`,
              icon: Activity,
              color: '#8A2E62',
            },
            {
              key: 'technical',
              label: f.technicalShare,
              value:
                s.technicalCancelShare === null
                  ? f.noCancellations
                  : formatPercent(lang, s.technicalCancelShare),
              hint: `${f.technicalShareHint} ${fill(f.technicalOf, { count: n(s.cancellations) })} (${period})`,
              icon: Wrench,
              color: '#334155',
            },
            {
              key: 'reviewsPending',
              label: f.reviewsPending,
              value: n(s.reviewsPending),
              hint: f.reviewsPendingHint,
              icon: ClipboardList,
              color: STATUS_STYLES.cancelled.fg,
            },
            {
              key: 'medianReview',
              label: f.medianReview,
              value:
                s.medianReviewHours === null
                  ? f.noReviews
                  : fill(f.hours, {
                      value: formatNumber(lang, s.medianReviewHours, { maximumFractionDigits: 1 }),
                    }),
              hint: `${f.medianReviewHint} (${period})`,
              icon: Timer,
              color: '#334155',
            },
            {
              key: 'reinstatements',
              label: f.reinstatements,
              value: n(s.reinstatements),
              hint: `${f.reinstatementsHint} (${period})`,
              icon: RotateCcw,
              color: STATUS_STYLES.active.fg,
            },
            {
              key: 'open',
              label: p.openLapses,
              value: n(s.openLapses),
              icon: STATUS_STYLES.interrupted.icon,
              color: '#8A2E62',
            },
          ];
          return (
            <>
              <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-5">
                {figures.map((f) => (
                  <div key={f.key} className="flex flex-col rounded-lg border border-slate-200 bg-white p-3">
                    <dt className="flex items-start gap-1.5 text-sm text-slate-700">
                      <f.icon
                        aria-hidden="true"
                        className="mt-0.5 size-4 shrink-0"
                        style={{ color: f.color }}
                      />
                      <span className="min-w-0 break-words">{f.label}</span>
                    </dt>
                    <dd className="order-first mb-1 text-2xl font-semibold text-slate-900 tabular-nums">
                      {f.value}
                    </dd>
                    {f.hint ? <dd className="mt-1 text-xs text-slate-600">{f.hint}</dd> : null}
                  </div>
                ))}
              </dl>
              <p className="text-xs text-slate-600">
                {fillNodes(p.asOf, { time: <DateTime value={s.asOf} /> })}
              </p>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
