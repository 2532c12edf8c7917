// Basemap GeoJSON from /api/v1/region/districts and /outline, checked and typed for Leaflet.
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

const position = z.array(z.number()).min(2);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

const districtPropsSchema = z.object({
  id: z.string(),
  abbrRu: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
});
const outlinePropsSchema = z.object({
  area: z.enum(['city', 'oblast']),
  nameRu: z.string(),
  nameEn: z.string(),
});

function collectionOf<P extends z.ZodType>(props: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties: props, geometry: geometrySchema })),
  });
}

export type DistrictProps = z.infer<typeof districtPropsSchema>;
export type OutlineProps = z.infer<typeof outlinePropsSchema>;
export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProps>;
export type OutlineCollection = FeatureCollection<Polygon | MultiPolygon, OutlineProps>;

const districtsSchema = collectionOf(districtPropsSchema);
const outlineSchema = collectionOf(outlinePropsSchema);

/** Null when the server answered something unexpected (the map then simply has no basemap). */
export function readDistricts(data: unknown): DistrictCollection | null {
  const parsed = districtsSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export function readOutline(data: unknown): OutlineCollection | null {
  const parsed = outlineSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
