'use client';
// The offline basemap: Moscow Oblast and Moscow filled in quiet greys, okrugs tinted faintly.
// Drawn only when no tile server is configured.
import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { ensurePane, PANES } from '../canvas-overlay';
import { useDistricts, useOutline } from '../use-region-geo';

const OKRUG_TINTS = ['#dbeafe', '#dcfce7', '#fef3c7', '#fce7f3', '#e0e7ff', '#ccfbf1'];

export function BasemapLayer() {
  const map = useMap();
  const outline = useOutline();
  const districts = useDistricts();

  useEffect(() => {
    if (!outline) return;
    const pane = ensurePane(map, PANES.basemap.name, PANES.basemap.z);
    const layer = L.geoJSON(outline, {
      pane,
      interactive: false,
      style: (feature) => ({
        stroke: true,
        color: '#94a3b8',
        weight: 0.8,
        fill: true,
        fillColor: feature?.properties.area === 'city' ? '#fbfcfd' : '#eef1f5',
        fillOpacity: 1,
      }),
    });
    // Oblast first so the city sits on top of it.
    layer.addTo(map);
    layer.eachLayer((l) => {
      if (l instanceof L.Polygon && l.feature?.properties?.area === 'city') l.bringToFront();
    });
    return () => {
      layer.remove();
    };
  }, [map, outline]);

  useEffect(() => {
    if (!districts) return;
    // Own pane: the okrug tints stay above the land whichever answer arrives first.
    const pane = ensurePane(map, PANES.basemapOkrugs.name, PANES.basemapOkrugs.z);
    let index = 0;
    const layer = L.geoJSON(districts, {
      pane,
      interactive: false,
      style: () => ({
        stroke: true,
        color: '#cbd5e1',
        weight: 0.8,
        fill: true,
        fillColor: OKRUG_TINTS[index++ % OKRUG_TINTS.length],
        fillOpacity: 0.5,
      }),
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, districts]);

  return null;
}
