import { describe, expect, it } from 'vitest';
import { pageLinks, pickDay, pickEnumList, readPrevStack, toParamRecord, toQueryString } from './url-state';
import { parseLapseFilters } from '@/components/lapses/lapse-filters';

describe('toParamRecord', () => {
  it.each([
    [
      { a: '1', b: ['x', 'y'], c: undefined, d: '' },
      { a: '1', b: 'x,y' },
    ],
    [new URLSearchParams('kind=a&kind=b&q=%D0%98'), { kind: 'a,b', q: 'И' }],
  ])('flattens %o', (input, expected) => {
    expect(toParamRecord(input)).toEqual(expected);
  });
});

describe('pickers drop what the API would refuse', () => {
  it.each([
    ['signal_lost,bogus,signal_lost', 'signal_lost'],
    ['bogus', undefined],
    [undefined, undefined],
  ])('pickEnumList(%s)', (value, expected) => {
    expect(pickEnumList(value, ['signal_lost', 'device_off'])).toBe(expected);
  });
  it.each([
    ['2025-11-24', '2025-11-24'],
    ['24.11.2025', undefined],
    ['2025-13-45', undefined],
  ])('pickDay(%s)', (value, expected) => {
    expect(pickDay(value)).toBe(expected);
  });
});

describe('cursor paging in the URL', () => {
  it.each([
    // first page: no previous, next carries the first page as an empty stack entry
    [{ kind: 'x' }, 'c1', { next: { kind: 'x', cursor: 'c1', prev: '' }, previous: null, page: 1 }],
    // second page (prev omitted = first page before it)
    [
      { kind: 'x', cursor: 'c1' },
      'c2',
      { next: { kind: 'x', cursor: 'c2', prev: '.c1' }, previous: { kind: 'x' }, page: 2 },
    ],
    // third page goes back to the second
    [{ cursor: 'c2', prev: '.c1' }, null, { next: null, previous: { cursor: 'c1', prev: '' }, page: 3 }],
  ])('pageLinks(%o, %s)', (params, nextCursor, expected) => {
    expect(pageLinks(params, nextCursor)).toEqual(expected);
  });

  it('ignores a stack without a cursor and damaged entries', () => {
    expect(readPrevStack({ prev: '.c1' })).toEqual([]);
    expect(readPrevStack({ cursor: 'c3', prev: '.c1.<bad>' })).toEqual(['', 'c1', '']);
  });

  it('writes a query string without empty values', () => {
    expect(toQueryString({ a: '1', b: '' })).toBe('?a=1');
    expect(toQueryString({})).toBe('');
  });
});

describe('parseLapseFilters', () => {
  it.each([
    [{}, { state: 'unreviewed', limit: 50 }],
    [{ state: 'all' }, { limit: 50 }],
    [
      {
        state: 'open',
        sort: 'duration',
        kind: 'device_off,nope',
        okrug: 'TsAO',
        from: '2025-11-01',
        lapse: 'x',
      },
      { state: 'open', sort: 'duration', kind: 'device_off', okrug: 'TsAO', from: '2025-11-01', limit: 50 },
    ],
    [
      { sort: '-startedAt', cursor: 'abc_-1' },
      { state: 'unreviewed', cursor: 'abc_-1', limit: 50 },
    ],
  ])('%o', (params, expected) => {
    expect(parseLapseFilters(params)).toEqual(expected);
  });
});
