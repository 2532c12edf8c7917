import { describe, expect, it } from 'vitest';
import { loadRegionPack } from '@/lib/region/load-pack';
import {
  findNearestStation,
  hasClearlyLeftRegion,
  listDistrictWeights,
  locatePoint,
  measureDistanceOutsideRegionMeters,
  pickWeighted,
  randomPointInDistrict,
} from './region';

const pack = loadRegionPack('moscow');

function seededRng(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('locatePoint on the Moscow pack', () => {
  it.each([
    ['Red Square', 55.7539, 37.6208, true, 'city', 'TsAO'],
    ['Khimki (oblast)', 55.897, 37.4297, true, 'oblast', null],
    ['Tula (outside)', 54.1931, 37.6173, false, null, null],
    ['Zelenograd', 55.9825, 37.1814, true, 'city', 'ZelAO'],
    ['Troitsk', 55.4847, 37.3046, true, 'city', 'TAO'],
    ['Obninsk, Kaluga Oblast', 55.0968, 36.6101, false, null, null],
    ['Kaluga Oblast just south-west of TAO', 55.2, 36.95, false, null, null],
    ['Kuntsevo exclave, a hole in the oblast', 55.7234, 37.074, true, 'city', 'ZAO'],
    ['Kiyevskaya station', 55.744301, 37.565375, true, 'city', 'ZAO'],
    ['Podolsk (oblast)', 55.4311, 37.5447, true, 'oblast', null],
    ['Saint Petersburg', 59.9386, 30.3141, false, null, null],
  ] as const)('%s', (_name, lat, lon, inRegion, area, districtId) => {
    expect(locatePoint(pack, lat, lon)).toEqual({ inRegion, area, districtId });
  });

  it('puts every sampled city point in exactly one district', () => {
    const rng = seededRng(11);
    for (const district of pack.districts) {
      for (let i = 0; i < 20; i++) {
        const p = randomPointInDistrict(pack, district.id, rng);
        expect(locatePoint(pack, p.lat, p.lon)).toEqual({
          inRegion: true,
          area: 'city',
          districtId: district.id,
        });
      }
    }
  });

  it('rejects an unknown district when sampling', () => {
    expect(() => randomPointInDistrict(pack, 'nope', Math.random)).toThrow(/no district "nope"/);
  });
});

describe('measureDistanceOutsideRegionMeters', () => {
  it.each([
    ['inside the city', 55.7539, 37.6208, 0, 0],
    ['Tula, about 58 km from the oblast border', 54.1931, 37.6173, 50_000, 65_000],
    ['Kaluga Oblast just south-west of TAO', 55.2, 36.95, 1, 20_000],
  ])('%s', (_name, lat, lon, min, max) => {
    const d = measureDistanceOutsideRegionMeters(pack, lat, lon);
    expect(d).toBeGreaterThanOrEqual(min);
    expect(d).toBeLessThanOrEqual(max);
  });
});

describe('findNearestStation', () => {
  it.each([
    ['next to Kiyevskaya', 55.7441, 37.566, 300, 'Kiyevskaya', 0, 100],
    ['Okhotny Ryad platform itself', 55.757772, 37.61651, 300, 'Okhotny Ryad', 0, 1],
    ['Red Square is over 300 m from any platform', 55.7539, 37.6208, 300, null, 0, 0],
    ['Red Square with a 1 km radius', 55.7539, 37.6208, 1000, 'any', 0, 1000],
    ['Tula even with a 20 km radius', 54.1931, 37.6173, 20_000, null, 0, 0],
  ] as const)('%s', (_name, lat, lon, maxM, expected, minD, maxD) => {
    const hit = findNearestStation(pack, lat, lon, maxM);
    if (expected === null) return expect(hit).toBeNull();
    expect(hit).not.toBeNull();
    if (expected !== 'any') expect(hit?.station.nameEn).toBe(expected);
    expect(hit?.distanceM).toBeGreaterThanOrEqual(minD);
    expect(hit?.distanceM).toBeLessThanOrEqual(maxD);
  });

  it('agrees with a full scan at random points', () => {
    const rng = seededRng(5);
    for (let i = 0; i < 300; i++) {
      const [lat, lon] = [55.55 + rng() * 0.4, 37.3 + rng() * 0.6];
      const hit = findNearestStation(pack, lat, lon, 800);
      const best = findNearestStation(pack, lat, lon, 50_000);
      if (best && best.distanceM <= 800) expect(hit?.distanceM).toBeCloseTo(best.distanceM, 6);
      else expect(hit).toBeNull();
    }
  });
});

describe('weights', () => {
  it('picks keys in proportion to weight and never picks a zero weight', () => {
    const rng = seededRng(3);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) {
      const k = pickWeighted({ a: 3, b: 1, c: 0 }, rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts.c).toBe(0);
    expect((counts.a ?? 0) / 10_000).toBeGreaterThan(0.72);
    expect((counts.a ?? 0) / 10_000).toBeLessThan(0.78);
  });

  it('exposes district weights keyed by district id', () => {
    const weights = listDistrictWeights(pack);
    expect(Object.keys(weights).sort()).toEqual(pack.districts.map((d) => d.id).sort());
  });
});

describe('hasClearlyLeftRegion', () => {
  const cases = [
    { name: 'Red Square', lat: 55.7539, lon: 37.6208, accuracy: 10, left: false },
    { name: 'Khimki (oblast)', lat: 55.897, lon: 37.4297, accuracy: 10, left: false },
    { name: 'Tula', lat: 54.1931, lon: 37.6173, accuracy: 10, left: true },
    {
      name: 'Tula with a hopeless accuracy radius',
      lat: 54.1931,
      lon: 37.6173,
      accuracy: 500_000,
      left: false,
    },
  ];
  it.each(cases)('$name', ({ lat, lon, accuracy, left }) => {
    expect(hasClearlyLeftRegion(pack, lat, lon, accuracy)).toBe(left);
  });
});
