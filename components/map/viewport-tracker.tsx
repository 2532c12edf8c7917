'use client';
// Reports the visible area after the map settles (moveend/zoomend), debounced, so a pan is one
// request rather than one per frame.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { formatBbox, type Viewport } from '@/lib/ui/map-url';

const DEBOUNCE_MS = 150;

export function ViewportTracker({ onChange }: { onChange: (viewport: Viewport) => void }) {
  const map = useMap();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      const b = map.getBounds();
      onChange({
        bbox: formatBbox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()),
        zoom: Math.round(map.getZoom()),
      });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(report, DEBOUNCE_MS);
    };
    map.whenReady(report);
    map.on('moveend zoomend resize', schedule);
    return () => {
      clearTimeout(timer);
      map.off('moveend zoomend resize', schedule);
    };
  }, [map, onChange]);
  return null;
}
