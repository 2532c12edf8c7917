import { describe, expect, it } from 'vitest';
import {
  deviceEventSchema,
  enrollSchema,
  fixSchema,
  positionsEnvelopeSchema,
  registrationSchema,
  splitBatch,
} from './device-schemas';
import { fitsColumn, textProblem } from './storable';

const goodFix = { time: '2026-11-24T07:00:00Z', lat: 55.75, lon: 37.61, accuracy: 10 };

describe('fitsColumn', () => {
  it.each([
    [0, 'real', true],
    [-0, 'real', true],
    [12.5, 'real', true],
    [3.4e38, 'real', true],
    [1e39, 'real', false],
    [-1e39, 'real', false],
    [5e-324, 'real', false],
    [1e-40, 'real', false],
    [1.2e-38, 'real', true],
    [5e-324, 'double precision', false],
    [1e-300, 'double precision', true],
    [Number.MAX_VALUE, 'double precision', true],
    [Number.POSITIVE_INFINITY, 'double precision', false],
    [Number.NaN, 'real', false],
  ] as const)('%s in %s -> %s', (value, column, expected) => {
    expect(fitsColumn(value, column)).toBe(expected);
  });
});

describe('textProblem', () => {
  it('refuses NUL, lone surrogates and control characters, and keeps ordinary text', () => {
    expect(textProblem('gps\u0000', true)).toMatch(/NUL/);
    expect(textProblem('\ud800x', true)).toMatch(/surrogate/);
    expect(textProblem('a\u0007b', true)).toMatch(/control/);
    expect(textProblem('line\nbreak', true)).toMatch(/control/);
    expect(textProblem('line\nbreak', false)).toBeNull();
    expect(textProblem('Москва, ул. Тверская 😀', true)).toBeNull();
  });
});

describe('per-item validation matches the storage types', () => {
  it.each([
    ['accuracy 1e39', { accuracy: 1e39 }, 'accuracy'],
    ['accuracy 5e-324', { accuracy: 5e-324 }, 'accuracy'],
    ['speed 1e39', { speed: 1e39 }, 'speed'],
    ['speed 5e-324', { speed: 5e-324 }, 'speed'],
    ['heading 5e-324', { heading: 5e-324 }, 'heading'],
    ['altitude 1e-45', { altitude: 1e-45 }, 'altitude'],
    ['lat 5e-324', { lat: 5e-324 }, 'lat'],
    ['provider with NUL', { provider: 'gps\u0000' }, 'provider'],
    ['provider with a lone surrogate', { provider: '\udc00' }, 'provider'],
  ])('rejects %s, naming the field', (_label, patch, field) => {
    const parsed = fixSchema.safeParse({ ...goodFix, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });

  it('keeps zero and ordinary values', () => {
    const fix = fixSchema.parse({ ...goodFix, accuracy: 0, speed: 0, heading: 0, altitude: 0, lat: 0 });
    expect(fix).toMatchObject({ accuracy: 0, speed: 0, lat: 0 });
  });

  it('one bad fix leaves the good ones in the batch', () => {
    const batch = splitBatch(
      [goodFix, { ...goodFix, accuracy: 1e39 }, { ...goodFix, provider: 'x\u0000' }, goodFix],
      fixSchema,
    );
    expect(batch.valid).toHaveLength(2);
    expect(batch.originalIndex).toEqual([0, 3]);
    expect(batch.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(batch.rejected[0]?.reason).toMatch(/accuracy/);
    expect(batch.rejected[1]?.reason).toMatch(/provider.*NUL/);
  });

  it('rejects a device event with a NUL in its type by index', () => {
    const batch = splitBatch(
      [
        { time: goodFix.time, type: 'boot' },
        { time: goodFix.time, type: 'boot\u0000' },
      ],
      deviceEventSchema,
    );
    expect(batch.rejected.map((r) => r.index)).toEqual([1]);
  });

  it.each([
    ['device.model', { device: { platform: 'android', model: 'Pixel\u0000' } }],
    ['device.appVersion', { device: { platform: 'android', appVersion: '1.0\u0000' } }],
    ['device.platform', { device: { platform: 'and\u0000roid' } }],
  ])('enrollment refuses a NUL in %s', (field, patch) => {
    const parsed = enrollSchema.safeParse({
      worker: {
        fullName: 'Aziz Karimov',
        citizenship: 'UZ',
        documentNumber: 'AA123',
        birthDate: '1990-01-01',
        phone: '+998901234567',
      },
      ...patch,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('refuses a NUL in the address text and in the citizenship', () => {
    const address = registrationSchema.safeParse({
      address: { text: 'Тверская\u0000 7', lat: 55.76, lon: 37.6 },
    });
    expect(address.error?.issues[0]?.path.join('.')).toBe('address.text');
  });

  it('takes an optional whole-number backlog on the positions envelope', () => {
    expect(positionsEnvelopeSchema.parse({ positions: [goodFix], backlog: 12 }).backlog).toBe(12);
    expect(positionsEnvelopeSchema.parse({ positions: [goodFix] }).backlog).toBeUndefined();
    expect(positionsEnvelopeSchema.safeParse({ positions: [goodFix], backlog: -1 }).success).toBe(false);
    expect(positionsEnvelopeSchema.safeParse({ positions: [goodFix], backlog: 1.5 }).success).toBe(false);
  });
});
