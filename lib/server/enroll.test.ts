import { describe, expect, it } from 'vitest';
import { splitNameScripts, transliterateCyrillic } from './enroll';

describe('transliterateCyrillic', () => {
  it.each([
    ['Иванов Иван', 'Ivanov Ivan'],
    ['Щукин Юрий', 'Shchukin Iurii'],
    ['Хасанов Жасур', 'Khasanov Zhasur'],
    ['Ғафуров Қодир', 'Gafurov Kodir'],
    ['Шевченко Олексій', 'Shevchenko Oleksii'],
    ['Алиев-Оглы', 'Aliev-Ogly'],
  ])('%s -> %s', (cyrillic, latin) => {
    expect(transliterateCyrillic(cyrillic)).toBe(latin);
  });
});

describe('splitNameScripts', () => {
  it.each([
    ['Aziz  Karimov', { latin: 'Aziz Karimov', cyrillic: null }],
    ['Азиз Каримов', { latin: 'Aziz Karimov', cyrillic: 'Азиз Каримов' }],
  ])('%s', (name, expected) => {
    expect(splitNameScripts(name)).toEqual(expected);
  });
});
