// /lapses: the review queue. Thin: check the role, prefetch the page of lapses (and the selected
// lapse) as this officer, and stream the client queue in behind a skeleton.
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { LapseQueue } from '@/components/lapses/lapse-queue';
import { parseLapseFilters } from '@/components/lapses/lapse-filters';
import { PageHeader } from '@/components/shared/page-header';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { pickUuid, toParamRecord, type RawSearchParams } from '@/lib/ui/url-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requirePageRole } from '@/lib/ui/page-access';
import { getRegionInfo } from '@/lib/ui/region-info';
import { scopedOkrugs } from '@/components/shared/scoped-okrugs';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getDictionary()).pages.lapses.title };
}

export default async function LapsesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const officer = await requirePageRole(['officer', 'supervisor']);
  const [t, raw, server] = await Promise.all([getDictionary(), searchParams, getServerQueries()]);
  const params = toParamRecord(raw);
  const selected = pickUuid(params.lapse);
  const { okrugs } = getRegionInfo();
  const queries = [server.lapses(parseLapseFilters(params)), ...(selected ? [server.lapse(selected)] : [])];
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-4 p-4 lg:p-6">
      <PageHeader title={t.pages.lapses.title} intro={t.pages.lapses.intro} />
      <Suspense fallback={<TableSkeleton rows={10} columns={6} label={t.pages.list.loading} />}>
        <PrefetchBoundary queries={queries}>
          <LapseQueue
            okrugs={okrugs}
            filterOkrugs={scopedOkrugs(okrugs, officer.okrugs)}
            role={officer.role}
          />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
