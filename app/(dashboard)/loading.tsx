import { MapPageSkeleton } from '@/components/map/map-page-skeleton';
import { getDictionary } from '@/lib/i18n/server';

export default async function MapLoading() {
  const t = await getDictionary();
  return <MapPageSkeleton label={t.map.loading} />;
}
