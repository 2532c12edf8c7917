import { describe, expect, it } from 'vitest';
import { mapClustersSchema } from './cluster-query';

const answer = (features: unknown[]) => ({
  type: 'FeatureCollection',
  features,
  layer: 'addresses',
  zoom: 10,
  cellDegrees: 0.05,
  total: 12,
  truncated: false,
});

const cluster = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [37.6, 55.7] },
  properties: {
    cluster: true,
    count: 12,
    counts: { pending: 1, active: 11, interrupted: 0, cancelled: 0, ended: 0 },
    bbox: [37.5, 55.6, 37.7, 55.8],
  },
};

describe('mapClustersSchema', () => {
  it('keeps a well-formed answer as it is', () => {
    expect(mapClustersSchema.parse(answer([cluster]))).toEqual(answer([cluster]));
  });

  it('refuses a feature without a numeric position', () => {
    const broken = { ...cluster, geometry: { type: 'Point', coordinates: ['37.6', 55.7] } };
    expect(mapClustersSchema.safeParse(answer([broken])).success).toBe(false);
    expect(mapClustersSchema.safeParse(answer([{ type: 'Feature', properties: {} }])).success).toBe(false);
  });

  it('still checks the envelope in full', () => {
    expect(mapClustersSchema.safeParse({ ...answer([cluster]), total: 'many' }).success).toBe(false);
  });
});
