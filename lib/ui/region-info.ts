// What the pages need from the region pack: okrug names for filters and labels, and the start view.
import 'server-only';
import { loadRegionPack } from '@/lib/region/load-pack';
import type { OkrugOption } from './okrug';

export interface RegionInfo {
  okrugs: OkrugOption[];
  defaultView: { lat: number; lon: number; zoom: number };
  /** [west, south, east, north] of the city, to keep the camera near the data. */
  cityBbox: [number, number, number, number];
}

export function getRegionInfo(): RegionInfo {
  const pack = loadRegionPack();
  return {
    okrugs: pack.districts.map((d) => ({ id: d.id, abbrRu: d.abbrRu, nameRu: d.nameRu, nameEn: d.nameEn })),
    defaultView: pack.defaultView,
    cityBbox: pack.city.bbox,
  };
}
