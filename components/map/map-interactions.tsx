'use client';
// Pointer handling for every canvas layer: asks the hit registry what is under the pointer, shows
// its tooltip, sets the cursor and runs its click action.
import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { useHitRegistry, type MapHit } from './hit-registry';

export function MapInteractions() {
  const map = useMap();
  const registry = useHitRegistry();

  useEffect(() => {
    const tooltip = L.tooltip({ direction: 'top', offset: [0, -12], className: 'map-tooltip', opacity: 1 });
    let current: MapHit | null = null;
    let frame = 0;
    let lastPoint: L.Point | null = null;

    const show = (hit: MapHit | null) => {
      const container = map.getContainer();
      if (!hit) {
        if (current) map.closeTooltip(tooltip);
        current = null;
        container.style.cursor = '';
        return;
      }
      container.style.cursor = 'pointer';
      if (current?.key === hit.key) return;
      current = hit;
      tooltip.setLatLng(hit.latlng).setContent(hit.tooltip());
      map.openTooltip(tooltip);
    };

    const onMove = (e: L.LeafletMouseEvent) => {
      lastPoint = e.layerPoint;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (lastPoint) show(registry.hitTest(lastPoint));
      });
    };
    const onOut = () => show(null);
    const onClick = (e: L.LeafletMouseEvent) => {
      const hit = registry.hitTest(e.layerPoint);
      if (!hit?.onClick) return;
      show(null);
      hit.onClick();
    };
    // Data changes under a still pointer: drop the tooltip rather than show stale counts.
    const onRedraw = () => show(null);

    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('click', onClick);
    map.on('zoomstart movestart', onRedraw);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('click', onClick);
      map.off('zoomstart movestart', onRedraw);
      map.closeTooltip(tooltip);
      map.getContainer().style.cursor = '';
    };
  }, [map, registry]);

  return null;
}
