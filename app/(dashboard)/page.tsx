// Home: the map. A thin server component: checks the role, works out the okrugs the caller may
// filter by, prefetches the counters and hands over to the client map.
import { Suspense } from 'react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { MapClient } from '@/components/map/map-client';
import { MapPageSkeleton } from '@/components/map/map-page-skeleton';
import { getServerQueries } from '@/lib/api/server-context';
import { getDictionary } from '@/lib/i18n/server';
import { currentOfficer } from '@/lib/ui/current-officer';
import { canSee, homeFor } from '@/lib/ui/nav';
import { getRegionInfo } from '@/lib/ui/region-info';
import { getServerQueryClient } from '@/lib/ui/server-query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getDictionary();
  return { title: t.map.title };
}

export default async function MapPage() {
  const officer = await currentOfficer();
  if (!canSee(officer.role, 'map')) redirect(homeFor(officer.role));
  const t = await getDictionary();
  const region = getRegionInfo();
  const scoped = officer.role === 'officer';
  const okrugs = scoped ? region.okrugs.filter((o) => (officer.okrugs ?? []).includes(o.id)) : region.okrugs;

  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery((await getServerQueries()).summary());

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<MapPageSkeleton label={t.map.loading} />}>
        <MapClient
          okrugs={okrugs}
          okrugExtents={region.okrugExtents}
          scoped={scoped}
          defaultView={region.defaultView}
          regionExtent={region.regionExtent}
        />
      </Suspense>
    </HydrationBoundary>
  );
}
