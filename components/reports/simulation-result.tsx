'use client';
// The simulator's answer: the given and the current policy side by side, and the difference.
import { TriangleAlert } from 'lucide-react';
import type { SimulateResult } from '@/lib/api/policy';
import { formatDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { cn } from '@/lib/ui/cn';

export function SimulationResult({ result }: { result: SimulateResult }) {
  const { t, lang, fill } = useText();
  const p = t.pages.simulate;
  const n = (v: number) => formatNumber(lang, v);
  const diff = result.given.cancellations - result.current.cancellations;
  const thresholds = (o: SimulateResult['given']) =>
    fill(p.thresholds, {
      lapseAfter: formatDuration(lang, o.lapseAfterSeconds),
      grace:
        o.graceSeconds === 0
          ? p.noGrace
          : fill(p.graceValue, { value: formatDuration(lang, o.graceSeconds) }),
    });
  const cards = [
    { key: 'given', title: p.given, outcome: result.given, accent: true },
    { key: 'current', title: p.current, outcome: result.current, accent: false },
  ];
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        {cards.map(({ key, title, outcome, accent }) => (
          <section
            key={key}
            aria-labelledby={`sim-${key}`}
            className={cn(
              'rounded-lg border p-4',
              accent ? 'border-blue-300 bg-blue-50/50' : 'border-slate-200 bg-white',
            )}
          >
            <h4 id={`sim-${key}`} className="font-semibold text-slate-900">
              {title}
            </h4>
            <p className="text-xs text-slate-600">{thresholds(outcome)}</p>
            <dl className="mt-3 grid grid-cols-3 gap-2">
              {[
                [p.cancellations, outcome.cancellations],
                [p.lapses, outcome.lapses],
                [p.workers, outcome.workersAffected],
              ].map(([label, value]) => (
                <div key={String(label)}>
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{n(Number(value))}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="text-sm font-medium text-slate-900">
        {fill(p.difference, { value: `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${n(Math.abs(diff))}` })}
      </p>
      <p className="text-xs text-slate-600">
        {fill(p.considered, {
          count: n(result.workersConsidered),
          from: formatDate(result.from),
          to: formatDate(new Date(Date.parse(result.to) - 1)),
        })}
      </p>
      {result.retentionLimited ? (
        <p className="flex items-start gap-1.5 text-sm text-amber-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {p.retentionLimited}
        </p>
      ) : null}
    </div>
  );
}
