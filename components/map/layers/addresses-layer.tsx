'use client';
// Declared addresses: clusters (size = count, ring = status shares) and single workers (status
// shape), all on one canvas. Hover shows counts per status; click zooms in or opens the worker.
import { useCallback, useEffect, useRef } from 'react';
import { useText } from '@/lib/i18n/client';
import { formatNumber } from '@/lib/format/number';
import { OPEN_LAPSE_COLOR } from '@/lib/ui/status';
import type { ClusterFeature } from '@/lib/api/map';
import type { DrawFn } from '../canvas-overlay';
import { clusterRadius, drawClusterBubble, drawWorkerMark } from '../draw-marks';
import { findMark, useHitRegistry, type DrawnMark } from '../hit-registry';
import type { BBox, LayerState } from '../layer-state';
import type { MapFilters, Viewport } from '@/lib/ui/map-url';
import { buildTooltip, statusRows } from '../tooltips';
import { fitLabel } from '../fit-label';
import { useCanvasOverlay } from './use-canvas-overlay';
import { announceClustersDrawn, isFloorView } from '../draw-signal';
import { useClusterData } from './use-cluster-data';

export interface AddressesLayerProps {
  viewport: Viewport;
  filters: MapFilters;
  selectedWorker: string | null;
  onSelectWorker: (id: string) => void;
  onZoomTo: (bbox: BBox, lat: number, lon: number) => void;
  onState: (state: LayerState | null) => void;
}

const SINGLE_RADIUS = 6;
const MARGIN = 40;

export function AddressesLayer({
  viewport,
  filters,
  selectedWorker,
  onSelectWorker,
  onZoomTo,
  onState,
}: AddressesLayerProps) {
  const { t, lang, plural } = useText();
  const data = useClusterData('addresses', viewport, filters, onState);
  const marks = useRef<DrawnMark<ClusterFeature>[]>([]);
  const registry = useHitRegistry();

  const draw = useCallback<DrawFn>(
    (ctx, { map, size, origin }) => {
      const drawn: DrawnMark<ClusterFeature>[] = [];
      const features = data?.features ?? [];
      // Clusters first, singles on top, the selected worker last.
      const ordered = [...features].sort((a, b) => rank(a, selectedWorker) - rank(b, selectedWorker));
      for (const feature of ordered) {
        const [lon, lat] = feature.geometry.coordinates;
        const p = map.latLngToContainerPoint([lat, lon]);
        if (p.x < -MARGIN || p.y < -MARGIN || p.x > size.x + MARGIN || p.y > size.y + MARGIN) continue;
        const props = feature.properties;
        if ('heat' in props) continue;
        if (props.cluster) {
          const r = clusterRadius(props.count);
          const label = fitLabel(ctx, formatNumber(lang, props.count), r, props.count, lang);
          drawClusterBubble(ctx, p.x, p.y, r, props.counts, label);
          drawn.push({ x: p.x + origin.x, y: p.y + origin.y, r: r + 1, item: feature });
        } else {
          drawWorkerMark(ctx, props.status, p.x, p.y, SINGLE_RADIUS, props.workerId === selectedWorker);
          drawn.push({ x: p.x + origin.x, y: p.y + origin.y, r: SINGLE_RADIUS + 2, item: feature });
        }
      }
      marks.current = drawn;
      if (data || isFloorView()) announceClustersDrawn(map.getContainer(), drawn.length);
    },
    [data, selectedWorker, lang],
  );
  useCanvasOverlay('addresses', draw);

  useEffect(
    () =>
      registry.register('addresses', 1, (point) => {
        const mark = findMark(marks.current, point);
        if (!mark) return null;
        const feature = mark.item;
        const props = feature.properties;
        const [lon, lat] = feature.geometry.coordinates;
        const fmt = (n: number) => formatNumber(lang, n);
        if ('heat' in props) return null;
        if (props.cluster) {
          return {
            key: `c:${lon}:${lat}:${props.count}`,
            latlng: [lat, lon],
            tooltip: () =>
              buildTooltip(
                plural(t.map.tooltip.workers, props.count),
                statusRows(props.counts, t.status, fmt),
                t.map.tooltip.zoomHint,
              ),
            onClick: () => onZoomTo(props.bbox, lat, lon),
          };
        }
        return {
          key: `w:${props.workerId}`,
          latlng: [lat, lon],
          tooltip: () =>
            buildTooltip(
              t.status[props.status],
              props.openLapseKind
                ? [{ label: t.lapseKind[props.openLapseKind], color: OPEN_LAPSE_COLOR }]
                : [],
              t.map.tooltip.openHint,
            ),
          onClick: () => onSelectWorker(props.workerId),
        };
      }),
    [registry, lang, t, plural, onZoomTo, onSelectWorker],
  );

  return null;
}

function rank(feature: ClusterFeature, selected: string | null): number {
  const props = feature.properties;
  if ('heat' in props || props.cluster) return 0;
  return props.workerId === selected ? 2 : 1;
}
