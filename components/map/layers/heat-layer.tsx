'use client';
// Where lapses happen, as a heat map: each server cell adds a soft blob weighted by its share of the
// busiest cell; the summed intensity is then coloured through one ramp. Off by default.
import { useCallback, useMemo } from 'react';
import type { DrawFn } from '../canvas-overlay';
import { buildHeatRamp } from '../draw-marks';
import type { LayerState } from '../layer-state';
import type { MapFilters, Viewport } from '@/lib/ui/map-url';
import { useCanvasOverlay } from './use-canvas-overlay';
import { useClusterData } from './use-cluster-data';

export interface HeatLayerProps {
  viewport: Viewport;
  filters: MapFilters;
  onState: (state: LayerState | null) => void;
}

const MAX_ALPHA = 0.75;

export function HeatLayer({ viewport, filters, onState }: HeatLayerProps) {
  const data = useClusterData('heat', viewport, filters, onState);
  const ramp = useMemo(() => buildHeatRamp(), []);

  const draw = useCallback<DrawFn>(
    (ctx, { map, size }) => {
      if (!data || data.features.length === 0) return;
      const center = map.getCenter();
      const a = map.latLngToContainerPoint([center.lat, center.lng]);
      const b = map.latLngToContainerPoint([center.lat, center.lng + data.cellDegrees]);
      const radius = Math.max(10, Math.min(90, Math.abs(b.x - a.x) * 1.1));

      const ratio = ctx.canvas.width / size.x;
      const shadow = document.createElement('canvas');
      shadow.width = ctx.canvas.width;
      shadow.height = ctx.canvas.height;
      const sctx = shadow.getContext('2d');
      if (!sctx) return;
      sctx.scale(ratio, ratio);
      for (const feature of data.features) {
        const props = feature.properties;
        const weight = 'heat' in props ? props.weight : 'count' in props ? 1 : 0;
        if (weight <= 0) continue;
        const [lon, lat] = feature.geometry.coordinates;
        const p = map.latLngToContainerPoint([lat, lon]);
        if (p.x < -radius || p.y < -radius || p.x > size.x + radius || p.y > size.y + radius) continue;
        const gradient = sctx.createRadialGradient(p.x, p.y, 0, p.x, p.y, radius);
        gradient.addColorStop(0, `rgba(0,0,0,${Math.min(1, 0.25 + weight * 0.75)})`);
        gradient.addColorStop(1, 'rgba(0,0,0,0)');
        sctx.fillStyle = gradient;
        sctx.fillRect(p.x - radius, p.y - radius, radius * 2, radius * 2);
      }
      const image = sctx.getImageData(0, 0, shadow.width, shadow.height);
      const px = image.data;
      for (let i = 3; i < px.length; i += 4) {
        const alpha = px[i] ?? 0;
        if (alpha === 0) continue;
        const j = alpha * 4;
        px[i - 3] = ramp[j] ?? 0;
        px[i - 2] = ramp[j + 1] ?? 0;
        px[i - 1] = ramp[j + 2] ?? 0;
        px[i] = Math.round(Math.min(255, alpha * 1.4) * MAX_ALPHA);
      }
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.putImageData(image, 0, 0);
      ctx.restore();
    },
    [data, ramp],
  );
  useCanvasOverlay('heat', draw);
  return null;
}
