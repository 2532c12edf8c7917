'use client';
// Everything drawn over the basemap that carries a number or a name: address clusters and workers,
// open lapses and okrug labels, on ONE canvas so one layout decides where each goes (mark-layout.ts):
// a lapse touching a cluster becomes a badge on its rim, labels slide to free space and are drawn
// last. Hover asks the same layout what is under the pointer, so one tooltip tells both counts.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { formatNumber } from '@/lib/format/number';
import { useText } from '@/lib/i18n/client';
import type { Lang } from '@/lib/i18n/config';
import type { MapFilters, Viewport } from '@/lib/ui/map-url';
import type { DrawFn } from '../canvas-overlay';
import {
  BADGE_FONT,
  clusterRadius,
  drawClusterBubble,
  drawLapseBadge,
  drawLapseCluster,
  drawLapsePin,
  drawLapseRing,
  drawOkrugLabel,
  drawWorkerMark,
  OKRUG_FONT,
} from '../draw-marks';
import { announceClustersDrawn, isFloorView } from '../draw-signal';
import { fitLabel } from '../fit-label';
import { useHitRegistry } from '../hit-registry';
import type { BBox, LayerState } from '../layer-state';
import { badgeWidth, labelBox, layoutMarks } from '../mark-layout';
import { listOkrugAnchors } from '../okrug-anchors';
import { useDistricts } from '../use-region-geo';
import { hitTestScene, recordSceneForTests, type Scene } from './marks-scene';
import { buildMarkTooltip } from './marks-tooltip';
import { useCanvasOverlay } from './use-canvas-overlay';
import { useClusterData } from './use-cluster-data';
import { formatBadge, orderAddresses, projectFeatures, type Projected } from './marks-data';

export interface MarksLayerProps {
  lang: Lang;
  viewport: Viewport;
  filters: MapFilters;
  showAddresses: boolean;
  showLapses: boolean;
  showOkrugLabels: boolean;
  selectedWorker: string | null;
  onSelectWorker: (id: string) => void;
  onZoomTo: (bbox: BBox, lat: number, lon: number) => void;
  onAddressesState: (state: LayerState | null) => void;
  onLapsesState: (state: LayerState | null) => void;
}

/** Okrug names need room: below this zoom the okrugs are too small to label. */
const LABEL_MIN_ZOOM = 10;
const SINGLE_RADIUS = 6;
const OKRUG_LABEL_HEIGHT = 14;

export function MarksLayer(props: MarksLayerProps) {
  const { lang, viewport, filters, selectedWorker } = props;
  const text = useText();
  const addresses = useClusterData(
    'addresses',
    viewport,
    filters,
    props.onAddressesState,
    props.showAddresses,
  );
  const lapses = useClusterData('lapses', viewport, filters, props.onLapsesState, props.showLapses);
  const districts = useDistricts();
  const okrugs = useMemo(
    () => (props.showOkrugLabels && districts ? listOkrugAnchors(districts, lang) : []),
    [props.showOkrugLabels, districts, lang],
  );
  const scene = useRef<Scene | null>(null);
  const registry = useHitRegistry();

  const draw = useCallback<DrawFn>(
    (ctx, { map, size, origin }) => {
      const clusters: Projected[] = [];
      const singles: Projected[] = [];
      for (const item of projectFeatures(map, size, orderAddresses(addresses, selectedWorker))) {
        const p = item.feature.properties;
        if ('heat' in p) continue;
        if (p.cluster) {
          const r = clusterRadius(p.count);
          const label = fitLabel(ctx, formatNumber(lang, p.count), r, p.count, lang);
          const box = labelBox(item.x, item.y, ctx.measureText(label).width, r >= 22 ? 13 : 11);
          clusters.push({ ...item, r, label, box });
        } else singles.push({ ...item, r: SINGLE_RADIUS, label: '', box: null });
      }
      const lapseMarks: Projected[] = [];
      for (const item of projectFeatures(map, size, lapses?.features ?? [])) {
        const p = item.feature.properties;
        if ('heat' in p) continue;
        if (p.cluster) {
          const r = clusterRadius(p.count) * 0.8;
          const label = fitLabel(ctx, formatNumber(lang, p.count), r, p.count, lang);
          const box = labelBox(item.x, item.y, ctx.measureText(label).width, r >= 18 ? 12 : 11);
          // The square's corners reach 1.2 times its half side from the centre.
          lapseMarks.push({ ...item, r: r * 1.02, label, box });
        } else lapseMarks.push({ ...item, y: item.y - 10, r: 9, label: '', box: null });
      }
      ctx.font = OKRUG_FONT;
      const labels =
        map.getZoom() >= LABEL_MIN_ZOOM
          ? okrugs.map((o) => {
              const p = map.latLngToContainerPoint([o.lat, o.lon]);
              return { x: p.x, y: p.y, w: ctx.measureText(o.abbr).width + 6, h: OKRUG_LABEL_HEIGHT, o };
            })
          : [];
      const anchors = [...clusters, ...singles];
      const layout = layoutMarks(
        anchors.map((a) => ({ x: a.x, y: a.y, r: a.r, label: a.box })),
        lapseMarks.map((l) => ({ x: l.x, y: l.y, r: l.r, count: countOf(l), label: l.box })),
        labels,
        (count) => {
          ctx.font = BADGE_FONT;
          return badgeWidth(ctx.measureText(formatBadge(lang, count)).width);
        },
      );

      clusters.forEach((c, i) => {
        const p = c.feature.properties;
        if ('cluster' in p && p.cluster) drawClusterBubble(ctx, c.x, c.y, c.r, p.counts, c.label);
        if ((layout.rings[i] ?? 0) > 0) drawLapseRing(ctx, c.x, c.y, c.r);
      });
      for (const s of singles) {
        const p = s.feature.properties;
        if ('workerId' in p) drawWorkerMark(ctx, p.status, s.x, s.y, s.r, p.workerId === selectedWorker);
      }
      lapseMarks.forEach((l, i) => {
        if (layout.attachedTo[i] !== -1) return;
        const p = l.feature.properties;
        if ('cluster' in p && p.cluster) drawLapseCluster(ctx, l.x, l.y, l.r / 1.02, l.label);
        else if ('workerId' in p) drawLapsePin(ctx, l.x, l.y + 10, p.workerId === selectedWorker);
      });
      layout.badges.forEach((b) => {
        if (b) drawLapseBadge(ctx, b.box, formatBadge(lang, b.count));
      });
      layout.okrugs.forEach((box, i) => {
        const o = labels[i]?.o;
        if (o) drawOkrugLabel(ctx, box, o.abbr);
      });

      const next: Scene = {
        origin,
        anchors,
        lapses: lapseMarks,
        layout,
        okrugs: labels.map((l) => l.o),
        zoom: map.getZoom(),
      };
      scene.current = next;
      recordSceneForTests(ctx.canvas, next);
      if (addresses || isFloorView()) announceClustersDrawn(map.getContainer(), anchors.length);
    },
    [addresses, lapses, okrugs, selectedWorker, lang],
  );
  useCanvasOverlay('addresses', draw);

  const { onZoomTo, onSelectWorker } = props;
  useEffect(
    () =>
      registry.register('marks', 1, (point) => {
        const current = scene.current;
        if (!current) return null;
        const hit = hitTestScene(current, point);
        return hit ? buildMarkTooltip(hit, current, text, { onZoomTo, onSelectWorker }) : null;
      }),
    [registry, text, onZoomTo, onSelectWorker],
  );

  return null;
}

function countOf(item: Projected): number {
  const p = item.feature.properties;
  return 'cluster' in p && p.cluster ? p.count : 1;
}
