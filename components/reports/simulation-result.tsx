'use client';
// The simulator's answer: what the replay could cover, whether the rules in force reproduce the
// record, and every rule set side by side — in total and per day.
import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { SimulateResult } from '@/lib/api/policy';
import { formatDateTime } from '@/lib/format/date';
import { formatDuration } from '@/lib/format/duration';
import { formatNumber, formatPercent } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { SimulationDays } from './simulation-days';
import { RULE_ROWS, type RuleRow } from './simulation-rules';

type Outcome = { lapses: number; cancellations: number; workersAffected?: number };

export function SimulationResult({ result }: { result: SimulateResult }) {
  const { t, lang, fill } = useText();
  const r = t.replay;
  const p = t.pages.simulate;
  const n = (v: number) => formatNumber(lang, v);
  const c = result.coverage;
  const periodHours = result.days.reduce((s, d) => s + d.hours, 0);
  const replayedHours = result.days.reduce((s, d) => s + d.replayedHours, 0);
  const outcomes: Record<RuleRow, Outcome> = {
    recorded: result.recorded,
    inForce: result.inForce,
    current: result.current,
    strict: result.presets.strict,
    '121-FZ': result.presets['121-FZ'],
    custom: result.given,
  };
  const agrees =
    result.inForce.lapses === result.recorded.lapses &&
    result.inForce.cancellations === result.recorded.cancellations;
  const hint = (row: RuleRow) =>
    row === 'custom'
      ? fill(r.ruleHints.custom, {
          lapseAfter: formatDuration(lang, result.given.lapseAfterSeconds),
          grace:
            result.given.graceSeconds === 0
              ? p.noGrace
              : fill(p.graceValue, { value: formatDuration(lang, result.given.graceSeconds) }),
        })
      : r.ruleHints[row];
  return (
    <div className="flex flex-col gap-3" data-testid="simulation-result">
      <p className="text-sm text-slate-700" data-testid="simulation-coverage">
        {fill(r.coverage, {
          replayed: n(c.workersReplayed),
          total: n(c.workersInScope),
          share: formatPercent(lang, c.fullDensityShare),
          from: formatDateTime(c.replayedFrom),
          to: formatDateTime(c.replayedTo),
          hours: formatNumber(lang, replayedHours, { maximumFractionDigits: 1 }),
          periodHours: formatNumber(lang, periodHours, { maximumFractionDigits: 1 }),
        })}
      </p>
      {c.fullDensityFrom && Date.parse(c.fullDensityFrom) > Date.parse(result.from) ? (
        <p className="flex items-start gap-1.5 text-sm text-amber-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {replayedHours === 0 ? r.noReplay : fill(r.sparse, { time: formatDateTime(c.fullDensityFrom) })}
        </p>
      ) : null}
      <p
        data-testid="simulation-agreement"
        data-agrees={agrees ? 'true' : 'false'}
        className={`flex items-start gap-1.5 text-sm font-medium ${agrees ? 'text-emerald-900' : 'text-red-800'}`}
      >
        {agrees ? (
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        ) : (
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        )}
        {fill(agrees ? r.agrees : r.differs, {
          lapses: n(result.inForce.lapses),
          cancellations: n(result.inForce.cancellations),
          recLapses: n(result.recorded.lapses),
          recCancellations: n(result.recorded.cancellations),
        })}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm" data-testid="simulation-totals">
          <caption className="mb-1 text-left text-sm font-semibold text-slate-900">{r.totalsCaption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">
                {r.rule}
              </th>
              {[p.lapses, p.cancellations, p.workers].map((h) => (
                <th key={h} scope="col" className="py-1 pr-3 text-right font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RULE_ROWS.map((row) => (
              <tr key={row} data-rule={row} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <span className="font-medium text-slate-900">{r.rules[row]}</span>
                  <span className="block text-xs text-slate-600">{hint(row)}</span>
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(outcomes[row].lapses)}</td>
                <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">
                  {n(outcomes[row].cancellations)}
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">
                  {n(outcomes[row].workersAffected ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SimulationDays result={result} />
      {result.retentionLimited ? (
        <p className="flex items-start gap-1.5 text-sm text-amber-900">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {p.retentionLimited}
        </p>
      ) : null}
    </div>
  );
}
