// /workers/[id]: one worker's file. Opening it is an audited read. It is read before the page
// streams, so a worker outside the officer's okrugs (or no worker) answers a real 404.
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SkeletonText } from '@/components/ui/skeleton';
import { PrefetchBoundary } from '@/components/shared/prefetch-boundary';
import { pickUuid } from '@/lib/ui/url-state';
import { WorkerFile } from '@/components/workers/worker-file';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { requirePageRole } from '@/lib/ui/page-access';
import { getRegionInfo } from '@/lib/ui/region-info';

export async function generateMetadata(): Promise<Metadata> {
  // No name in the title: titles end up in browser history and shared screens.
  return { title: (await getDictionary()).pages.workers.title };
}

export default async function WorkerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole(['officer', 'supervisor']);
  const [{ id: raw }, server] = await Promise.all([params, getServerQueries()]);
  const id = pickUuid(raw);
  if (!id) notFound();
  const query = await server.worker(id);
  if (!query) notFound();
  const { okrugs } = getRegionInfo();
  return (
    <div className="mx-auto flex w-full max-w-[110rem] flex-col gap-4 p-4 lg:p-6">
      <Suspense fallback={<SkeletonText lines={12} className="max-w-3xl" />}>
        <PrefetchBoundary queries={[query]}>
          <WorkerFile id={id} okrugs={okrugs} />
        </PrefetchBoundary>
      </Suspense>
    </div>
  );
}
