'use client';
// Toggles over any basemap: okrug boundaries (with labels from zoom 10) and the region geofence
// (the outer edge of Moscow + Moscow Oblast, dashed; see region-edges.ts).
import { useEffect, useState } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { Lang } from '@/lib/i18n/config';
import { ensurePane, PANES } from '../canvas-overlay';
import { computeRegionEdges } from '../region-edges';
import { useDistricts, useOutline } from '../use-region-geo';

const LABEL_MIN_ZOOM = 10;

export function OkrugBoundariesLayer({ lang }: { lang: Lang }) {
  const map = useMap();
  const districts = useDistricts();

  useEffect(() => {
    if (!districts) return;
    const pane = ensurePane(map, PANES.boundaries.name, PANES.boundaries.z);
    const labelPane = ensurePane(map, PANES.labels.name, PANES.labels.z);
    const lines = L.geoJSON(districts, {
      pane,
      interactive: false,
      style: { color: '#475569', weight: 1.25, opacity: 0.85, fill: false },
    }).addTo(map);

    const labels = L.layerGroup();
    lines.eachLayer((layer) => {
      if (!(layer instanceof L.Polygon)) return;
      const props = layer.feature?.properties;
      if (!props) return;
      const el = document.createElement('span');
      el.textContent = lang === 'ru' ? props.abbrRu : props.id;
      el.title = lang === 'ru' ? props.nameRu : props.nameEn;
      const icon = L.divIcon({ className: 'okrug-label', html: el, iconSize: undefined });
      L.marker(layer.getCenter(), { icon, pane: labelPane, interactive: false, keyboard: false }).addTo(
        labels,
      );
    });
    const syncLabels = () => {
      if (map.getZoom() >= LABEL_MIN_ZOOM) labels.addTo(map);
      else labels.remove();
    };
    syncLabels();
    map.on('zoomend', syncLabels);
    return () => {
      map.off('zoomend', syncLabels);
      labels.remove();
      lines.remove();
    };
  }, [map, districts, lang]);

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
