import { describe, expect, it } from 'vitest';
import {
  type PolygonGeometry,
  computeGeometryBbox,
  haversineMeters,
  isInBbox,
  isPointInGeometry,
  isPointInPreparedGeometry,
  measureDistanceToEdgesMeters,
  prepareGeometry,
} from './geo';
import { roundGeometry, simplifyGeometry } from './geo-simplify';

// A 10x10 square with a 4x4 hole, plus a separate 2x2 island: [lon, lat], outer CCW, hole CW.
const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const hole = [
  [3, 3],
  [3, 7],
  [7, 7],
  [7, 3],
  [3, 3],
];
const island = [
  [20, 20],
  [22, 20],
  [22, 22],
  [20, 22],
  [20, 20],
];
const donut: PolygonGeometry = { type: 'Polygon', coordinates: [square, hole] };
const multi: PolygonGeometry = { type: 'MultiPolygon', coordinates: [[square, hole], [island]] };

describe('haversineMeters', () => {
  it.each([
    ['same point', [55.75, 37.62, 55.75, 37.62], 0, 0.001],
    ['one degree of latitude', [55, 37, 56, 37], 111_195, 50],
    ['Okhotny Ryad to Kiyevskaya (about 3.5 km)', [55.757772, 37.61651, 55.744301, 37.565375], 3_500, 150],
    ['Moscow to Tula (about 174 km)', [55.7558, 37.6173, 54.1931, 37.6173], 173_760, 300],
  ])('%s', (_name, [a, b, c, d], expected, tolerance) => {
    expect(Math.abs(haversineMeters(a!, b!, c!, d!) - expected)).toBeLessThanOrEqual(tolerance);
  });
});

describe('point in polygon', () => {
  it.each([
    ['inside the ring, outside the hole', multi, 1, 1, true],
    ['inside the hole', multi, 5, 5, false],
    ['inside the island part', multi, 21, 21, true],
    ['between parts', multi, 15, 15, false],
    ['left of everything', multi, -1, 5, false],
    ['polygon: inside', donut, 9, 9, true],
    ['polygon: in hole', donut, 4, 6, false],
    ['polygon: above', donut, 5, 11, false],
  ] as const)('%s', (_name, geometry, lon, lat, expected) => {
    expect(isPointInGeometry(geometry, lon, lat)).toBe(expected);
    expect(isPointInPreparedGeometry(prepareGeometry(geometry), lon, lat)).toBe(expected);
  });

  it('prepared test agrees with plain ray casting on a jagged ring', () => {
    // A star with 200 spikes exercises the band index with many edges per band.
    const ring: number[][] = [];
    for (let i = 0; i < 400; i++) {
      const r = i % 2 === 0 ? 10 : 4;
      const a = (i / 400) * 2 * Math.PI;
      ring.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    const star: PolygonGeometry = { type: 'Polygon', coordinates: [ring] };
    const prepared = prepareGeometry(star);
    let seed = 42;
    const rng = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let insideCount = 0;
    for (let i = 0; i < 5000; i++) {
      const [lon, lat] = [rng() * 24 - 12, rng() * 24 - 12];
      const expected = isPointInGeometry(star, lon, lat);
      if (expected) insideCount++;
      expect(isPointInPreparedGeometry(prepared, lon, lat)).toBe(expected);
    }
    expect(insideCount).toBeGreaterThan(500);
  });
});

describe('bbox helpers', () => {
  it('computes the bbox over all parts and checks containment inclusively', () => {
    const bbox = computeGeometryBbox(multi);
    expect(bbox).toEqual([0, 0, 22, 22]);
    expect(isInBbox(bbox, 22, 0)).toBe(true);
    expect(isInBbox(bbox, 22.01, 0)).toBe(false);
  });
});

describe('measureDistanceToEdgesMeters', () => {
  it('measures from outside and inside to the nearest edge', () => {
    const small: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [37, 55],
          [37.01, 55],
          [37.01, 55.01],
          [37, 55.01],
          [37, 55],
        ],
      ],
    };
    const prepared = prepareGeometry(small);
    // 0.001 degrees of latitude south of the bottom edge is about 111 m.
    expect(measureDistanceToEdgesMeters(prepared, 37.005, 54.999)).toBeCloseTo(110.6, 0);
    expect(measureDistanceToEdgesMeters(prepared, 37.005, 55.001)).toBeCloseTo(110.6, 0);
  });
});

describe('roundGeometry / simplifyGeometry', () => {
  it('rounds, drops repeated vertices and degenerate holes', () => {
    const fine: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.00001, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
        [
          [0.5, 0.5],
          [0.50001, 0.5],
          [0.5, 0.50001],
          [0.5, 0.5],
        ],
      ],
    };
    expect(roundGeometry(fine, 4)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('removes vertices closer than the tolerance to the simplified line, keeps corners', () => {
    const wobbly = [
      [37, 55],
      [37.005, 55.00001],
      [37.01, 55],
      [37.01, 55.01],
      [37, 55.01],
      [37, 55],
    ];
    const out = simplifyGeometry({ type: 'Polygon', coordinates: [wobbly] }, 20);
    expect(out.type === 'Polygon' && out.coordinates[0]).toEqual([
      [37, 55],
      [37.01, 55],
      [37.01, 55.01],
      [37, 55.01],
      [37, 55],
    ]);
  });
});
