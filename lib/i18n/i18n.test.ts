import { describe, expect, it } from 'vitest';
import {
  CITIZENSHIPS,
  LAPSE_KINDS,
  LIKELY_CAUSES,
  OFFICER_ROLES,
  REGISTRATION_STATUSES,
} from '@/lib/domain/types';
import { en } from './dictionaries/en';
import { ru } from './dictionaries/ru';
import { fill, parseLang, plural } from './index';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix}:not-a-string`];
}

describe('dictionaries', () => {
  it('have the same keys in Russian and English, all non-empty strings', () => {
    expect(leafPaths(en).sort()).toEqual(leafPaths(ru).sort());
    for (const dict of [ru, en]) {
      for (const path of leafPaths(dict)) expect(path).not.toContain(':not-a-string');
    }
  });

  it('name every status, lapse kind, cause, role and citizenship of the domain', () => {
    for (const dict of [ru, en]) {
      for (const s of REGISTRATION_STATUSES) expect(dict.status[s]).toBeTruthy();
      for (const k of LAPSE_KINDS) expect(dict.lapseKind[k]).toBeTruthy();
      for (const c of LIKELY_CAUSES) expect(dict.likelyCause[c]).toBeTruthy();
      for (const r of OFFICER_ROLES) expect(dict.roles[r]).toBeTruthy();
      for (const c of CITIZENSHIPS) expect(dict.citizenship[c]).toBeTruthy();
    }
  });

  it('use the status words of the UI conventions', () => {
    expect(ru.status.pending).toBe('Ожидает первой отметки');
    expect(ru.status.cancelled).toBe('Аннулирована');
    expect(ru.status.ended).toBe('Завершена (выезд)');
    expect(en.status.pending).toBe('Awaiting first fix');
  });
});

describe('fill', () => {
  it.each([
    ['Вы вошли как {name}', { name: 'Анна' }, 'Вы вошли как Анна'],
    ['{shown} из {total}', { shown: 50, total: 120 }, '50 из 120'],
    ['{missing} stays', {}, '{missing} stays'],
  ])('%s', (template, values, expected) => {
    expect(fill(template, values)).toBe(expected);
  });
});

describe('plural', () => {
  it.each([
    ['ru', 1, '1 работник'],
    ['ru', 2, '2 работника'],
    ['ru', 5, '5 работников'],
    ['ru', 21, '21 работник'],
    ['ru', 111, '111 работников'],
    ['en', 1, '1 worker'],
    ['en', 7, '7 workers'],
  ] as const)('%s %d', (lang, count, expected) => {
    const forms = lang === 'ru' ? ru.map.tooltip.workers : en.map.tooltip.workers;
    expect(plural(lang, forms, count)).toBe(expected);
  });
});

describe('parseLang', () => {
  it.each([
    ['en', 'en'],
    ['ru', 'ru'],
    ['de', 'ru'],
    [undefined, 'ru'],
  ] as const)('%s → %s', (value, expected) => {
    expect(parseLang(value)).toBe(expected);
  });
});
