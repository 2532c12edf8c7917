'use client';
// A worker's places (declared address above lapse places) and optionally a movement trace on the
// same Leaflet map and basemap as the map page, fitted to what it shows. Browser only: loaded
// through place-map.tsx. Time runs along the trace as colour, with start/end labels and hour ticks.
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { MapContainer, useMap, ZoomControl } from 'react-leaflet';
import { BasemapLayer } from '@/components/map/layers/basemap-layer';
import { RasterTileLayer } from '@/components/map/layers/tile-layer';
import { SizeWatcher } from '@/components/map/size-watcher';
import { ensurePane } from '@/components/map/canvas-overlay';
import { formatTime } from '@/lib/format/date';
import { useText } from '@/lib/i18n/client';
import { OPEN_LAPSE_COLOR, STATUS_STYLES } from '@/lib/ui/status';
import { colourRuns, hourTicks, timeColor, timeShare, type TimedPoint } from './trace-colors';

export interface PlaceMark {
  lat: number;
  lon: number;
  kind: 'address' | 'lapse';
  label: string;
}

export interface PlaceMapProps {
  label: string;
  places: PlaceMark[];
  trace?: TimedPoint[];
  maxZoom: number;
}

const TILE_URL = process.env.NEXT_PUBLIC_TILE_URL ?? '';
const TILE_ATTRIBUTION = process.env.NEXT_PUBLIC_TILE_ATTRIBUTION ?? '';
// Trace under lapse places under the declared address: the address is never hidden.
const PANES = {
  trace: ['rw-trace', 405],
  lapses: ['rw-place-lapses', 610],
  address: ['rw-place-address', 630],
};

const ADDRESS_ICON = `<svg viewBox="-11 -11 22 22" width="22" height="22" aria-hidden="true"><circle r="8" fill="${STATUS_STYLES.pending.color}" stroke="#fff" stroke-width="3"/></svg>`;
const LAPSE_ICON = `<svg viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true"><polygon points="0,-10 10,8 -10,8" fill="${OPEN_LAPSE_COLOR}" stroke="#5b1a3f" stroke-width="1.5"/></svg>`;

function placeIcon(kind: PlaceMark['kind']): L.DivIcon {
  const size = kind === 'address' ? 22 : 24;
  return L.divIcon({
    html: kind === 'address' ? ADDRESS_ICON : LAPSE_ICON,
    className: `rw-place rw-place-${kind}`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function Credit() {
  const map = useMap();
  const { t } = useText();
  useEffect(() => {
    const html = `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noreferrer">${t.shell.osmAttribution.replace(/[<>&"]/g, '')}</a>`;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(html);
    return () => {
      map.attributionControl.removeAttribution(html);
    };
  }, [map, t]);
  return null;
}

/** Names the map for screen readers (Leaflet makes the container focusable for keyboard panning). */
function ContainerLabel({ label }: { label: string }) {
  const map = useMap();
  useEffect(() => {
    map.getContainer().setAttribute('role', 'region');
    map.getContainer().setAttribute('aria-label', label);
  }, [map, label]);
  return null;
}

function FitToContent({ places, trace, maxZoom }: Omit<PlaceMapProps, 'label'>) {
  const map = useMap();
  const fitted = useRef('');
  useEffect(() => {
    // A trace is fitted with the declared address for context; lapses may lie anywhere in time.
    const shown = trace?.length ? [...trace, ...places.filter((p) => p.kind === 'address')] : places;
    // A refetch brings equal data in new objects: keep the officer's own pan and zoom then.
    const key = shown.map((p) => `${p.lat},${p.lon}`).join(';');
    if (key === fitted.current) return;
    fitted.current = key;
    const bounds = L.latLngBounds(shown.map((p) => L.latLng(p.lat, p.lon)));
    const fit = () => {
      if (!bounds.isValid() || map.getSize().x === 0) return;
      map.fitBounds(bounds, { padding: [36, 36], maxZoom, animate: false });
    };
    fit();
    // A dialog can still be growing when the map mounts: fit again once it has its size.
    const observer = new ResizeObserver(fit);
    observer.observe(map.getContainer());
    const stop = () => observer.disconnect();
    map.once('dragstart zoomstart', stop);
    return stop;
  }, [map, places, trace, maxZoom]);
  return null;
}

function PlacesLayer({ places }: { places: PlaceMark[] }) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    for (const place of places) {
      const [pane, z] = place.kind === 'address' ? PANES.address : PANES.lapses;
      const marker = L.marker([place.lat, place.lon], {
        icon: placeIcon(place.kind),
        pane: ensurePane(map, String(pane), Number(z), true),
        title: place.label,
        alt: place.label,
      })
        .bindTooltip(place.label, { direction: 'top', offset: [0, -10] })
        .addTo(group);
      // The label is an address (data, in the language it was declared in), not interface text.
      marker.getElement()?.setAttribute('translate', 'no');
    }
    return () => {
      group.remove();
    };
  }, [map, places]);
  return null;
}

