import { describe, expect, it } from 'vitest';
import { locatePoint } from '@/lib/domain/region';
import { CITIZENSHIPS } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { createSimContext, deriveDeviceToken, generateWorker, hashToken } from './population';

const pack = loadRegionPack('moscow');
const NOW = new Date('2026-11-24T21:00:00Z');
const ctx = createSimContext(pack, 42, NOW);
const SAMPLE = 10_000;
const workers = Array.from({ length: SAMPLE }, (_, i) => generateWorker(ctx, i));

describe('generateWorker', () => {
  it('gives the same person for the same seed and index, another for another seed', () => {
    const again = createSimContext(pack, 42, NOW);
    expect(generateWorker(again, 17)).toEqual(workers[17]);
    const other = createSimContext(pack, 43, NOW);
    expect(generateWorker(other, 17).nameLatin + generateWorker(other, 17).documentNumber).not.toBe(
      workers[17]!.nameLatin + workers[17]!.documentNumber,
    );
  });

  it('does not depend on which workers were generated before', () => {
    const fresh = createSimContext(pack, 42, NOW);
    expect(generateWorker(fresh, 9_999)).toEqual(workers[9_999]);
  });

  it('draws citizenships close to the pack weights', () => {
    const total = Object.values(pack.citizenshipWeights).reduce((a, b) => a + b, 0);
    const counts = new Map<string, number>();
    for (const w of workers) counts.set(w.citizenship, (counts.get(w.citizenship) ?? 0) + 1);
    for (const code of CITIZENSHIPS) {
      const expected = (pack.citizenshipWeights[code] ?? 0) / total;
      const actual = (counts.get(code) ?? 0) / SAMPLE;
      expect(Math.abs(actual - expected), code).toBeLessThan(0.015);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(top.slice(0, 3)).toEqual(['UZ', 'TJ', 'KG']);
  });

  it('writes every name in Latin and in Cyrillic', () => {
    for (const w of workers.slice(0, 2_000)) {
      expect(w.nameLatin).toMatch(/^[A-Za-z]+(?:[ '-][A-Za-z]+)+$/);
      expect(w.nameCyrillic).toMatch(/^\p{Script=Cyrillic}+(?:[ -]\p{Script=Cyrillic}+)+$/u);
    }
  });

  it('gives women the feminine form of Russian-style surnames', () => {
    const women = workers.filter((w) => w.sex === 'female' && /(ов|ев|ин)а?$/.test(w.nameCyrillic));
    expect(women.length).toBeGreaterThan(50);
    for (const w of women) {
      expect(w.nameCyrillic).toMatch(/а$/);
      expect(w.nameLatin).toMatch(/a$/);
    }
    expect(workers.filter((w) => w.sex === 'female').length / SAMPLE).toBeGreaterThan(0.05);
    expect(workers.filter((w) => w.sex === 'female').length / SAMPLE).toBeLessThan(0.35);
  });

  it('never repeats a document number within a country', () => {
    const seen = new Set(workers.map((w) => `${w.citizenship}:${w.documentNumber}`));
    expect(seen.size).toBe(SAMPLE);
  });

  it('makes adults of 18 to 60 with Russian mobile numbers', () => {
    for (const w of workers.slice(0, 2_000)) {
      const age = (NOW.getTime() - Date.parse(w.birthDate)) / (365.25 * 86_400_000);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThan(61);
      expect(w.phone).toMatch(/^\+79\d{9}$/);
    }
  });

  it('places homes inside the region and inside the district drawn for them', () => {
    for (const w of workers.slice(0, 3_000)) {
      const where = locatePoint(pack, w.home.lat, w.home.lon);
      expect(where.inRegion).toBe(true);
      expect(where.districtId).toBe(w.home.districtId);
      expect(w.home.addressText).toMatch(/(д\.|корп\.) \d+/);
      expect(locatePoint(pack, w.work.lat, w.work.lon).inRegion).toBe(true);
    }
  });

  it('follows the district weights for homes and leans workplaces to the centre', () => {
    const share = (ids: string[], pick: (w: (typeof workers)[number]) => string) =>
      workers.filter((w) => ids.includes(pick(w))).length / SAMPLE;
    const totalWeight = pack.districts.reduce((s, d) => s + d.weight, 0);
    for (const d of pack.districts) {
      expect(Math.abs(share([d.id], (w) => w.home.districtId) - d.weight / totalWeight), d.id).toBeLessThan(
        0.015,
      );
    }
    const central = pack.districts.find((d) => d.id === 'TsAO')!;
    expect(share([central.id], (w) => w.work.districtId)).toBeGreaterThan(2 * (central.weight / totalWeight));
  });

  it('routes long commutes over the transit network', () => {
    const far = workers.slice(0, 500).filter((w) => w.toWork.totalSec > 40 * 60);
    expect(far.length).toBeGreaterThan(100);
    expect(far.filter((w) => w.toWork.modes.includes('metro')).length / far.length).toBeGreaterThan(0.5);
    for (const w of far) expect(w.toWork.ug.some((u) => u === 1)).toBe(w.toWork.modes.includes('metro'));
  });

  it('derives the device token from seed and index and stores only its hash', () => {
    expect(workers[5]!.token).toBe(deriveDeviceToken(42, 5));
    expect(workers[5]!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(workers[5]!.tokenHash).toBe(hashToken(workers[5]!.token));
    expect(workers[5]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
