import { describe, expect, it } from 'vitest';
import { KMH_TO_MPS, chargingFromBatteryStatus, parseOwnTracks } from './owntracks';

// A location message as the OwnTracks Android app posts it in HTTP mode.
const message = {
  _type: 'location',
  acc: 14,
  alt: 152,
  batt: 63,
  bs: 1,
  conn: 'm',
  cog: 270,
  created_at: 1795503605,
  lat: 55.7558,
  lon: 37.6173,
  m: 1,
  t: 'u',
  tid: 'ph',
  tst: 1795503600,
  vel: 36,
  vac: 3,
};

describe('parseOwnTracks', () => {
  it('reads a location message and converts km/h to m/s', () => {
    const result = parseOwnTracks(message);
    if (result.kind !== 'location') throw new Error(JSON.stringify(result));
    expect(result.fix.time.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(result.fix).toMatchObject({
      lat: 55.7558,
      lon: 37.6173,
      accuracy: 14,
      altitude: 152,
      heading: 270,
      battery: 63,
    });
    expect(result.fix.speed).toBeCloseTo(36 * KMH_TO_MPS, 6);
    expect(result.fix.speed).toBeCloseTo(10, 6);
    expect(result.fix.charging).toBe(false);
  });

  it.each(['lwt', 'transition', 'card', 'waypoint', 'status'])('acknowledges %s without a fix', (type) => {
    expect(parseOwnTracks({ _type: type, tst: 1 })).toEqual({ kind: 'ignored', type });
  });

  it.each([
    ['no _type', { lat: 1 }, '_type'],
    ['lat as string', { ...message, lat: '55.7' }, 'lat'],
    ['lon out of range', { ...message, lon: 200 }, 'lon'],
    ['missing tst', { ...message, tst: undefined }, 'tst'],
    ['missing acc', { ...message, acc: undefined }, 'acc'],
    ['battery over 100', { ...message, batt: 101 }, 'batt'],
  ])('rejects %s naming %s', (_label, body, field) => {
    const result = parseOwnTracks(body);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.errors.map((e) => e.field)).toContain(field);
  });

  it('rejects a non-object body', () => {
    expect(parseOwnTracks([message]).kind).toBe('invalid');
    expect(parseOwnTracks('x').kind).toBe('invalid');
  });
});

describe('chargingFromBatteryStatus', () => {
  it.each([
    [0, undefined],
    [1, false],
    [2, true],
    [3, true],
    [undefined, undefined],
    [null, undefined],
  ])('bs=%s -> %s', (bs, expected) => {
    expect(chargingFromBatteryStatus(bs)).toBe(expected);
  });
});
