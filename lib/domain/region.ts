// Questions the lapse engine and the simulator ask of a region pack. Pure: the pack is built by
// buildRegionPack (region-pack.ts) from configuration; nothing here names a city or a district.
import { isInBbox, isPointInPreparedGeometry, measureDistanceToEdgesMeters } from './geo';
import type { RegionPack, Station } from './region-pack';
import { findNearestInGrid } from './station-index';

export { buildRegionPack } from './region-pack';
export type { District, RegionArea, RegionPack, Station, TransitLine } from './region-pack';
export type { RegionFiles, RegionManifest } from './region-manifest';

export type RegionAreaKind = 'city' | 'oblast';

export interface PointLocation {
  inRegion: boolean;
  area: RegionAreaKind | null;
  districtId: string | null;
}

/** The region is city ∪ oblast; a district is looked up only for points inside the city. */
export function locatePoint(pack: RegionPack, lat: number, lon: number): PointLocation {
  if (isPointInPreparedGeometry(pack.index.city, lon, lat)) {
    return { inRegion: true, area: 'city', districtId: findDistrictId(pack, lat, lon) };
  }
  if (isPointInPreparedGeometry(pack.index.oblast, lon, lat)) {
    return { inRegion: true, area: 'oblast', districtId: null };
  }
  return { inRegion: false, area: null, districtId: null };
}

function findDistrictId(pack: RegionPack, lat: number, lon: number): string | null {
  for (const d of pack.index.districts) {
    if (isPointInPreparedGeometry(d.prepared, lon, lat)) return d.id;
  }
  return null;
}

/**
 * How far a point lies outside the region, in metres (0 inside). City and oblast borders come from
 * different OSM extracts and disagree by up to a few hundred metres in places, so a fix just past
 * the line, within its own accuracy, should not by itself count as leaving the region.
 */
export function measureDistanceOutsideRegionMeters(pack: RegionPack, lat: number, lon: number): number {
  if (locatePoint(pack, lat, lon).inRegion) return 0;
  return Math.min(
    measureDistanceToEdgesMeters(pack.index.city, lon, lat),
    measureDistanceToEdgesMeters(pack.index.oblast, lon, lat),
  );
}

export function findNearestStation(
  pack: RegionPack,
  lat: number,
  lon: number,
  maxMeters = 300,
): { station: Station; distanceM: number } | null {
  const hit = findNearestInGrid(pack.index.stations, lat, lon, maxMeters);
  return hit ? { station: hit.item, distanceM: hit.distanceM } : null;
}

const MAX_SAMPLING_ATTEMPTS = 10_000;

/** A uniformly random point inside a district (rejection sampling within its bbox). */
export function randomPointInDistrict(
  pack: RegionPack,
  districtId: string,
  rng: () => number,
): { lat: number; lon: number } {
  const district = pack.districts.find((d) => d.id === districtId);
  const prepared = pack.index.districts.find((d) => d.id === districtId)?.prepared;
  if (!district || !prepared) throw new Error(`Region pack ${pack.id} has no district "${districtId}"`);
  const [w, s, e, n] = district.bbox;
  for (let i = 0; i < MAX_SAMPLING_ATTEMPTS; i++) {
    const lon = w + rng() * (e - w);
    const lat = s + rng() * (n - s);
    if (isInBbox(district.bbox, lon, lat) && isPointInPreparedGeometry(prepared, lon, lat))
      return { lat, lon };
  }
  throw new Error(`Could not sample a point in district "${districtId}": check its geometry`);
}

/** Picks a key with probability proportional to its weight (e.g. district or citizenship weights). */
export function pickWeighted(weights: Readonly<Record<string, number>>, rng: () => number): string {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!entries.length) throw new Error('pickWeighted needs at least one positive weight');
  let r = rng() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1]?.[0] ?? '';
}

/** District weights of the pack as a record, for pickWeighted. */
export function listDistrictWeights(pack: RegionPack): Record<string, number> {
  return Object.fromEntries(pack.districts.map((d) => [d.id, d.weight]));
}

// The city and oblast borders come from different extracts and leave slivers of up to ~330 m
// between them; a fix there, or one whose own accuracy reaches back inside, has not left the region.
export const BORDER_TOLERANCE_M = 400;

export function hasClearlyLeftRegion(pack: RegionPack, lat: number, lon: number, accuracyM = 0): boolean {
  if (locatePoint(pack, lat, lon).inRegion) return false;
  return measureDistanceOutsideRegionMeters(pack, lat, lon) > Math.max(BORDER_TOLERANCE_M, accuracyM);
}
