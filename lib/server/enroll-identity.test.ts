import { describe, expect, it } from 'vitest';
import { findIdentityMismatches, IDENTITY_MISMATCH_DETAIL, normaliseNameForMatch } from './enroll-identity';

const stored = { fullNameLatin: 'Aziz Karimov', birthDate: '1991-03-14', phone: '+998901234567' };

describe('findIdentityMismatches', () => {
  it('matches the same person however the name is spaced, cased or apostrophised', () => {
    expect(findIdentityMismatches(stored, { ...stored, fullNameLatin: '  aziz   KARIMOV ' })).toEqual([]);
    expect(normaliseNameForMatch('O’Neil - Smith')).toBe(normaliseNameForMatch("o'neil-smith"));
  });

  it.each([
    ['another name', { fullNameLatin: 'Bakhodir Karimov' }, ['worker.fullName']],
    ['another birth date', { birthDate: '1991-03-15' }, ['worker.birthDate']],
    ['another phone', { phone: '+998901234568' }, ['worker.phone']],
    [
      'nothing in common',
      { fullNameLatin: 'X Y', birthDate: '1980-01-01', phone: '+79160000000' },
      ['worker.fullName', 'worker.birthDate', 'worker.phone'],
    ],
  ])('names the fields that differ: %s', (_label, patch, fields) => {
    expect(findIdentityMismatches(stored, { ...stored, ...patch })).toEqual(fields);
  });

  it('the answer never carries the stored values', () => {
    for (const value of Object.values(stored)) expect(IDENTITY_MISMATCH_DETAIL).not.toContain(value);
  });
});
