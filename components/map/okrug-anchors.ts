// Where an okrug's label belongs: the area centroid of its largest ring (what Leaflet's
// Polygon.getCenter does, without needing the polygon on the map).
import type { Position } from 'geojson';
import type { DistrictCollection } from './region-geo';

export interface OkrugAnchor {
  lat: number;
  lon: number;
  abbr: string;
  name: string;
}

function ringCentroid(ring: readonly Position[]): { area: number; lon: number; lat: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    const cross = x1 * y2 - x2 * y1;
    area += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (area === 0) return { area: 0, lon: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(area / 2), lon: cx / (3 * area), lat: cy / (3 * area) };
}

export function listOkrugAnchors(districts: DistrictCollection, lang: 'ru' | 'en'): OkrugAnchor[] {
  return districts.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const centres = polygons.map((p) => ringCentroid(p[0] ?? []));
    const largest = centres.reduce((a, b) => (b.area > a.area ? b : a), { area: -1, lon: 0, lat: 0 });
    const props = f.properties;
    return {
      lat: largest.lat,
      lon: largest.lon,
      abbr: lang === 'ru' ? props.abbrRu : props.id,
      name: lang === 'ru' ? props.nameRu : props.nameEn,
    };
  });
}
