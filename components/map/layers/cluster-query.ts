// The map's clusters query: clustersQuery's key, cache and placeholder, with a lighter check of the
// answer. The full schema validates every feature's ids and enums (thousands of objects on a
// busy view) on the main thread between the answer and the draw; the map only needs the envelope
// and each feature's position and properties object, and it draws nothing it does not recognise.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { toSearchParams } from '@/lib/api/common';
import { apiFetch } from '@/lib/api/fetch';
import { clustersResponseSchema, type ClusterFeature, type ClustersFilters } from '@/lib/api/map';
import { clustersQuery } from '@/lib/api/queries';

function isFeature(value: unknown): value is ClusterFeature {
  if (typeof value !== 'object' || value === null) return false;
  if (!('geometry' in value) || !('properties' in value)) return false;
  const { geometry, properties } = value;
  if (typeof properties !== 'object' || properties === null) return false;
  if (typeof geometry !== 'object' || geometry === null || !('coordinates' in geometry)) return false;
  const xy = geometry.coordinates;
  return Array.isArray(xy) && typeof xy[0] === 'number' && typeof xy[1] === 'number';
}

/** The response's envelope in full; each feature only as far as drawing it needs. */
export const mapClustersSchema = clustersResponseSchema.extend({
  features: z.array(z.custom<ClusterFeature>(isFeature, 'not a map feature')),
});

export function mapClustersQuery(params: ClustersFilters) {
  return queryOptions({
    ...clustersQuery(params),
    queryFn: ({ signal }) =>
      apiFetch('/api/v1/map/clusters', mapClustersSchema, { search: toSearchParams(params), signal }),
  });
}
