// /reports: key figures, lapse statistics, the current policy, the simulator and (supervisor) policy
// changes. Each part prefetches its own data for this officer's scope and streams in on its own.
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { Skeleton } from '@/components/ui/skeleton';
import { LapseChartsSection } from '@/components/reports/lapse-charts-section';
import { PolicySection } from '@/components/reports/policy-section';
import { readReportPeriod, reportRange } from '@/components/reports/report-range';
import { SummaryFigures } from '@/components/reports/summary-figures';
import { PageHeader } from '@/components/shared/page-header';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { toParamRecord, type RawSearchParams } from '@/lib/ui/url-state';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requirePageRole } from '@/lib/ui/page-access';
import { getRegionInfo } from '@/lib/ui/region-info';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDictionary()).pages.reports.title };
}

const GROUPS = ['day', 'citizenship', 'okrug', 'kind'] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const officer = await requirePageRole(['officer', 'supervisor', 'auditor']);
  const [t, raw, server] = await Promise.all([getDictionary(), searchParams, getServerQueries()]);
  const { from, to } = reportRange(readReportPeriod(toParamRecord(raw)));
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-6 p-4 lg:p-6">
      <PageHeader title={t.pages.reports.title} intro={t.pages.reports.intro} />
      <Suspense fallback={<Skeleton className="h-32" />}>
        <PrefetchBoundary queries={[server.summary()]}>
          <SummaryFigures />
        </PrefetchBoundary>
      </Suspense>
      <Suspense fallback={<Skeleton className="h-[32rem]" />}>
        <PrefetchBoundary queries={GROUPS.map((groupBy) => server.lapseStats({ from, to, groupBy }))}>
          <LapseChartsSection okrugs={getRegionInfo().okrugs} />
        </PrefetchBoundary>
      </Suspense>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <PrefetchBoundary queries={[server.policy()]}>
          <PolicySection role={officer.role} />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
