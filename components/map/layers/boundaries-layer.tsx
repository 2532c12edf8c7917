'use client';
// Toggles over any basemap: okrug boundaries (their labels are drawn with the marks, see
// marks-layer.tsx, so they never hide under a cluster) and the region geofence
// (the outer edge of Moscow + Moscow Oblast, dashed; see region-edges.ts).
import { useEffect, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { ensurePane, PANES } from '../canvas-overlay';
import { computeRegionEdges } from '../region-edges';
import { useDistricts, useOutline } from '../use-region-geo';

export function OkrugBoundariesLayer() {
  const map = useMap();
  const districts = useDistricts();

  useEffect(() => {
    if (!districts) return;
    const pane = ensurePane(map, PANES.boundaries.name, PANES.boundaries.z);
    const lines = L.geoJSON(districts, {
      pane,
      interactive: false,
      style: { color: '#475569', weight: 1.25, opacity: 0.85, fill: false },
    }).addTo(map);

    return () => {
      lines.remove();
    };
  }, [map, districts]);

  return null;
}

export function GeofenceLayer() {
  const map = useMap();
  const outline = useOutline();

  const [edges, setEdges] = useState<Array<Array<[number, number]>> | null>(null);

  // Finding the outer edge takes a few hundred milliseconds: do it after the first clusters are drawn.
  useEffect(() => {
    const city = outline?.features.find((f) => f.properties.area === 'city');
    const oblast = outline?.features.find((f) => f.properties.area === 'oblast');
    if (!city || !oblast) return;
    const timer = setTimeout(() => setEdges(computeRegionEdges(city.geometry, oblast.geometry)), 500);
    return () => clearTimeout(timer);
  }, [outline]);

  useEffect(() => {
    if (!edges) return;
    const pane = ensurePane(map, PANES.boundaries.name, PANES.boundaries.z);
    const layer = L.polyline(edges, {
      pane,
      interactive: false,
      color: '#1e3a8a',
      weight: 2,
      opacity: 0.85,
      dashArray: '8 5',
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, edges]);

  return null;
}
