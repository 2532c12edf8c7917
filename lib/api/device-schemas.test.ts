import { describe, expect, it } from 'vitest';
import {
  enrollSchema,
  fixSchema,
  isPlausibleAdultBirthDate,
  mergeBatchResult,
  parseTimeValue,
  registrationSchema,
  splitBatch,
} from './device-schemas';

describe('parseTimeValue', () => {
  it.each([
    ['ISO with Z', '2026-11-24T07:00:00Z', '2026-11-24T07:00:00.000Z'],
    ['ISO with offset', '2026-11-24T10:00:00.250+03:00', '2026-11-24T07:00:00.250Z'],
    ['ISO with compact offset', '2026-11-24T10:00:00+0300', '2026-11-24T07:00:00.000Z'],
    ['epoch seconds', 1795503600, '2026-11-24T07:00:00.000Z'],
    ['epoch seconds with fraction', 1795503600.5, '2026-11-24T07:00:00.500Z'],
    ['epoch milliseconds', 1795503600123, '2026-11-24T07:00:00.123Z'],
  ])('accepts %s', (_label, value, expected) => {
    expect(parseTimeValue(value)?.toISOString()).toBe(expected);
  });

  it.each([
    ['no offset', '2026-11-24T07:00:00'],
    ['date only', '2026-11-24'],
    ['impossible day', '2026-02-30T07:00:00Z'],
    ['hour 25', '2026-11-24T25:00:00Z'],
    ['text', 'now'],
    ['negative epoch', -5],
    ['numeric string', '1795503600'],
    ['boolean', true],
    ['null', null],
  ])('refuses %s', (_label, value) => {
    expect(parseTimeValue(value)).toBeNull();
  });
});

const goodFix = { time: '2026-11-24T07:00:00Z', lat: 55.75, lon: 37.61, accuracy: 10 };

describe('fixSchema', () => {
  it('accepts a minimal fix and rounds the battery percentage', () => {
    const fix = fixSchema.parse({
      ...goodFix,
      battery: 41.6,
      charging: false,
      mock: false,
      speed: 0,
      heading: 360,
    });
    expect(fix.battery).toBe(42);
    expect(fix.time).toBeInstanceOf(Date);
  });

  it.each([
    ['lat as "NaN"', { lat: 'NaN' }, 'lat'],
    ['lat 91', { lat: 91 }, 'lat'],
    ['lon -181', { lon: -181 }, 'lon'],
    ['negative accuracy', { accuracy: -1 }, 'accuracy'],
    ['missing accuracy', { accuracy: undefined }, 'accuracy'],
    ['battery 101', { battery: 101 }, 'battery'],
    ['negative speed', { speed: -0.1 }, 'speed'],
    ['heading 361', { heading: 361 }, 'heading'],
    ['charging as string', { charging: 'yes' }, 'charging'],
    ['bad time', { time: 'yesterday' }, 'time'],
  ])('rejects %s', (_label, patch, field) => {
    const result = fixSchema.safeParse({ ...goodFix, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe('splitBatch + mergeBatchResult', () => {
  it('keeps good items, reports bad ones with their own index and remaps engine rejections', () => {
    const items = [goodFix, { ...goodFix, lat: 'NaN' }, 'not an object', { ...goodFix, time: 1795503700 }];
    const batch = splitBatch(items, fixSchema);
    expect(batch.valid).toHaveLength(2);
    expect(batch.originalIndex).toEqual([0, 3]);
    expect(batch.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(batch.rejected[0]?.reason).toMatch(/^lat: /);
    // The engine rejects its item 1, which is the request's item 3.
    const merged = mergeBatchResult(
      { accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: 'too old' }] },
      batch,
    );
    expect(merged.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('lat') },
      { index: 2, reason: 'Each item must be a JSON object.' },
      { index: 3, reason: 'too old' },
    ]);
    expect(merged.accepted).toBe(1);
  });
});

const worker = {
  fullName: 'Иванов Иван',
  citizenship: 'uz',
  documentNumber: ' fa1234567 ',
  birthDate: '1990-05-17',
  phone: '+998 (90) 123-45-67',
};

describe('enrollSchema', () => {
  it('normalises citizenship, document number and phone', () => {
    const parsed = enrollSchema.parse({ worker, device: { platform: 'android' } });
    expect(parsed.worker).toMatchObject({
      citizenship: 'UZ',
      documentNumber: 'FA1234567',
      phone: '+998901234567',
    });
  });

  it.each([
    ['birthDate not a date', { birthDate: '17.05.1990' }, 'birthDate'],
    ['birthDate of a child', { birthDate: '2020-01-01' }, 'birthDate'],
    ['phone too short', { phone: '12345' }, 'phone'],
    ['empty document', { documentNumber: '  ' }, 'documentNumber'],
    ['name with digits', { fullName: 'R2D2' }, 'fullName'],
  ])('rejects %s', (_label, patch, field) => {
    const result = enrollSchema.safeParse({
      worker: { ...worker, ...patch },
      device: { platform: 'android' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(`worker.${field}`);
  });
});

describe('isPlausibleAdultBirthDate', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it.each([
    ['2008-11-24', true],
    ['2008-11-25', false],
    ['1926-11-25', true],
    ['1925-01-01', false],
    ['1990-02-30', false],
  ])('%s -> %s', (date, expected) => {
    expect(isPlausibleAdultBirthDate(date, now)).toBe(expected);
  });
});

describe('registrationSchema', () => {
  it.each([
    [{ text: 'ул. Тверская, 1', lat: 55.76, lon: 37.6 }, true],
    [{ text: 'ул. Тверская, 1', lat: '55.76', lon: 37.6 }, false],
    [{ text: 'ул. Тверская, 1', lat: 55.76, lon: 190 }, false],
    [{ text: '', lat: 55.76, lon: 37.6 }, false],
  ])('%j -> %s', (address, valid) => {
    expect(registrationSchema.safeParse({ address }).success).toBe(valid);
  });
});
