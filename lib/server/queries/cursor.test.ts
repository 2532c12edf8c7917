import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const uuid = '0b6f1f5e-3a2d-4c8e-9f00-1234567890ab';
const now = new Date().toISOString();

describe('decodeCursor checks what it decodes', () => {
  it('accepts the cursors the queries write', () => {
    expect(decodeCursor(encodeCursor(['karimov aziz', uuid]), ['string', 'uuid'])).toEqual([
      'karimov aziz',
      uuid,
    ]);
    expect(decodeCursor(encodeCursor([now, 12.5, uuid]), ['time', 'number', 'uuid'])).toHaveLength(3);
    const pgText = '2026-11-24 07:00:00.123456+00';
    expect(decodeCursor(encodeCursor([now, pgText, uuid]), ['time', 'time', 'uuid'])?.[1]).toBe(pgText);
    expect(decodeCursor(encodeCursor([42]), ['id'])).toEqual([42]);
  });

  it.each([
    ['a NUL in sort text', ['a\u0000', uuid], ['string', 'uuid']],
    ['an id that is not a UUID', ['x', 'not-a-uuid'], ['string', 'uuid']],
    ['a date that is not a date', ['2025-02-30T00:00:00Z', 1, uuid], ['time', 'number', 'uuid']],
    ['year 0', [now, '0000-01-01T00:00:00Z', uuid], ['time', 'time', 'uuid']],
    ['words for a time', [now, 'yesterday', uuid], ['time', 'time', 'uuid']],
    ['a fractional row id', [1.5], ['id']],
    ['a row id beyond bigint', [1e20], ['id']],
    ['a negative row id', [-1], ['id']],
    ['an overlong sort text', ['x'.repeat(401), uuid], ['string', 'uuid']],
  ] as const)('refuses %s with a 400', (_label, values, kinds) => {
    expect(() => decodeCursor(encodeCursor(values), kinds)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('refuses Infinity (JSON 1e400) and non-JSON', () => {
    const infinite = Buffer.from(`["${now}",1e400,"${uuid}"]`).toString('base64url');
    expect(() => decodeCursor(infinite, ['time', 'number', 'uuid'])).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => decodeCursor('%%%', ['id'])).toThrow(expect.objectContaining({ status: 400 }));
  });
});
