'use client';
// Lapse statistics for the report period: per day stacked by likely cause, and totals by
// citizenship, okrug and kind. Each chart comes with its data as a table.
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/workers/shared/query-view';
import { citizenshipLabel } from '@/components/workers/shared/labels';
import { lapseStatsQuery } from '@/lib/api/queries';
import type { LapseStats } from '@/lib/api/stats';
import { LAPSE_KINDS, LIKELY_CAUSES } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format/number';
import type { Dictionary, Lang } from '@/lib/i18n';
import { useText } from '@/lib/i18n/client';
import { okrugShort, type OkrugOption } from '@/lib/ui/okrug';
import { STATUS_STYLES } from '@/lib/ui/status';
import { CAUSE_COLORS, LAPSE_BAR_COLOR } from './cause-colors';
import { ChartCard } from './chart-card';
import type { ReportGroup } from './report-range';

const AXIS = { fontSize: 12, fill: '#334155' };

/** Legend labels in body text colour: series colours are too light for text. */
function legendText(value: string) {
  return <span style={{ color: '#334155' }}>{value}</span>;
}

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
                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid vertical={false} stroke="#e2e8f0" />
                  <XAxis dataKey="day" tick={AXIS} interval="preserveStartEnd" />
                  <YAxis tick={AXIS} allowDecimals={false} tickFormatter={n} width={48} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? n(v) : String(v))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
                  {causes.map((c) => (
                    <Bar key={c} dataKey={c} name={t.likelyCause[c]} stackId="causes" fill={CAUSE_COLORS[c]} isAnimationActive={false} />
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

function groupLabel(group: ReportGroup, key: string, t: Dictionary, lang: Lang, okrugs: OkrugOption[]): string {
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
          .map((r) => ({ key: r.key, label: groupLabel(group, r.key, t, lang, okrugs), count: r.count, cancellations: r.cancellations }));
        if (rows.length === 0) return <EmptyState title={title} description={p.noData} />;
        return (
          <ChartCard
            title={title}
            description={rows.map((r) => `${r.label}: ${n(r.count)}`).join('; ')}
            chart={
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
                  <CartesianGrid horizontal={false} stroke="#e2e8f0" />
                  <XAxis type="number" tick={AXIS} allowDecimals={false} tickFormatter={n} />
                  <YAxis type="category" dataKey="label" tick={AXIS} width={110} interval={0} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? n(v) : String(v))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
                  <Bar dataKey="count" name={p.lapses} fill={LAPSE_BAR_COLOR} isAnimationActive={false} />
                  <Bar dataKey="cancellations" name={p.cancellations} fill={STATUS_STYLES.cancelled.color} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={{
              columns: [p.group, p.lapses, p.cancellations],
              rows: rows.map((r) => ({ key: r.key, label: r.label, values: [n(r.count), n(r.cancellations)] })),
            }}
          />
        );
      }}
    </QueryView>
  );
}
