'use client';
// Lapse totals by citizenship, okrug or kind over the report period, with cancellations beside them.
import { ChartLegend } from './chart-legend';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { citizenshipLabel } from '@/components/shared/labels';
import { QueryView } from '@/components/shared/query-view';
import { lapseStatsQuery } from '@/lib/api/queries';
import type { LapseStats } from '@/lib/api/stats';
import { LAPSE_KINDS } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format/number';
import type { Dictionary, Lang } from '@/lib/i18n';
import { useText } from '@/lib/i18n/client';
import { okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { STATUS_STYLES } from '@/lib/ui/status';
import { LAPSE_BAR_COLOR } from './cause-colors';
import { ChartCard } from './chart-card';
import { AXIS } from './lapse-charts';
import type { ReportGroup } from './report-range';

function groupLabel(
  group: ReportGroup,
  key: string,
  t: Dictionary,
  lang: Lang,
  okrugs: OkrugOption[],
): string {
  if (group === 'citizenship') return citizenshipLabel(t, key);
  if (group === 'okrug') {
    const okrug = okrugs.find((o) => o.id === key);
    return okrug ? okrugShort(lang, okrug) : key;
  }
  if (group === 'kind') {
    const kind = LAPSE_KINDS.find((k) => k === key);
    return kind ? t.lapseKind[kind] : key;
  }
  return key;
}

export function LapsesByGroupChart({
  group,
  title,
  from,
  to,
  okrugs,
}: {
  group: Exclude<ReportGroup, 'day'>;
  title: string;
  from: string;
  to: string;
  okrugs: OkrugOption[];
}) {
  const { t, lang } = useText();
  const p = t.pages.reports;
  const query = useQuery(lapseStatsQuery({ from, to, groupBy: group }));
  return (
    <QueryView query={query} skeleton={<Skeleton className="h-96" />} errorTitle={p.loadFailed}>
      {(stats: LapseStats) => {
        const n = (v: number) => formatNumber(lang, v);
        const rows = [...stats.rows]
          .sort((a, b) => b.count - a.count)
          .map((r) => ({
            key: r.key,
            label: groupLabel(group, r.key, t, lang, okrugs),
            count: r.count,
            cancellations: r.cancellations,
          }));
        if (rows.length === 0) return <EmptyState title={title} description={p.noData} />;
        return (
          <ChartCard
            title={title}
            description={rows.map((r) => `${r.label}: ${n(r.count)}`).join('; ')}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={rows}
                  layout="vertical"
                  margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid horizontal={false} stroke="#e2e8f0" />
                  <XAxis type="number" tick={AXIS} allowDecimals={false} tickFormatter={n} />
                  <YAxis type="category" dataKey="label" tick={AXIS} width={110} interval={0} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? n(v) : String(v))} />
                  <Legend content={(props) => <ChartLegend payload={props.payload} />} />
                  <Bar dataKey="count" name={p.lapses} fill={LAPSE_BAR_COLOR} isAnimationActive={false} />
                  <Bar
                    dataKey="cancellations"
                    name={p.cancellations}
                    fill={STATUS_STYLES.cancelled.color}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [p.group, p.lapses, p.cancellations],
              rows: rows.map((r) => ({
                key: r.key,
                label: r.label,
                values: [n(r.count), n(r.cancellations)],
              })),
            }}
          />
        );
      }}
    </QueryView>
  );
}
