// The districts (okrugs) an officer can be assigned, from the region pack: never a list in code.
import 'server-only';
import { loadRegionPack } from '@/lib/region/load-pack';

export interface DistrictOption {
  id: string;
  abbrRu: string;
  nameRu: string;
  nameEn: string;
}

export function listDistricts(): DistrictOption[] {
  return loadRegionPack().districts.map((d) => ({
    id: d.id,
    abbrRu: d.abbrRu,
    nameRu: d.nameRu,
    nameEn: d.nameEn,
  }));
}

export function listDistrictIds(): string[] {
  return listDistricts().map((d) => d.id);
}
