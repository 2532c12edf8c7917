'use client';
// One clusters request per layer and viewport; while the next viewport loads, the previous answer
// stays on screen (placeholderData in clustersQuery) and the layer reports its state upwards. A
// layer switched off fetches nothing and reports nothing.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ClustersResponse } from '@/lib/api/map';
import { clusterParams, type MapFilters, type Viewport } from '@/lib/ui/map-url';
import type { LayerState } from '../layer-state';
import { isFloorView } from '../draw-signal';
import { mapClustersQuery } from './cluster-query';

export function useClusterData(
  layer: 'addresses' | 'lapses' | 'heat',
  viewport: Viewport,
  filters: MapFilters,
  onState: (state: LayerState | null) => void,
  enabled = true,
): ClustersResponse | undefined {
  // `?bench=floor`: the same page without its data, the browser bench's floor.
  const query = useQuery({
    ...mapClustersQuery(clusterParams(layer, viewport, filters)),
    enabled: enabled && !isFloorView(),
  });
  const { data, isFetching, error, refetch } = query;

  useEffect(() => {
    if (!enabled) {
      onState(null);
      return;
    }
    onState({
      fetching: isFetching,
      error: error ?? null,
      total: data?.total ?? null,
      truncated: data?.truncated ?? false,
      refetch: () => void refetch(),
    });
  }, [onState, enabled, isFetching, error, data, refetch]);

  // A hidden layer has nothing to report.
  useEffect(() => () => onState(null), [onState]);

  return enabled ? data : undefined;
}
