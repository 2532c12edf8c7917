// The map page's shape before anything has loaded: counters, filter rail, map.
import { Skeleton } from '@/components/ui/skeleton';
import { CountersSkeleton } from './live-counters';
import { MapSkeleton } from './map-skeleton';

export function MapPageSkeleton({ label }: { label: string }) {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <CountersSkeleton />
      <div className="flex min-h-0 flex-1">
        <div aria-hidden="true" className="w-72 shrink-0 space-y-3 border-r border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-4" style={{ width: `${85 - i * 8}%` }} />
          ))}
        </div>
        <div className="relative min-w-0 flex-1">
          <MapSkeleton label={label} />
        </div>
      </div>
    </div>
  );
}
