// Table-driven tests of the search keys: what an officer types and what was enrolled must meet.
import { describe, expect, it } from 'vitest';
import { documentKey, foldName, nameSkeleton, phoneKey, phoneQueryVariants } from './search-normalise';

describe('foldName', () => {
  it.each([
    ['Абдуллаев', 'abdulaev'],
    ['Abdullayev', 'abdulaev'],
    ['ABDULLAEV', 'abdulaev'],
    ['Саргсян Давид', 'sargsan david'],
    ['Sargsyan  David', 'sargsan david'],
    ['Саркисян', 'sarkisan'],
    ['Жураев', 'juraev'],
    ['Dzhuraev', 'juraev'],
    ['Zhuraev', 'juraev'],
    ['Ахмедов', 'ahmedov'],
    ['Akhmedov', 'ahmedov'],
    ['Axmedov', 'ahmedov'],
    ['Евгений', 'evgeni'],
    ['Yevgeniy', 'evgeni'],
    ['Шукуров', 'wukurov'],
    ['Shukurov', 'wukurov'],
    ["G'ulomov", 'gulomov'],
    ['Ghulomov', 'gulomov'],
    ['Қодиров', 'kodirov'],
    ['Qodirov', 'kodirov'],
    ['Şükürov', 'wukurov'],
    ['Abdul-Aziz', 'abdul aziz'],
    ['Ильяс', 'ilas'],
    ['Ilyas', 'ilas'],
    ['Цой', 'coi'],
    ['Tsoy', 'coi'],
    ['  ', ''],
  ])('%s -> %s', (name, key) => {
    expect(foldName(name)).toBe(key);
  });
});

describe('nameSkeleton', () => {
  it.each([
    ['sargsan david', 'srksn tft'],
    ['sarkisan', 'srksn'],
    ['abdulaev', 'aptlf'],
    ['abduloev', 'aptlf'],
    ['ali', 'al'],
    ['aia', 'a'],
    ['', ''],
  ])('%s -> %s', (folded, skeleton) => {
    expect(nameSkeleton(folded)).toBe(skeleton);
  });
});

describe('phones', () => {
  it.each([
    ['+7 (916) 123-45-67', '79161234567'],
    ['8 916 123 45 67', '79161234567'],
    ['9161234567', '79161234567'],
    ['+998 90 555-44-33', '998905554433'],
    ['555-44', '55544'],
  ])('%s -> %s', (phone, key) => {
    expect(phoneKey(phone)).toBe(key);
  });

  it('reads a leading 8 of a fragment as +7 too', () => {
    expect(phoneQueryVariants('8916')).toEqual(['8916', '7916']);
    expect(phoneQueryVariants('+7 916')).toEqual(['7916']);
  });
});

describe('documentKey', () => {
  it.each([
    ['ab 12-34', 'AB1234'],
    ['АВ 1234', 'AB1234'],
    ['FA 0123456', 'FA0123456'],
  ])('%s -> %s', (doc, key) => {
    expect(documentKey(doc)).toBe(key);
  });
});
