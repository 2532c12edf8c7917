// Reads a region pack (data/region/<id>/manifest.json and the files it names) once per process.
// No 'server-only' marker: the seed and simulator scripts load packs too; it reads files, so no
// client component can import it anyway.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PolygonGeometry } from '@/lib/domain/geo';
import { roundGeometry, simplifyGeometry } from '@/lib/domain/geo-simplify';
import { type RegionPack, buildRegionPack } from '@/lib/domain/region';
import { type RegionManifest, regionManifestSchema } from '@/lib/domain/region-manifest';

const packs = new Map<string, RegionPack>();
const DRAW_DECIMALS = 4; // about 7-11 m: plenty for an outline, a third smaller than the source
// The oblast is only context around the city; at the zooms where it is seen, 60 m is invisible.
const OBLAST_TOLERANCE_M = 60;

function resolvePackId(id?: string): string {
  const packId = id ?? process.env.REGION_PACK ?? 'moscow';
  if (!/^[a-z0-9-]+$/.test(packId))
    throw new Error(`REGION_PACK "${packId}" is not a valid pack folder name`);
  return packId;
}

function readJsonFile(dir: string, file: string): unknown {
  const full = path.join(dir, file);
  try {
    return JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (err) {
    throw new Error(`Region pack: cannot read ${full}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function readRegionManifest(dir: string): RegionManifest {
  const result = regionManifestSchema.safeParse(readJsonFile(dir, 'manifest.json'));
  if (!result.success) {
    throw new Error(
      `Region pack: ${path.join(dir, 'manifest.json')} is invalid:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

export function loadRegionPack(id?: string): RegionPack {
  const packId = resolvePackId(id);
  const cached = packs.get(packId);
  if (cached) return cached;
  const dir = path.join(process.cwd(), 'data/region', packId);
  const manifest = readRegionManifest(dir);
  if (manifest.id !== packId)
    throw new Error(`Region pack folder "${packId}" holds manifest id "${manifest.id}"`);
  const pack = buildRegionPack(manifest, {
    city: readJsonFile(dir, manifest.geofence.city.file),
    oblast: readJsonFile(dir, manifest.geofence.oblast.file),
    districts: readJsonFile(dir, manifest.districts.file),
    stations: readJsonFile(dir, manifest.stations.file),
  });
  packs.set(packId, pack);
  return pack;
}

export interface DrawFeature<P> {
  type: 'Feature';
  id: string;
  properties: P;
  geometry: PolygonGeometry;
}

export interface DrawCollection<P> {
  type: 'FeatureCollection';
  attribution: string;
  license: string;
  features: DrawFeature<P>[];
}

export interface DistrictDrawProps {
  id: string;
  abbrRu: string;
  nameRu: string;
  nameEn: string;
}

export interface OutlineDrawProps {
  area: 'city' | 'oblast';
  nameRu: string;
  nameEn: string;
}

const districtDrawCache = new Map<string, DrawCollection<DistrictDrawProps>>();
const outlineDrawCache = new Map<string, DrawCollection<OutlineDrawProps>>();

/** District polygons for the basemap, with coordinates rounded for a small static response. */
export function getDistrictGeoJson(id?: string): DrawCollection<DistrictDrawProps> {
  const pack = loadRegionPack(id);
  const cached = districtDrawCache.get(pack.id);
  if (cached) return cached;
  const collection: DrawCollection<DistrictDrawProps> = {
    type: 'FeatureCollection',
    attribution: pack.attribution,
    license: pack.license,
    features: pack.districts.map((d) => ({
      type: 'Feature',
      id: d.id,
      properties: { id: d.id, abbrRu: d.abbrRu, nameRu: d.nameRu, nameEn: d.nameEn },
      geometry: roundGeometry(d.geometry, DRAW_DECIMALS),
    })),
  };
  districtDrawCache.set(pack.id, collection);
  return collection;
}

/** City and oblast outlines (the region is their union) for the basemap. */
export function getRegionOutlineGeoJson(id?: string): DrawCollection<OutlineDrawProps> {
  const pack = loadRegionPack(id);
  const cached = outlineDrawCache.get(pack.id);
  if (cached) return cached;
  const collection: DrawCollection<OutlineDrawProps> = {
    type: 'FeatureCollection',
    attribution: pack.attribution,
    license: pack.license,
    features: (['city', 'oblast'] as const).map((area) => ({
      type: 'Feature',
      id: area,
      properties: { area, nameRu: pack[area].nameRu, nameEn: pack[area].nameEn },
      geometry: roundGeometry(
        area === 'oblast' ? simplifyGeometry(pack.oblast.geometry, OBLAST_TOLERANCE_M) : pack.city.geometry,
        DRAW_DECIMALS,
      ),
    })),
  };
  outlineDrawCache.set(pack.id, collection);
  return collection;
}
