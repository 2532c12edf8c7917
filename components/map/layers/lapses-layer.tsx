'use client';
// Open lapses at the last known fix: magenta pins (single) and magenta squares (groups), a shape no
// status uses. Hover tells the kind; click opens the worker panel.
import { useCallback, useEffect, useRef } from 'react';
import { LAPSE_KINDS } from '@/lib/domain/types';
import { useText } from '@/lib/i18n/client';
import { formatNumber } from '@/lib/format/number';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';
import type { ClusterFeature } from '@/lib/api/map';
import type { DrawFn } from '../canvas-overlay';
import { clusterRadius, drawLapseCluster, drawLapsePin } from '../draw-marks';
import { fitLabel } from '../fit-label';
import { findMark, useHitRegistry, type DrawnMark } from '../hit-registry';
import type { BBox, LayerState } from '../layer-state';
import type { MapFilters, Viewport } from '@/lib/ui/map-url';
import { buildTooltip, type TooltipRow } from '../tooltips';
import { useCanvasOverlay } from './use-canvas-overlay';
import { useClusterData } from './use-cluster-data';

export interface LapsesLayerProps {
  viewport: Viewport;
  filters: MapFilters;
  selectedWorker: string | null;
  onSelectWorker: (id: string) => void;
  onZoomTo: (bbox: BBox, lat: number, lon: number) => void;
  onState: (state: LayerState | null) => void;
}

const MARGIN = 40;

export function LapsesLayer({
  viewport,
  filters,
  selectedWorker,
  onSelectWorker,
  onZoomTo,
  onState,
}: LapsesLayerProps) {
  const { t, lang, plural } = useText();
  const data = useClusterData('lapses', viewport, filters, onState);
  const marks = useRef<DrawnMark<ClusterFeature>[]>([]);
  const registry = useHitRegistry();

  const draw = useCallback<DrawFn>(
    (ctx, { map, size, origin }) => {
      const drawn: DrawnMark<ClusterFeature>[] = [];
      for (const feature of data?.features ?? []) {
        const [lon, lat] = feature.geometry.coordinates;
        const p = map.latLngToContainerPoint([lat, lon]);
        if (p.x < -MARGIN || p.y < -MARGIN || p.x > size.x + MARGIN || p.y > size.y + MARGIN) continue;
        const props = feature.properties;
        if ('heat' in props) continue;
        if (props.cluster) {
          const r = clusterRadius(props.count) * 0.8;
          drawLapseCluster(
            ctx,
            p.x,
            p.y,
            r,
            fitLabel(ctx, formatNumber(lang, props.count), r, props.count, lang),
          );
          drawn.push({ x: p.x + origin.x, y: p.y + origin.y, r: r * 0.95, item: feature });
        } else {
          drawLapsePin(ctx, p.x, p.y, props.workerId === selectedWorker);
          // The pin's head sits above the point itself.
          drawn.push({ x: p.x + origin.x, y: p.y + origin.y - 10, r: 9, item: feature });
        }
      }
      marks.current = drawn;
    },
    [data, selectedWorker, lang],
  );
  useCanvasOverlay('lapses', draw);

  useEffect(
    () =>
      registry.register('lapses', 2, (point) => {
        const mark = findMark(marks.current, point);
        if (!mark) return null;
        const props = mark.item.properties;
        const [lon, lat] = mark.item.geometry.coordinates;
        if ('heat' in props) return null;
        if (props.cluster) {
          const kinds = props.kinds ?? {};
          const rows: TooltipRow[] = LAPSE_KINDS.filter((k) => (kinds[k] ?? 0) > 0).map((k) => ({
            label: t.lapseKind[k],
            value: formatNumber(lang, kinds[k] ?? 0),
            color: OPEN_LAPSE_COLOR,
          }));
          return {
            key: `lc:${lon}:${lat}:${props.count}`,
            latlng: [lat, lon],
            tooltip: () =>
              buildTooltip(plural(t.map.tooltip.lapses, props.count), rows, t.map.tooltip.zoomHint),
            onClick: () => onZoomTo(props.bbox, lat, lon),
          };
        }
        const rows: TooltipRow[] = [
          { label: t.status[props.status], color: STATUS_STYLES[props.status].color },
        ];
        return {
          key: `l:${props.lapseId ?? props.workerId}`,
          latlng: [lat, lon],
          tooltip: () =>
            buildTooltip(
              props.openLapseKind ? t.lapseKind[props.openLapseKind] : t.map.layers.openLapses,
              rows,
              t.map.tooltip.openHint,
            ),
          onClick: () => onSelectWorker(props.workerId),
        };
      }),
    [registry, lang, t, plural, onZoomTo, onSelectWorker],
  );

  return null;
}
