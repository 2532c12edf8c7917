'use client';
// One clusters request per layer and viewport; while the next viewport loads, the previous answer
// stays on screen (placeholderData in clustersQuery) and the layer reports its state upwards.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clustersQuery } from '@/lib/api/queries';
import type { ClustersResponse } from '@/lib/api/map';
import { clusterParams, type MapFilters, type Viewport } from '@/lib/ui/map-url';
import type { LayerState } from '../layer-state';
import { isFloorView } from '../draw-signal';

export function useClusterData(
  layer: 'addresses' | 'lapses' | 'heat',
  viewport: Viewport,
  filters: MapFilters,
  onState: (state: LayerState | null) => void,
): ClustersResponse | undefined {
  const query = useQuery({
    ...clustersQuery(clusterParams(layer, viewport, filters)),
    enabled: !isFloorView(),
  });
  const { data, isFetching, error, refetch } = query;

  useEffect(() => {
    onState({
      fetching: isFetching,
      error: error ?? null,
      total: data?.total ?? null,
      truncated: data?.truncated ?? false,
      refetch: () => void refetch(),
    });
  }, [onState, isFetching, error, data, refetch]);

  // A hidden layer has nothing to report.
  useEffect(() => () => onState(null), [onState]);

  return data;
}
