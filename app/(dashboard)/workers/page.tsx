// /workers: search and filter workers in the officer's okrugs. The top-bar search submits here (?q=).
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { TableSkeleton } from '@/components/ui/skeleton';
import { PageHeader } from '@/components/shared/page-header';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { scopedOkrugs } from '@/components/shared/scoped-okrugs';
import { toParamRecord, type RawSearchParams } from '@/lib/ui/url-state';
import { parseWorkerFilters } from '@/components/workers/worker-filters';
import { WorkerList } from '@/components/workers/worker-list';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requirePageRole } from '@/lib/ui/page-access';
import { getRegionInfo } from '@/lib/ui/region-info';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDictionary()).pages.workers.title };
}

export default async function WorkersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const officer = await requirePageRole(['officer', 'supervisor']);
  const [t, raw, server] = await Promise.all([getDictionary(), searchParams, getServerQueries()]);
  const filters = parseWorkerFilters(toParamRecord(raw));
  const { okrugs } = getRegionInfo();
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-4 p-4 lg:p-6">
      <PageHeader title={t.pages.workers.title} intro={t.pages.workers.intro} />
      <Suspense fallback={<TableSkeleton rows={10} columns={7} label={t.pages.list.loading} />}>
        <PrefetchBoundary queries={[server.workers(filters)]}>
          <WorkerList okrugs={okrugs} filterOkrugs={scopedOkrugs(okrugs, officer.okrugs)} />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
