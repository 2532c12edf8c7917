'use client';
// Reports the visible area after the map settles (moveend/zoomend), debounced a little, so a pan
// is one request rather than one per frame. An animated zoom reports its end view when the
// animation starts (Leaflet knows the target centre and zoom then): the clusters for the new zoom
// are on their way while the map animates, and the report at zoomend is the same viewport, the
// same query key, no second request.
import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { formatBbox, type Viewport } from '@/lib/ui/map-url';

const DEBOUNCE_MS = 50;

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
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(report, DEBOUNCE_MS);
    };
    const zoomStarts = (e: L.ZoomAnimEvent) => {
      clearTimeout(timer);
      onChange(boundsAt(map, e.center, e.zoom));
    };
    map.whenReady(report);
    map.on('moveend zoomend resize', schedule);
    map.on('zoomanim', zoomStarts);
    return () => {
      clearTimeout(timer);
      map.off('moveend zoomend resize', schedule);
      map.off('zoomanim', zoomStarts);
    };
  }, [map, onChange]);
  return null;
}
