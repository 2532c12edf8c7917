import { describe, expect, it } from 'vitest';
import {
  clusterParams,
  countActiveFilters,
  formatBbox,
  parseMapUrl,
  periodStart,
  writeMapUrl,
} from './map-url';

const OKRUGS = ['TsAO', 'ZAO', 'SAO'];
const parse = (query: string) => parseMapUrl(new URLSearchParams(query), OKRUGS);

describe('map URL state', () => {
  it('reads filters, drops unknown values and okrugs outside the allowed list', () => {
    const state = parse(
      'status=active,bogus,cancelled&citizenship=UZ,XX&okrug=ZAO,VAO&kind=signal_lost&period=30d',
    );
    expect(state.filters).toEqual({
      status: ['active', 'cancelled'],
      citizenship: ['UZ'],
      okrug: ['ZAO'],
      kind: ['signal_lost'],
      period: '30d',
    });
  });

  it.each([
    ['', ['addresses', 'lapses', 'okrugs', 'geofence']],
    ['layers=heat', ['heat']],
    ['layers=none', []],
  ])('layers from %j', (query, layers) => {
    expect(parse(query).layers).toEqual(layers);
  });

  it.each([
    ['worker=0dc2e275-0124-463d-811b-5f6d800931c2', '0dc2e275-0124-463d-811b-5f6d800931c2'],
    ['worker=not-a-uuid', null],
    ['', null],
  ])('worker from %j', (query, worker) => {
    expect(parse(query).worker).toBe(worker);
  });

  it('writes back the same state, leaving defaults out and other parameters alone', () => {
    const query =
      'status=active&okrug=TsAO&period=today&layers=heat&worker=0dc2e275-0124-463d-811b-5f6d800931c2';
    const state = parse(query);
    const written = writeMapUrl(state, new URLSearchParams('other=1'));
    expect(parse(written.toString())).toEqual(state);
    expect(written.get('other')).toBe('1');
    expect(writeMapUrl(parse('')).toString()).toBe('');
  });

  it('counts active filters', () => {
    expect(countActiveFilters(parse('').filters)).toBe(0);
    expect(countActiveFilters(parse('status=active,pending&period=today').filters)).toBe(3);
  });
});

describe('cluster request parameters', () => {
  const filters = parse('status=active&citizenship=UZ&okrug=TsAO&kind=device_off&period=7d').filters;
  const viewport = { bbox: '37,55,38,56', zoom: 11 };
  const now = new Date('2025-11-24T12:00:00Z');

  it.each([
    ['addresses', { status: 'active', kind: undefined, from: undefined }],
    ['lapses', { status: undefined, kind: 'device_off', from: undefined }],
    ['heat', { status: undefined, kind: 'device_off', from: '2025-11-18' }],
  ] as const)('%s layer', (layer, expected) => {
    expect(clusterParams(layer, viewport, filters, now)).toEqual({
      bbox: '37,55,38,56',
      zoom: 11,
      layer,
      citizenship: 'UZ',
      okrug: 'TsAO',
      ...expected,
    });
  });

  it('periods start on Moscow days', () => {
    expect(periodStart('today', new Date('2025-11-24T22:30:00Z'))).toBe('2025-11-25');
    expect(periodStart('30d', now)).toBe('2025-10-26');
  });

  it('rounds the viewport outwards', () => {
    expect(formatBbox(37.12345, 55.98761, 37.5001, 56.0)).toBe('37.123,55.987,37.501,56');
    expect(formatBbox(-200, -95, 200, 95)).toBe('-180,-90,180,90');
  });
});
