'use client';
// Lapses per day of the report period, stacked by likely cause, with the data as a table.
import { ChartLegend } from './chart-legend';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/shared/query-view';
import { lapseStatsQuery } from '@/lib/api/queries';
import type { LapseStats } from '@/lib/api/stats';
import { LIKELY_CAUSES } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import { CAUSE_COLORS } from './cause-colors';
import { ChartCard } from './chart-card';

export const AXIS = { fontSize: 12, fill: '#334155' };

/** Legend labels in body text colour: series colours are too light for text. */
function dayLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(key);
  return m ? `${m[3]}.${m[2]}` : key;
}

type StatsRow = LapseStats['rows'][number];

/** Every day of the period, with zero rows for days without lapses, so gaps show as gaps. */
function fillDays(rows: StatsRow[], from: string, to: string): StatsRow[] {
  const byKey = new Map(rows.map((r) => [r.key.slice(0, 10), r]));
  const out: StatsRow[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= end && out.length < 400; d += 86_400_000) {
    const key = new Date(d).toISOString().slice(0, 10);
    out.push(byKey.get(key) ?? { key, count: 0, byCause: {}, byKind: {}, cancellations: 0 });
  }
  return out.length > 0 ? out : rows;
}

export function LapsesPerDayChart({ from, to }: { from: string; to: string }) {
  const { t, lang } = useText();
  const p = t.pages.reports;
  const query = useQuery(lapseStatsQuery({ from, to, groupBy: 'day' }));
  return (
    <QueryView query={query} skeleton={<Skeleton className="h-96" />} errorTitle={p.loadFailed}>
      {(stats) => {
        const days = fillDays(stats.rows, from, to);
        const causes = LIKELY_CAUSES.filter((c) => days.some((r) => (r.byCause[c] ?? 0) > 0));
        const data = days.map((r) => ({ day: dayLabel(r.key), ...r.byCause }));
        const n = (v: number) => formatNumber(lang, v);
        if (days.every((r) => r.count === 0)) return <EmptyState title={p.perDay} description={p.noData} />;
        return (
          <ChartCard
            title={p.perDay}
            description={p.perDayDesc}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={data}
                  margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid vertical={false} stroke="#e2e8f0" />
                  <XAxis dataKey="day" tick={AXIS} interval="preserveStartEnd" />
                  <YAxis tick={AXIS} allowDecimals={false} tickFormatter={n} width={48} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? n(v) : String(v))} />
                  <Legend content={(props) => <ChartLegend payload={props.payload} />} />
                  {causes.map((c) => (
                    <Bar
                      key={c}
                      dataKey={c}
                      name={t.likelyCause[c]}
                      stackId="causes"
                      fill={CAUSE_COLORS[c]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [p.day, ...causes.map((c) => t.likelyCause[c]), p.total],
              rows: days.map((r) => ({
                key: r.key,
                label: dayLabel(r.key),
                values: [...causes.map((c) => n(r.byCause[c] ?? 0)), n(r.count)],
              })),
            }}
          />
        );
      }}
    </QueryView>
  );
}
