'use client';
// The Leaflet map itself (loaded only in the browser, see map-client.tsx). MapContainer's props are
// read once at mount; everything that changes later is a child component with its own effect.
import 'leaflet/dist/leaflet.css';
import { useEffect, useState } from 'react';
import { MapContainer, useMap, ZoomControl } from 'react-leaflet';
import type { Lang } from '@/lib/i18n/config';
import { useT } from '@/lib/i18n/client';
import { CameraController } from './camera-controller';
import { HitRegistry, HitRegistryContext } from './hit-registry';
import type { BBox, CameraTarget, DataLayer, LayerState } from './layer-state';
import type { LayerKey, MapFilters, Viewport } from '@/lib/ui/map-url';
import { MapInteractions } from './map-interactions';
import { SizeWatcher } from './size-watcher';
import { ViewportTracker } from './viewport-tracker';
import { BasemapLayer } from './layers/basemap-layer';
import { GeofenceLayer, OkrugBoundariesLayer } from './layers/boundaries-layer';
import { HeatLayer } from './layers/heat-layer';
import { MarksLayer } from './layers/marks-layer';
import { RasterTileLayer } from './layers/tile-layer';

/** The OpenStreetMap credit, worded in the interface language (the text comes from the dictionary). */
function osmAttribution(text: string): string {
  const safe = text.replace(/[<>&"]/g, '');
  return `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noreferrer">${safe}</a>`;
}

export interface LeafletMapProps {
  lang: Lang;
  label: string;
  initialView: { lat: number; lon: number; zoom: number };
  maxBounds: BBox;
  layers: LayerKey[];
  filters: MapFilters;
  selectedWorker: string | null;
  camera: CameraTarget | null;
  viewport: Viewport | null;
  onViewport: (viewport: Viewport) => void;
  onSelectWorker: (id: string) => void;
  onZoomTo: (bbox: BBox, lat: number, lon: number) => void;
  onLayerState: Record<DataLayer, (state: LayerState | null) => void>;
}

const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL ?? '';
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? '';

/** The OpenStreetMap attribution stays on screen whatever layers are shown. */
function Attribution({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    const html = osmAttribution(text);
    control.setPrefix(false);
    control.addAttribution(html);
    return () => {
      control.removeAttribution(html);
    };
  }, [map, text]);
  return null;
}

/** Names the map region for screen readers (Leaflet makes the container focusable for keyboard panning). */
function ContainerLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

export default function LeafletMap(props: LeafletMapProps) {
  const { lang, initialView, maxBounds, layers, filters, selectedWorker, viewport } = props;
  const t = useT();
  const [registry] = useState(() => new HitRegistry());
  const [w, s, e, n] = maxBounds;
  const show = (key: LayerKey) => layers.includes(key);

  return (
    <HitRegistryContext.Provider value={registry}>
      <MapContainer
        center={[initialView.lat, initialView.lon]}
        zoom={initialView.zoom}
        minZoom={7}
        maxZoom={18}
        maxBounds={[
          [s - 1, w - 2],
          [n + 1, e + 2],
        ]}
        maxBoundsViscosity={0.8}
        zoomSnap={1}
        preferCanvas
        attributionControl
        zoomControl={false}
        className="h-full w-full"
      >
        {/* Leaflet's own control is titled "Zoom in" in English; these titles follow the interface. */}
        <ZoomControl position="topleft" zoomInTitle={t.map.zoomIn} zoomOutTitle={t.map.zoomOut} />
        <Attribution text={t.shell.osmAttribution} />
        <ContainerLabel label={props.label} />
        <SizeWatcher />
        <CameraController target={props.camera} />
        <ViewportTracker onChange={props.onViewport} />
        {TILE_URL ? (
          <RasterTileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION || undefined} />
        ) : (
          <BasemapLayer />
        )}
        {show('okrugs') ? <OkrugBoundariesLayer /> : null}
        {show('geofence') ? <GeofenceLayer /> : null}
        {viewport && show('heat') ? (
          <HeatLayer viewport={viewport} filters={filters} onState={props.onLayerState.heat} />
        ) : null}
        {/* Clusters, lapses and okrug labels share one canvas and one layout: nothing covers a count. */}
        {viewport ? (
          <MarksLayer
            lang={lang}
            viewport={viewport}
            filters={filters}
            showAddresses={show('addresses')}
            showLapses={show('lapses')}
            showOkrugLabels={show('okrugs')}
            selectedWorker={selectedWorker}
            onSelectWorker={props.onSelectWorker}
            onZoomTo={props.onZoomTo}
            onAddressesState={props.onLayerState.addresses}
            onLapsesState={props.onLayerState.lapses}
          />
        ) : null}
        <MapInteractions />
      </MapContainer>
    </HitRegistryContext.Provider>
  );
}
