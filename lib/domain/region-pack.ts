// A region pack in memory: geofence, districts and transit stations, all from configuration. Pure:
// it takes parsed JSON and never names a particular city or district.
import { z } from 'zod';
import {
  type BBox,
  type PolygonGeometry,
  type PreparedGeometry,
  computeGeometryBbox,
  listPolygons,
  prepareGeometry,
} from './geo';
import {
  type RegionFiles,
  type RegionManifest,
  areaCollectionSchema,
  stationCollectionSchema,
} from './region-manifest';
import { type PointGrid, buildPointGrid } from './station-index';

export interface District {
  id: string;
  abbrRu: string;
  nameRu: string;
  nameEn: string;
  /** Simulation weight (share of population, any scale); 0 when the manifest gives none. */
  weight: number;
  bbox: BBox;
  geometry: PolygonGeometry;
}

export interface RegionArea {
  nameRu: string;
  nameEn: string;
  bbox: BBox;
  geometry: PolygonGeometry;
}

export interface Station {
  id: string;
  stationId: string;
  nameRu: string;
  nameEn: string;
  lineId: string;
  system: string;
  lat: number;
  lon: number;
}

export interface TransitLine {
  id: string;
  nameRu: string;
  nameEn: string;
  color: string;
  system: string;
  ring: boolean;
  sequences: string[][];
}

export interface RegionPack {
  id: string;
  nameRu: string;
  nameEn: string;
  timezone: string;
  attribution: string;
  license: string;
  districts: District[];
  city: RegionArea;
  oblast: RegionArea;
  stations: Station[];
  lines: TransitLine[];
  citizenshipWeights: Record<string, number>;
  defaultView: { lat: number; lon: number; zoom: number };
  /** Precomputed lookup structures; derived from the fields above. */
  index: {
    city: PreparedGeometry;
    oblast: PreparedGeometry;
    districts: { id: string; prepared: PreparedGeometry }[];
    stations: PointGrid<Station>;
  };
}

function parseFile<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Error(`Region pack: ${what} is malformed:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function mergeAreas(collection: z.infer<typeof areaCollectionSchema>): PolygonGeometry {
  const polygons = collection.features.flatMap((f) => listPolygons(f.geometry));
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function buildArea(value: unknown, spec: RegionManifest['geofence']['city']): RegionArea {
  const geometry = mergeAreas(parseFile(areaCollectionSchema, value, spec.file));
  return { nameRu: spec.name.ru, nameEn: spec.name.en, bbox: computeGeometryBbox(geometry), geometry };
}

function readText(props: Record<string, unknown> | null, key: string, file: string, index: number): string {
  const value = props?.[key];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Region pack: ${file} feature ${index} has no text property "${key}"`);
  }
  return value;
}

function buildDistricts(manifest: RegionManifest, value: unknown): District[] {
  const spec = manifest.districts;
  const collection = parseFile(areaCollectionSchema, value, spec.file);
  const weights = manifest.weights.districts ?? {};
  const districts = collection.features.map((f, i): District => {
    const id = readText(f.properties, spec.idProperty, spec.file, i);
    return {
      id,
      abbrRu: readText(f.properties, spec.abbrRuProperty, spec.file, i),
      nameRu: readText(f.properties, spec.nameRuProperty, spec.file, i),
      nameEn: readText(f.properties, spec.nameEnProperty, spec.file, i),
      weight: weights[id] ?? 0,
      bbox: computeGeometryBbox(f.geometry),
      geometry: f.geometry,
    };
  });
  const ids = new Set(districts.map((d) => d.id));
  if (ids.size !== districts.length) throw new Error(`Region pack: ${spec.file} repeats a district id`);
  const unknown = Object.keys(weights).filter((id) => !ids.has(id));
  if (unknown.length) {
    throw new Error(
      `Region pack: manifest weights name districts missing from ${spec.file}: ${unknown.join(', ')}`,
    );
  }
  return districts;
}

function buildTransit(value: unknown, file: string): { stations: Station[]; lines: TransitLine[] } {
  const collection = parseFile(stationCollectionSchema, value, file);
  const stations = collection.features.map(({ properties: p, geometry }) => ({
    id: p.id,
    stationId: p.station_id,
    nameRu: p.name_ru,
    nameEn: p.name_en,
    lineId: p.line_id,
    system: p.system,
    lon: geometry.coordinates[0] ?? NaN,
    lat: geometry.coordinates[1] ?? NaN,
  }));
  const lines = collection.lines.map((l) => ({
    id: l.line_id,
    nameRu: l.name_ru,
    nameEn: l.name_en,
    color: l.color,
    system: l.system,
    ring: l.ring,
    sequences: l.sequences,
  }));
  return { stations, lines };
}

/** Builds the in-memory pack from a validated manifest and the parsed JSON of the files it names. */
export function buildRegionPack(manifest: RegionManifest, files: RegionFiles): RegionPack {
  const city = buildArea(files.city, manifest.geofence.city);
  const oblast = buildArea(files.oblast, manifest.geofence.oblast);
  const districts = buildDistricts(manifest, files.districts);
  const { stations, lines } = buildTransit(files.stations, manifest.stations.file);
  return {
    id: manifest.id,
    nameRu: manifest.name.ru,
    nameEn: manifest.name.en,
    timezone: manifest.timezone,
    attribution: manifest.attribution,
    license: manifest.license,
    districts,
    city,
    oblast,
    stations,
    lines,
    citizenshipWeights: manifest.weights.citizenship,
    defaultView: manifest.defaultView,
    index: {
      city: prepareGeometry(city.geometry),
      oblast: prepareGeometry(oblast.geometry),
      districts: districts.map((d) => ({ id: d.id, prepared: prepareGeometry(d.geometry) })),
      stations: buildPointGrid(stations),
    },
  };
}
