// The officer API's shared query/body schemas: what they accept and how they read it.
import { describe, expect, it } from 'vitest';
import { enumList, instant, searchParamsObject, toSearchParams } from './common';
import { lapsesParamsSchema, reviewBodySchema } from './lapses';
import { clustersParamsSchema } from './map';
import { policyUpdateSchema, simulateBodySchema } from './policy';
import { traceParamsSchema, workersParamsSchema } from './workers';

describe('instant()', () => {
  it.each([
    ['2025-11-24T09:30:00+03:00', 'start', '2025-11-24T06:30:00.000Z'],
    ['2025-11-24T06:30:00Z', 'start', '2025-11-24T06:30:00.000Z'],
    ['2025-11-24', 'start', '2025-11-23T21:00:00.000Z'],
    ['2025-11-24', 'end', '2025-11-24T21:00:00.000Z'],
  ] as const)('%s (%s) -> %s', (input, edge, iso) => {
    expect(instant(edge).parse(input).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2025-13-01', '2025-11-24T09:30', '1732435200'])('refuses %s', (input) => {
    expect(instant().safeParse(input).success).toBe(false);
  });
});

describe('enumList()', () => {
  const list = enumList(['a', 'b', 'c'] as const);
  it.each([
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    [' a , c ', ['a', 'c']],
  ])('%j -> %j', (input, out) => {
    expect(list.parse(input)).toEqual(out);
  });
  it('refuses unknown values, naming the position', () => {
    const r = list.safeParse('a,x');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([1]);
  });
});

describe('query-string round trip', () => {
  it('drops empty values, joins lists, sorts keys', () => {
    expect(toSearchParams({ z: 'last', a: ['x', 'y'], empty: '', none: undefined, n: 5 }).toString()).toBe(
      'a=x%2Cy&n=5&z=last',
    );
  });
  it('joins repeated keys when reading', () => {
    expect(searchParamsObject('http://h/p?status=active&status=pending&q=x')).toEqual({
      status: 'active,pending',
      q: 'x',
    });
  });
});

describe('workersParamsSchema', () => {
  it('defaults and coerces', () => {
    expect(workersParamsSchema.parse({})).toMatchObject({ limit: 50, format: 'json' });
    expect(workersParamsSchema.parse({ limit: '200', status: 'active,none' })).toMatchObject({
      limit: 200,
      status: ['active', 'none'],
    });
  });
  it.each([
    { limit: '0' },
    { limit: '201' },
    { status: 'bogus' },
    { citizenship: 'RU' },
    { okrug: 'TsAO;drop' },
  ])('refuses %j', (query) => {
    expect(workersParamsSchema.safeParse(query).success).toBe(false);
  });
});

describe('traceParamsSchema', () => {
  it.each([{}, { reason: '' }, { reason: 'abc' }, { reason: '    x    ' }])(
    'requires a real reason: %j',
    (q) => {
      const r = traceParamsSchema.safeParse(q);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['reason']);
    },
  );
  it('accepts a reason of five characters or more', () => {
    expect(traceParamsSchema.parse({ reason: 'Case 2025/114' }).reason).toBe('Case 2025/114');
  });
});

describe('reviewBodySchema', () => {
  it.each([
    [{ decision: 'technical', note: 'Phone battery died.' }, true],
    [{ decision: 'technical', note: 'too short' }, false],
    [{ decision: 'technical', note: '          x' }, false],
    [{ decision: 'maybe', note: 'Phone battery died.' }, false],
    [{ note: 'Phone battery died.' }, false],
  ])('%j valid: %s', (body, ok) => {
    expect(reviewBodySchema.safeParse(body).success).toBe(ok);
  });
});

describe('clustersParamsSchema', () => {
  it('reads bbox and zoom', () => {
    expect(clustersParamsSchema.parse({ bbox: '37.3,55.5,37.9,55.95', zoom: '11' })).toMatchObject({
      bbox: { west: 37.3, south: 55.5, east: 37.9, north: 55.95 },
      zoom: 11,
      layer: 'addresses',
    });
  });
  it.each([
    { zoom: '11' },
    { bbox: '37.3,55.5,37.9', zoom: '11' },
    { bbox: '37.9,55.5,37.3,55.95', zoom: '11' },
    { bbox: 'a,b,c,d', zoom: '11' },
    { bbox: '37.3,55.5,37.9,55.95', zoom: '30' },
    { bbox: '37.3,55.5,37.9,55.95', zoom: '11', layer: 'people' },
  ])('refuses %j', (q) => {
    expect(clustersParamsSchema.safeParse(q).success).toBe(false);
  });
});

describe('lapsesParamsSchema', () => {
  it.each(['-startedAt', 'startedAt', '-duration', 'duration'])('sorts by %s', (sort) => {
    expect(lapsesParamsSchema.parse({ sort }).sort).toBe(sort);
  });
  it('refuses an unknown state', () => {
    expect(lapsesParamsSchema.safeParse({ state: 'closed' }).success).toBe(false);
  });
});

describe('policy bodies', () => {
  it.each([
    [{ graceSeconds: 600 }, true],
    [{ lapseAfterSeconds: 10 }, false],
    [{ retentionDays: 0 }, false],
    [{ lowBatteryPercent: 101 }, false],
    [{ graceSeconds: 1.5 }, false],
  ])('update %j valid: %s', (body, ok) => {
    expect(policyUpdateSchema.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{ lapseAfterSeconds: 1800, graceSeconds: 600, from: '2025-11-20', to: '2025-11-24' }, true],
    [{ lapseAfterSeconds: 1800, graceSeconds: 600, from: '2025-11-24', to: '2025-11-20' }, false],
    [{ lapseAfterSeconds: 1800, graceSeconds: 600, from: '2025-10-01', to: '2025-11-24' }, false],
    [{ lapseAfterSeconds: 1800, from: '2025-11-20', to: '2025-11-24' }, false],
  ])('simulate %j valid: %s', (body, ok) => {
    expect(simulateBodySchema.safeParse(body).success).toBe(ok);
  });
});
