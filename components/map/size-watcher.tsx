'use client';
// The map's box changes when side panels open or close; Leaflet must be told to re-measure.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export function SizeWatcher() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}
