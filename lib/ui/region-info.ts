// What the pages need from the region pack: okrug names for filters and labels, extents for the camera.
import 'server-only';
import { loadRegionPack } from '@/lib/region/load-pack';
import type { OkrugOption } from './okrug';

export type Extent = [west: number, south: number, east: number, north: number];

export interface RegionInfo {
  okrugs: OkrugOption[];
  okrugExtents: Record<string, Extent>;
  defaultView: { lat: number; lon: number; zoom: number };
  /** The whole region (city + oblast): the camera is kept near it. */
  regionExtent: Extent;
}

export function getRegionInfo(): RegionInfo {
  const pack = loadRegionPack();
  const [cw, cs, ce, cn] = pack.city.bbox;
  const [ow, os, oe, on] = pack.oblast.bbox;
  return {
    okrugs: pack.districts.map((d) => ({ id: d.id, abbrRu: d.abbrRu, nameRu: d.nameRu, nameEn: d.nameEn })),
    okrugExtents: Object.fromEntries(pack.districts.map((d) => [d.id, d.bbox])),
    defaultView: pack.defaultView,
    regionExtent: [Math.min(cw, ow), Math.min(cs, os), Math.max(ce, oe), Math.max(cn, on)],
  };
}
