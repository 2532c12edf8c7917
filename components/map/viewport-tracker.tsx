'use client';
// Reports the visible area once the map settles. Leaflet fires moveend once per finished pan or zoom
// (not per frame), so a settled move is reported on the next task: that only merges the zoomend
// and moveend of one zoom. Resizes (a side panel sliding) come in bursts and are debounced. An
// animated zoom reports its end view when the animation starts (Leaflet knows the target centre
// and zoom then): the clusters for the new zoom are on their way while the map animates, and the
// report at zoomend is the same viewport, the same query key, no second request.
import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { formatBbox, type Viewport } from '@/lib/ui/map-url';

const RESIZE_DEBOUNCE_MS = 150;

/** The bounds Leaflet will have once the view is `center` at `zoom` (its own pixel-origin rounding). */
function boundsAt(map: L.Map, center: L.LatLng, zoom: number): Viewport {
  const pane = L.DomUtil.getPosition(map.getPane('mapPane') ?? map.getContainer());
  const half = map.getSize().divideBy(2);
  const topLeft = map.project(center, zoom).subtract(half).add(pane).round().subtract(pane);
  const size = map.getSize();
  const sw = map.unproject(topLeft.add([0, size.y]), zoom);
  const ne = map.unproject(topLeft.add([size.x, 0]), zoom);
  return { bbox: formatBbox(sw.lng, sw.lat, ne.lng, ne.lat), zoom: Math.round(zoom) };
}

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
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(report, delay);
    };
    const settled = () => schedule(0);
    const resized = () => schedule(RESIZE_DEBOUNCE_MS);
    const zoomStarts = (e: L.ZoomAnimEvent) => {
      clearTimeout(timer);
      onChange(boundsAt(map, e.center, e.zoom));
    };
    map.whenReady(report);
    map.on('moveend zoomend', settled);
    map.on('resize', resized);
    map.on('zoomanim', zoomStarts);
    return () => {
      clearTimeout(timer);
      map.off('moveend zoomend', settled);
      map.off('resize', resized);
      map.off('zoomanim', zoomStarts);
    };
  }, [map, onChange]);
  return null;
}