function TraceLayer({ trace }: { trace: TimedPoint[] }) {
  const map = useMap();
  const { t, fill } = useText();
  useEffect(() => {
    const pane = ensurePane(map, String(PANES.trace[0]), Number(PANES.trace[1]), true);
    const group = L.layerGroup().addTo(map);
    for (const run of colourRuns(trace)) {
      L.polyline(
        run.line.map((p) => [p.lat, p.lon]),
        { pane, color: run.color, weight: 4, opacity: 0.9, interactive: false },
      ).addTo(group);
    }
    for (const tick of hourTicks(trace)) {
      L.circleMarker([tick.lat, tick.lon], {
        pane,
        radius: 4,
        color: timeColor(timeShare(trace, tick.time)),
        weight: 2,
        fillColor: '#fff',
        fillOpacity: 1,
      })
        .bindTooltip(`${t.placeMap.hourTick}: ${formatTime(tick.time)}`, { direction: 'top' })
        .addTo(group);
    }
    const first = trace[0];
    const last = trace[trace.length - 1];
    const ends: Array<[TimedPoint | undefined, string, 'left' | 'right', number]> = [
      [first, t.placeMap.start, 'left', 0],
      [last, t.placeMap.end, 'right', 1],
    ];
    for (const [point, text, direction, share] of ends) {
      if (!point) continue;
      L.circleMarker([point.lat, point.lon], {
        pane,
        radius: 6,
        color: '#fff',
        weight: 2,
        fillColor: timeColor(share),
        fillOpacity: 1,
      })
        .bindTooltip(fill(text, { time: formatTime(point.time) }), {
          permanent: true,
          direction,
          className: `rw-trace-label rw-trace-${share === 0 ? 'start' : 'end'}`,
        })
        .addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, trace, t, fill]);
  return null;
}

export default function PlaceMapLeaflet({ label, places, trace, maxZoom }: PlaceMapProps) {
  const { t } = useText();
  const start = places[0] ?? trace?.[0] ?? { lat: 55.75, lon: 37.62 };
  return (
    <MapContainer
      center={[start.lat, start.lon]}
      zoom={12}
      minZoom={7}
      maxZoom={18}
      zoomSnap={1}
      scrollWheelZoom={false}
      preferCanvas
      zoomControl={false}
      className="h-full w-full"
    >
      <ContainerLabel label={label} />
      <ZoomControl position="topleft" zoomInTitle={t.map.zoomIn} zoomOutTitle={t.map.zoomOut} />
      <Credit />
      <SizeWatcher />
      {TILE_URL ? (
        <RasterTileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION || undefined} />
      ) : (
        <BasemapLayer />
      )}
      {trace && trace.length > 0 ? <TraceLayer trace={trace} /> : null}
      <PlacesLayer places={places} />
      <FitToContent places={places} trace={trace} maxZoom={maxZoom} />
    </MapContainer>
  );
}
