// /workers/[id]: one worker's file. Opening it is an audited read (the API records it).
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SkeletonText } from '@/components/ui/skeleton';
import { getPlotBase } from '@/components/workers/plot/plot-base';
import { PrefetchBoundary } from '@/components/workers/shared/prefetch-boundary';
import { pickUuid } from '@/components/workers/shared/search-params';
import { WorkerFile } from '@/components/workers/worker-file';
import { workerQuery } from '@/lib/api/queries';
import { getServerApiContext } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requireOfficer } from '@/lib/server/session';
import { getRegionInfo } from '@/lib/ui/region-info';

export async function generateMetadata(): Promise<Metadata> {
  // No name in the title: titles end up in browser history and shared screens.
  return { title: (await getDictionary()).pages.workers.title };
}

export default async function WorkerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireOfficer(['officer', 'supervisor']);
  const [{ id: raw }, ctx] = await Promise.all([params, getServerApiContext()]);
  const id = pickUuid(raw);
  if (!id) notFound();
  const { okrugs } = getRegionInfo();
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-4 p-4 lg:p-6">
      <Suspense fallback={<SkeletonText lines={12} className="max-w-3xl" />}>
        <PrefetchBoundary queries={[workerQuery(id, ctx)]}>
          <WorkerFile id={id} okrugs={okrugs} plotBase={getPlotBase()} />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
