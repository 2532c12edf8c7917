'use client';
// A raster tile server, when one is configured (NEXT_PUBLIC_TILE_URL); the attribution it needs
// (NEXT_PUBLIC_TILE_ATTRIBUTION) is shown next to the OpenStreetMap one.
import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';

export function RasterTileLayer({ url, attribution }: { url: string; attribution?: string }) {
  const map = useMap();
  useEffect(() => {
    const layer = L.tileLayer(url, { attribution, maxZoom: 19, crossOrigin: true }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, url, attribution]);
  return null;
}
