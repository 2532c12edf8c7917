import { describe, expect, it } from 'vitest';
import type { Citizenship } from '@/lib/domain/types';
import { generateDocumentNumber, generatePhone } from './identity';
import { generateName } from './names';
import { createRng } from './rng';

describe('generateDocumentNumber', () => {
  it.each<[Citizenship, RegExp]>([
    ['UZ', /^(AA|AB|AC|FA|FB)\d{7}$/],
    ['TJ', /^[45]\d{8}$/],
    ['KG', /^(AC|AN|ID)\d{7}$/],
    ['KZ', /^N\d{8}$/],
    ['GE', /^\d{2}(AA|AB|AC|AD)\d{5}$/],
    ['AZ', /^C\d{8}$/],
    ['MD', /^(AB|BA)\d{7}$/],
    ['AM', /^(AM|AT|AU)\d{7}$/],
    ['UA', /^00\d{7}$/],
  ])('writes %s documents in the national format', (citizenship, shape) => {
    const rng = createRng(1, citizenship);
    for (let i = 0; i < 50; i++) expect(generateDocumentNumber(rng, citizenship, i * 7_919)).toMatch(shape);
  });

  it('gives different workers different numbers', () => {
    const rng = createRng(2);
    const numbers = new Set(Array.from({ length: 5_000 }, (_, i) => generateDocumentNumber(rng, 'KZ', i)));
    expect(numbers.size).toBe(5_000);
  });
});

describe('generatePhone', () => {
  it('makes Russian mobile numbers', () => {
    const rng = createRng(3);
    for (let i = 0; i < 100; i++) expect(generatePhone(rng, i)).toMatch(/^\+79\d{9}$/);
  });
});

describe('generateName', () => {
  it.each<[Citizenship, 'male' | 'female', RegExp]>([
    ['UZ', 'female', /^\S+ \S+(a|zoda)$/],
    ['TJ', 'male', /^\S+ \S+$/],
    ['GE', 'female', /^\S+ \S+(dze|shvili|uri|ia)$/],
    ['AM', 'male', /^\S+ \S+yan$/],
    ['MD', 'male', /^\S+ \S+$/],
  ])('names %s %s workers in both scripts', (citizenship, sex, latinShape) => {
    const rng = createRng(4, citizenship, sex);
    for (let i = 0; i < 40; i++) {
      const name = generateName(rng, citizenship, sex);
      expect(name.latin).toMatch(latinShape);
      expect(name.cyrillic).toMatch(/^\p{Script=Cyrillic}+ \p{Script=Cyrillic}+$/u);
    }
  });
});
