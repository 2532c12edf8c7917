'use client';
// Asks for the opening view's clusters as soon as the page is in the browser, rather than after the
// map script has loaded and Leaflet has reported its first viewport: the request then runs while
// that script downloads and the map mounts. Same query key as the layer's own request, so the
// layer finds the answer in flight or cached. Only for the plain opening view: when the page opens
// on okrugs (filter or an officer's own) the camera moves first and the view is not known here.
import { useEffect, useRef, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { clusterParams, type LayerKey, type MapFilters } from '@/lib/ui/map-url';
import { isFloorView } from './draw-signal';
import { predictViewport } from './initial-viewport';
import { mapClustersQuery } from './layers/cluster-query';

export function useEarlyClusters(
  box: RefObject<HTMLElement | null>,
  view: { lat: number; lon: number; zoom: number },
  opensOnView: boolean,
  layers: readonly LayerKey[],
  filters: MapFilters,
): void {
  const queryClient = useQueryClient();
  // Once, for the opening view: later views go through the map's own viewport.
  const asked = useRef(false);
  useEffect(() => {
    const el = box.current;
    if (asked.current) return;
    asked.current = true;
    if (!el || !opensOnView || isFloorView() || el.clientWidth === 0 || el.clientHeight === 0) return;
    const viewport = predictViewport(view, el.clientWidth, el.clientHeight);
    for (const layer of ['addresses', 'lapses'] as const) {
      if (!layers.includes(layer)) continue;
      void queryClient.prefetchQuery(mapClustersQuery(clusterParams(layer, viewport, filters)));
    }
  }, [box, view, opensOnView, layers, filters, queryClient]);
}
