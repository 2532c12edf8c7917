'use client';
// The simulator per day: each rule set's cancellations and lapses beside the record, and how much
// of the day the replay covered.
import type { SimulateResult } from '@/lib/api/policy';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { RULE_ROWS } from './simulation-rules';

export function SimulationDays({ result }: { result: SimulateResult }) {
  const { t, lang } = useText();
  const r = t.replay;
  const n = (v: number) => formatNumber(lang, v);
  const dayLabel = (day: string) => {
    const [y, m, d] = day.split('-');
    return lang === 'ru' ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[48rem] text-sm" data-testid="simulation-days">
        <caption className="mb-1 text-left text-sm font-semibold text-slate-900">{r.daysCaption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">
              {r.day}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {r.hoursReplayed}
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              {r.workersWithFixes}
            </th>
            {RULE_ROWS.map((row) => (
              <th key={row} scope="col" className="py-1 pr-3 text-right font-medium">
                {r.rules[row]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.days.map((d) => {
            const cells = { ...d.rules, recorded: d.recorded };
            const none = d.replayedHours === 0;
            return (
              <tr key={d.day} data-day={d.day} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-medium whitespace-nowrap">
                  {dayLabel(d.day)}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">
                  {formatNumber(lang, d.replayedHours, { maximumFractionDigits: 1 })} /{' '}
                  {formatNumber(lang, d.hours, { maximumFractionDigits: 1 })}
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{n(d.workersWithFixes)}</td>
                {RULE_ROWS.map((row) => (
                  <td key={row} data-rule={row} className="py-1.5 pr-3 text-right tabular-nums">
                    {none ? '—' : `${n(cells[row].cancellations)} / ${n(cells[row].lapses)}`}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
