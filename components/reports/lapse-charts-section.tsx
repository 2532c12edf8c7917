'use client';
// The charts part of /reports: lapse statistics over the period chosen in the URL (?days=).
import { SelectFilter } from '@/components/shared/filter-controls';
import { useUrlState } from '@/components/shared/use-url-state';
import { useT } from '@/lib/i18n/client';
import type { OkrugOption } from '@/lib/ui/okrug';
import { LapsesPerDayChart } from './lapse-charts';
import { LapsesByGroupChart } from './lapse-group-chart';
import { DEFAULT_REPORT_PERIOD, readReportPeriod, REPORT_PERIODS, reportRange } from './report-range';

export function LapseChartsSection({ okrugs }: { okrugs: OkrugOption[] }) {
  const t = useT();
  const p = t.pages.reports;
  const { params, update } = useUrlState();
  const days = readReportPeriod(params);
  const { from, to } = reportRange(days);
  const periodLabels = { '7': p.periods.d7, '14': p.periods.d14, '30': p.periods.d30, '90': p.periods.d90 };
  return (
    <section aria-label={p.perDay} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectFilter
          label={p.period}
          value={days}
          options={REPORT_PERIODS.map((d) => ({ value: d, label: periodLabels[d] }))}
          onChange={(v) => update({ days: v === DEFAULT_REPORT_PERIOD ? undefined : v }, { push: true })}
        />
      </div>
      <LapsesPerDayChart from={from} to={to} />
      <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
        <LapsesByGroupChart group="citizenship" title={p.byCitizenship} from={from} to={to} okrugs={okrugs} />
        <LapsesByGroupChart group="okrug" title={p.byOkrug} from={from} to={to} okrugs={okrugs} />
        <LapsesByGroupChart group="kind" title={p.byKind} from={from} to={to} okrugs={okrugs} />
      </div>
    </section>
  );
}
