// The viewport Leaflet will report for its opening view, worked out before Leaflet has loaded: the
// page asks for its first clusters while the map script is still downloading, under the very query
// key the map's own first request will use (so that request finds the answer in flight or cached).
// The arithmetic is Leaflet's own for EPSG:3857 (spherical Mercator on 256-pixel tiles): the pixel
// origin is the projected centre less half the container, rounded, and the bounds are that box.
import { formatBbox, type Viewport } from '@/lib/ui/map-url';

const R = 6378137;
const MAX_LATITUDE = 85.0511287798;
const D = Math.PI / 180;
const K = 0.5 / (Math.PI * R);

const scale = (zoom: number) => 256 * 2 ** zoom;

function project(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const clamped = Math.max(Math.min(MAX_LATITUDE, lat), -MAX_LATITUDE);
  const sin = Math.sin(clamped * D);
  const x = R * lon * D;
  const y = (R * Math.log((1 + sin) / (1 - sin))) / 2;
  return { x: scale(zoom) * (K * x + 0.5), y: scale(zoom) * (-K * y + 0.5) };
}

function unproject(px: number, py: number, zoom: number): { lat: number; lon: number } {
  const x = (px / scale(zoom) - 0.5) / K;
  const y = (py / scale(zoom) - 0.5) / -K;
  return { lon: x / R / D, lat: (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) / D };
}

/** The viewport of a map of `width` x `height` pixels opened on `view` (whole zoom levels). */
export function predictViewport(
  view: { lat: number; lon: number; zoom: number },
  width: number,
  height: number,
): Viewport {
  const zoom = Math.round(view.zoom);
  const centre = project(view.lat, view.lon, zoom);
  // Leaflet rounds each coordinate half up (Math.round), so this does too.
  const left = Math.round(centre.x - width / 2);
  const top = Math.round(centre.y - height / 2);
  const sw = unproject(left, top + height, zoom);
  const ne = unproject(left + width, top, zoom);
  return { bbox: formatBbox(sw.lon, sw.lat, ne.lon, ne.lat), zoom };
}
