'use client';
// Live updates from GET /api/v1/stream. `summary` events replace the counters in the query cache
// (no refetch); `status` and `lapse` events mark the map data stale, at most once per interval, so
// a burst of changes costs one refetch of the current viewport, not one per event.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/api/queries';
import { lapseEventSchema, statusEventSchema } from '@/lib/api/stream';
import { summarySchema } from '@/lib/api/stats';

export type StreamState = 'connecting' | 'live' | 'offline';

const MAP_REFRESH_MS = 15_000;

function parseData(event: Event): unknown {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return null;
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

export function useLiveStream(onWorkerChanged?: (workerId: string) => void): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const onWorker = useRef(onWorkerChanged);
  useEffect(() => {
    onWorker.current = onWorkerChanged;
  }, [onWorkerChanged]);

  useEffect(() => {
    const source = new EventSource('/api/v1/stream');
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshMapSoon = () => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: ['map', 'clusters'] });
      }, MAP_REFRESH_MS);
    };

    source.onopen = () => setState('live');
    // EventSource reconnects on its own; meanwhile say the numbers may be stale.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.addEventListener('summary', (event) => {
      const parsed = summarySchema.safeParse(parseData(event));
      if (parsed.success) queryClient.setQueryData(queryKeys.summary(), parsed.data);
    });
    source.addEventListener('status', (event) => {
      const parsed = statusEventSchema.safeParse(parseData(event));
      refreshMapSoon();
      if (parsed.success) onWorker.current?.(parsed.data.workerId);
    });
    source.addEventListener('lapse', (event) => {
      const parsed = lapseEventSchema.safeParse(parseData(event));
      refreshMapSoon();
      if (parsed.success) onWorker.current?.(parsed.data.workerId);
    });
    return () => {
      clearTimeout(refreshTimer);
      source.close();
    };
  }, [queryClient]);

  return state;
}
