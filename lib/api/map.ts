// Map clusters: a GeoJSON FeatureCollection computed on the server for one viewport and zoom.
// Ids and statuses only: no names, documents or addresses travel to the map.
import { z } from 'zod';
import { CITIZENSHIPS, LAPSE_KINDS, REGISTRATION_STATUSES } from '@/lib/domain/types';
import { enumList, idList, instant } from './common';
import { lapseKindSchema, workerStatusSchema } from './enums';

export const MAP_LAYERS = ['addresses', 'lapses', 'heat'] as const;

const bboxParam = z
  .string({ message: 'bbox is required: west,south,east,north in degrees.' })
  .transform((v) => v.split(',').map((s) => Number(s.trim())))
  .pipe(
    z
      .array(z.number().finite())
      .length(4, 'bbox needs four numbers: west,south,east,north.')
      .refine(
        ([w = 0, s = 0, e = 0, n = 0]) => w >= -180 && e <= 180 && s >= -90 && n <= 90 && w < e && s < n,
        {
          message: 'bbox must be west,south,east,north with west < east and south < north.',
        },
      ),
  )
  .transform(([w = 0, s = 0, e = 0, n = 0]) => ({ west: w, south: s, east: e, north: n }));

export const clustersParamsSchema = z.object({
  bbox: bboxParam,
  zoom: z.coerce.number().min(0).max(22),
  layer: z.enum(MAP_LAYERS).default('addresses'),
  status: enumList(REGISTRATION_STATUSES).optional(),
  citizenship: enumList(CITIZENSHIPS).optional(),
  okrug: idList.optional(),
  kind: enumList(LAPSE_KINDS).optional().describe('lapses and heat layers: lapse kinds'),
  from: instant('start')
    .optional()
    .describe(
      "heat layer: lapses started at or after (default: start of the region's local day 6 days ago, so the last 7 calendar days with today); whole local days are pre-aggregated, partial edge days counted live",
    ),
  to: instant('end')
    .optional()
    .describe(
      'heat layer: lapses started before (default now; today counts up to the last fold, every 15 s)',
    ),
});
export type ClustersFilters = z.input<typeof clustersParamsSchema>;
export type ClustersParams = z.output<typeof clustersParamsSchema>;

export const statusCountsSchema = z.object({
  pending: z.number().int(),
  active: z.number().int(),
  interrupted: z.number().int(),
  cancelled: z.number().int(),
  ended: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

const pointGeometry = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });

export const clusterPropsSchema = z.object({
  cluster: z.literal(true),
  count: z.number().int(),
  counts: statusCountsSchema,
  /** Extent of the members [west, south, east, north], for zoom-to on click. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Lapses layer: open lapses per kind. */
  kinds: z.record(z.string(), z.number().int()).optional(),
});
export const pointPropsSchema = z.object({
  cluster: z.literal(false),
  workerId: z.guid(),
  status: workerStatusSchema,
  openLapseKind: lapseKindSchema.nullable(),
  lapseId: z.guid().nullable().optional(),
});
export const heatPropsSchema = z.object({
  heat: z.literal(true),
  count: z.number().int(),
  /** count divided by the largest cell count in the answer, 0..1. */
  weight: z.number(),
});

export const clusterFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: pointGeometry,
  properties: z.union([clusterPropsSchema, pointPropsSchema, heatPropsSchema]),
});
export type ClusterFeature = z.infer<typeof clusterFeatureSchema>;

export const clustersResponseSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(clusterFeatureSchema),
  layer: z.enum(MAP_LAYERS),
  zoom: z.number(),
  /** Grid cell size used for this zoom, in degrees of longitude. */
  cellDegrees: z.number(),
  /** Members in the viewport (workers, or lapses for the heat layer). */
  total: z.number().int(),
  truncated: z.boolean(),
});
export type ClustersResponse = z.infer<typeof clustersResponseSchema>;

/** Basemap GeoJSON (districts, region outline): loosely typed, drawn as is. */
export const geoJsonSchema = z
  .object({ type: z.string(), features: z.array(z.unknown()).optional() })
  .loose();
