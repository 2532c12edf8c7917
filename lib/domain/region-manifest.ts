// Shapes of a region pack on disk: the manifest and the GeoJSON files it names. Pure (zod only), so
// the same checks run in the server loader, in scripts and in tests.
import { z } from 'zod';

const names = z.object({ ru: z.string().min(1), en: z.string().min(1) });
const fileName = z
  .string()
  .regex(/^[\w.-]+\.(geo)?json$/, 'must be a plain .geojson or .json file name inside the pack folder');
const weights = z.record(z.string().min(1), z.number().nonnegative());

export const regionManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
  name: names,
  timezone: z.string().min(1),
  attribution: z.string().min(1),
  license: z.string().min(1),
  sourceNote: z.string().optional(),
  geofence: z.object({
    city: z.object({ file: fileName, name: names }),
    oblast: z.object({ file: fileName, name: names }),
  }),
  districts: z.object({
    file: fileName,
    idProperty: z.string().min(1),
    abbrRuProperty: z.string().min(1),
    nameRuProperty: z.string().min(1),
    nameEnProperty: z.string().min(1),
  }),
  stations: z.object({ file: fileName }),
  weights: z.object({
    source: z.string().optional(),
    districts: weights.optional(),
    citizenship: z.record(
      z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code'),
      z.number().nonnegative(),
    ),
  }),
  defaultView: z.object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    zoom: z.number().int().min(1).max(19),
  }),
});
export type RegionManifest = z.infer<typeof regionManifestSchema>;

const position = z.array(z.number()).min(2);
const polygonGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }),
  z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(z.array(position).min(4)).min(1)),
  }),
]);

export const areaCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(z.object({ properties: z.record(z.string(), z.unknown()).nullable(), geometry: polygonGeometry }))
    .min(1),
});

export const stationCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  lines: z.array(
    z.object({
      line_id: z.string().min(1),
      system: z.string().min(1),
      name_ru: z.string(),
      name_en: z.string(),
      color: z.string(),
      ring: z.boolean(),
      sequences: z.array(z.array(z.string())),
    }),
  ),
  features: z.array(
    z.object({
      properties: z.object({
        id: z.string().min(1),
        station_id: z.string().min(1),
        name_ru: z.string().min(1),
        name_en: z.string().min(1),
        line_id: z.string().min(1),
        system: z.string().min(1),
      }),
      geometry: z.object({ type: z.literal('Point'), coordinates: position }),
    }),
  ),
});

/** Parsed JSON of the files a manifest names, before validation. */
export interface RegionFiles {
  city: unknown;
  oblast: unknown;
  districts: unknown;
  stations: unknown;
}
