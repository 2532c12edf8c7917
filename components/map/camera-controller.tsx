'use client';
// The only place that moves the camera after mount: the map's own props are set once, and every
// later move (cluster click, okrug filter, worker focus) arrives here as a new target object.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { CameraTarget } from './layer-state';

export function CameraController({ target }: { target: CameraTarget | null }) {
  const map = useMap();
  useEffect(() => {
    if (!target) return;
    if (target.kind === 'bbox') {
      const [w, s, e, n] = target.bbox;
      if (w === e && s === n) {
        map.setView([s, w], Math.min(map.getMaxZoom(), map.getZoom() + 2));
      } else {
        map.fitBounds(
          [
            [s, w],
            [n, e],
          ],
          { padding: [32, 32], maxZoom: target.maxZoom ?? 17 },
        );
      }
    } else {
      map.setView([target.lat, target.lon], target.zoom ?? map.getZoom());
    }
  }, [map, target]);
  return null;
}
