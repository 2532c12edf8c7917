'use client';
// The map page in the browser: live counters on top, filters on the left, the map (Leaflet, loaded
// only in the browser through dynamic import) in the middle and the worker panel on the right.
// Filters, layers and the selected worker live in the URL.
import { useCallback, useMemo, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { writeHistory } from '@/lib/ui/url-state';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/api/queries';
import { useText } from '@/lib/i18n/client';
import type { OkrugOption } from '@/lib/ui/okrug';
import { FiltersPanel } from './filters-panel';
import type { BBox, CameraTarget, DataLayer, LayerState } from './layer-state';
import { LayerSwitch } from './layer-switch';
import { Legend } from './legend';
import { LiveCounters } from './live-counters';
import { MapSkeleton } from './map-skeleton';
import {
  parseMapUrl,
  writeMapUrl,
  type LayerKey,
  type MapFilters,
  type MapUrlState,
  type Viewport,
} from '@/lib/ui/map-url';
import { MapStatus } from './map-status';
import { useEarlyClusters } from './use-early-clusters';
import { useLiveStream } from './use-live-stream';
import { WorkerPanel } from './worker-panel';

function MapLoading() {
  const { t } = useText();
  return <MapSkeleton label={t.map.loading} />;
}

const LeafletMap = dynamic(() => import('./leaflet-map'), { ssr: false, loading: MapLoading });

export interface MapClientProps {
  /** Okrugs the caller may filter by: an officer's own, everyone else's all. */
  okrugs: OkrugOption[];
  okrugExtents: Record<string, BBox>;
  scoped: boolean;
  defaultView: { lat: number; lon: number; zoom: number };
  regionExtent: BBox;
}

function unionExtent(ids: readonly string[], extents: Record<string, BBox>): BBox | null {
  const boxes = ids.map((id) => extents[id]).filter((b): b is BBox => Boolean(b));
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

function writeUrl(next: MapUrlState, mode: 'replace' | 'push'): void {
  const params = writeMapUrl(next, new URLSearchParams(window.location.search));
  const query = params.toString();
  writeHistory(`${window.location.pathname}${query ? `?${query}` : ''}`, mode);
}

export function MapClient({ okrugs, okrugExtents, scoped, defaultView, regionExtent }: MapClientProps) {
  const { t, lang } = useText();
  const search = useSearchParams();
  const allowed = useMemo(() => okrugs.map((o) => o.id), [okrugs]);
  const state = useMemo(
    () => parseMapUrl(new URLSearchParams(search.toString()), allowed),
    [search, allowed],
  );
  const queryClient = useQueryClient();

  const seq = useRef(0);
  const [camera, setCamera] = useState<CameraTarget | null>(() => {
    // Start on the okrugs in the filter, else on an officer's own okrugs, else the default view.
    const extent = unionExtent(
      state.filters.okrug.length > 0 ? state.filters.okrug : scoped ? allowed : [],
      okrugExtents,
    );
    return extent ? { kind: 'bbox', bbox: extent, maxZoom: 13, seq: 0 } : null;
  });
  const mapBox = useRef<HTMLDivElement>(null);
  useEarlyClusters(mapBox, defaultView, camera === null, state.layers, state.filters);
  const [filtersOpen, setFiltersOpen] = useState(true);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [layerStates, setLayerStates] = useState<Record<DataLayer, LayerState | null>>({
    addresses: null,
    lapses: null,
    heat: null,
  });
  const onLayerState = useMemo(
    () => ({
      addresses: (s: LayerState | null) => setLayerStates((prev) => ({ ...prev, addresses: s })),
      lapses: (s: LayerState | null) => setLayerStates((prev) => ({ ...prev, lapses: s })),
      heat: (s: LayerState | null) => setLayerStates((prev) => ({ ...prev, heat: s })),
    }),
    [],
  );

  const selected = state.worker;
  const stream = useLiveStream(
    useCallback(
      (workerId: string) => {
        if (workerId === new URLSearchParams(window.location.search).get('worker')) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.worker(workerId) });
        }
      },
      [queryClient],
    ),
  );

  const current = () => parseMapUrl(new URLSearchParams(window.location.search), allowed);

  const changeFilters = (filters: MapFilters) => {
    const before = current();
    writeUrl({ ...before, filters }, 'replace');
    if (filters.okrug.join() !== before.filters.okrug.join()) {
      const extent = unionExtent(
        filters.okrug.length > 0 ? filters.okrug : scoped ? allowed : [],
        okrugExtents,
      );
      if (extent) setCamera({ kind: 'bbox', bbox: extent, maxZoom: 13, seq: ++seq.current });
    }
  };
  const changeLayers = (layers: LayerKey[]) => writeUrl({ ...current(), layers }, 'replace');
  const selectWorker = useCallback(
    (id: string) =>
      writeUrl({ ...parseMapUrl(new URLSearchParams(window.location.search), allowed), worker: id }, 'push'),
    [allowed],
  );
  const closeWorker = () => writeUrl({ ...current(), worker: null }, 'push');
  const zoomTo = useCallback((bbox: BBox) => setCamera({ kind: 'bbox', bbox, seq: ++seq.current }), []);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <h1 className="sr-only">{t.map.title}</h1>
      <LiveCounters stream={stream} />
      <div className="flex min-h-0 flex-1">
        <FiltersPanel
          filters={state.filters}
          okrugs={okrugs}
          scoped={scoped}
          open={filtersOpen}
          onOpenChange={setFiltersOpen}
          onChange={changeFilters}
        />
        <div ref={mapBox} className="relative min-w-0 flex-1 bg-[#dde3ea]">
          <p className="sr-only">{t.map.keyboardNote}</p>
          <LeafletMap
            lang={lang}
            label={t.map.regionLabel}
            initialView={defaultView}
            maxBounds={regionExtent}
            layers={state.layers}
            filters={state.filters}
            selectedWorker={selected}
            camera={camera}
            viewport={viewport}
            onViewport={setViewport}
            onSelectWorker={selectWorker}
            onZoomTo={zoomTo}
            onLayerState={onLayerState}
          />
          <div className="pointer-events-none absolute top-3 left-14 z-[1000] max-w-[calc(100%-20rem)]">
            <MapStatus states={[layerStates.addresses, layerStates.lapses, layerStates.heat]} />
          </div>
          <div className="pointer-events-none absolute top-3 right-3 z-[1000]">
            <LayerSwitch layers={state.layers} onChange={changeLayers} />
          </div>
          <div className="pointer-events-none absolute bottom-7 left-3 z-[1000]">
            <Legend layers={state.layers} />
          </div>
        </div>
        {selected ? (
          <WorkerPanel key={selected} workerId={selected} okrugs={okrugs} onClose={closeWorker} />
        ) : null}
      </div>
    </div>
  );
}
