'use client';
// A worker's places and trace on the real map, as a figure: the map (Leaflet, browser only), a
// caption and a legend; for a trace the legend is a time scale from the first fix to the last.
import dynamic from 'next/dynamic';
import { useId, type ReactNode } from 'react';
import { formatDateTime } from '@/lib/format/date';
import { useText } from '@/lib/i18n/client';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';
import type { PlaceMark } from './place-map-leaflet';
import { TIME_GRADIENT, type TimedPoint } from './trace-colors';

export type { PlaceMark } from './place-map-leaflet';

// Not the map page's skeleton: no role=status inside a dialog that announces its own status.
function Loading() {
  return <div aria-busy="true" className="absolute inset-0 animate-pulse bg-slate-100" />;
}

const PlaceMapLeaflet = dynamic(() => import('./place-map-leaflet'), { ssr: false, loading: Loading });

export function PlaceMap({
  places,
  trace,
  caption,
  className = 'h-72',
}: {
  places: PlaceMark[];
  trace?: TimedPoint[];
  caption: ReactNode;
  className?: string;
}) {
  const { t, fill } = useText();
  const m = t.placeMap;
  const captionId = useId();
  const hasLapse = places.some((p) => p.kind === 'lapse');
  const first = trace?.[0];
  const last = trace?.[trace.length - 1];
  return (
    <figure aria-labelledby={captionId}>
      <div
        className={`relative overflow-hidden rounded-md border border-slate-200 bg-[#dde3ea] ${className}`}
      >
        <PlaceMapLeaflet
          label={trace ? m.traceLabel : m.regionLabel}
          places={places}
          trace={trace}
          maxZoom={trace ? 17 : 12}
        />
      </div>
      <figcaption id={captionId} className="mt-1.5 text-xs text-slate-600">
        {caption}
      </figcaption>
      <ul className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
        {places.some((p) => p.kind === 'address') ? (
          <li className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-full border-2 border-white ring-1 ring-slate-300"
              style={{ background: STATUS_STYLES.pending.color }}
            />
            {m.address}
          </li>
        ) : null}
        {hasLapse ? (
          <li className="inline-flex items-center gap-1.5">
            <svg viewBox="-8 -8 16 16" className="size-3.5" aria-hidden="true">
              <polygon points="0,-7 7,5.6 -7,5.6" fill={OPEN_LAPSE_COLOR} stroke="#5b1a3f" />
            </svg>
            {m.lapse}
          </li>
        ) : null}
        {first && last ? (
          <li className="inline-flex items-center gap-1.5" data-testid="trace-time-scale">
            <span>{m.earlier}</span>
            <span
              aria-hidden="true"
              className="inline-block h-2.5 w-28 rounded-full"
              style={{ background: TIME_GRADIENT }}
            />
            <span>{m.later}</span>
            <span className="text-slate-600">
              ({fill(m.timeScale, { from: formatDateTime(first.time), to: formatDateTime(last.time) })})
            </span>
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
