import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegionPack } from '@/lib/domain/region';
import { CITIZENSHIPS } from '@/lib/domain/types';
import { getDistrictGeoJson, getRegionOutlineGeoJson, loadRegionPack, readRegionManifest } from './load-pack';

const packDir = path.join(process.cwd(), 'data/region/moscow');
const manifest = readRegionManifest(packDir);
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(packDir, file), 'utf8'));

describe('Moscow manifest', () => {
  it('has district weights summing to about 100, each naming a district of the GeoJSON', () => {
    const weights = manifest.weights.districts ?? {};
    const sum = Object.values(weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(99.9);
    expect(sum).toBeLessThan(100.1);
    const geo = readJson(manifest.districts.file);
    const ids =
      typeof geo === 'object' && geo !== null && 'features' in geo && Array.isArray(geo.features)
        ? geo.features.map(
            (f: { properties: Record<string, unknown> }) => f.properties[manifest.districts.idProperty],
          )
        : [];
    expect([...ids].sort()).toEqual(Object.keys(weights).sort());
  });

  it('has a citizenship mix over exactly the nine countries, summing to 100', () => {
    const mix = manifest.weights.citizenship;
    expect(Object.keys(mix).sort()).toEqual([...CITIZENSHIPS].sort());
    expect(Object.values(mix).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('loadRegionPack', () => {
  const pack = loadRegionPack('moscow');

  it('builds the pack from the manifest and caches it per process', () => {
    expect(loadRegionPack('moscow')).toBe(pack);
    expect(pack).toMatchObject({ id: 'moscow', timezone: 'Europe/Moscow', license: 'ODbL-1.0' });
    expect(pack.attribution).toBe('© OpenStreetMap contributors');
    expect(pack.districts).toHaveLength(12);
    expect(pack.districts.every((d) => d.weight > 0 && d.nameRu && d.nameEn && d.abbrRu)).toBe(true);
    expect(pack.stations.length).toBeGreaterThan(300);
    expect(pack.lines.length).toBeGreaterThan(15);
  });

  it('has line sequences that only name stations of the pack', () => {
    const ids = new Set(pack.stations.map((s) => s.id));
    expect(pack.lines.flatMap((l) => l.sequences.flat()).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each([
    ['a missing pack', 'atlantis', /cannot read/],
    ['a folder name with path characters', '../secrets', /not a valid pack folder name/],
  ])('fails clearly for %s', (_name, id, message) => {
    expect(() => loadRegionPack(id)).toThrow(message);
  });
});

describe('manifest and file validation', () => {
  it('names the broken field of an invalid manifest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'region-pack-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, timezone: 7 }));
    expect(() => readRegionManifest(dir)).toThrow(/timezone/);
    fs.rmSync(dir, { recursive: true });
  });

  it.each([
    [
      'weights for a district missing from the file',
      { ...manifest, weights: { ...manifest.weights, districts: { XX: 1 } } },
      /XX/,
    ],
    [
      'an id property the districts lack',
      { ...manifest, districts: { ...manifest.districts, idProperty: 'okato' } },
      /okato/,
    ],
  ])('rejects %s', (_name, badManifest, message) => {
    const files = {
      city: readJson(manifest.geofence.city.file),
      oblast: readJson(manifest.geofence.oblast.file),
      districts: readJson(manifest.districts.file),
      stations: readJson(manifest.stations.file),
    };
    expect(() => buildRegionPack(badManifest, files)).toThrow(message);
  });

  it('rejects a stations file that is not a FeatureCollection', () => {
    const files = {
      city: readJson(manifest.geofence.city.file),
      oblast: readJson(manifest.geofence.oblast.file),
      districts: readJson(manifest.districts.file),
      stations: { type: 'Nope' },
    };
    expect(() => buildRegionPack(manifest, files)).toThrow(/moscow-metro\.geojson is malformed/);
  });
});

describe('GeoJSON for the basemap', () => {
  it('serves districts with ids, names and rounded coordinates', () => {
    const fc = getDistrictGeoJson('moscow');
    expect(fc.attribution).toBe('© OpenStreetMap contributors');
    expect(fc.features.map((f) => f.id).sort()).toEqual(
      loadRegionPack('moscow')
        .districts.map((d) => d.id)
        .sort(),
    );
    const coords = JSON.stringify(fc.features.map((f) => f.geometry.coordinates));
    expect(coords).not.toMatch(/\.\d{5,}/);
    expect(fc.features[0]?.properties).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        abbrRu: expect.any(String),
        nameRu: expect.any(String),
      }),
    );
    expect(JSON.stringify(fc).length).toBeLessThan(150_000);
  });

  it('serves the city and oblast outlines', () => {
    const fc = getRegionOutlineGeoJson('moscow');
    expect(fc.features.map((f) => f.properties.area)).toEqual(['city', 'oblast']);
    expect(fc.features.every((f) => f.geometry.coordinates.length > 0)).toBe(true);
    expect(JSON.stringify(fc).length).toBeLessThan(200_000);
  });
});
