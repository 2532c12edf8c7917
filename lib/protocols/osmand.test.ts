import { describe, expect, it } from 'vitest';
import { KNOTS_TO_MPS, extractOsmAndToken, parseOsmAndJson, parseOsmAndParams } from './osmand';

const TOKEN = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c';

// As Traccar Client for Android sends it (OsmAnd protocol, query string).
const traccarQuery =
  `id=${TOKEN}&timestamp=1795503600&lat=55.751244&lon=37.618423&speed=10.0&bearing=90.5` +
  '&altitude=150.2&accuracy=12.0&batt=87.0&charge=false';

function ok(result: ReturnType<typeof parseOsmAndParams>) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.fix;
}

describe('extractOsmAndToken', () => {
  it.each([
    [`id=${TOKEN}`, TOKEN],
    [`deviceid=${TOKEN}`, TOKEN],
    [`device_id=${TOKEN}`, TOKEN],
    ['lat=1', null],
    ['id=', null],
  ])('%s -> %s', (query, expected) => {
    expect(extractOsmAndToken(new URLSearchParams(query))).toBe(expected);
  });

  it('reads device_id from a JSON body', () => {
    expect(extractOsmAndToken({ device_id: TOKEN, location: {} })).toBe(TOKEN);
    expect(extractOsmAndToken({ location: {} })).toBeNull();
  });
});

describe('parseOsmAndParams', () => {
  it('reads a Traccar Client request and converts knots to m/s', () => {
    const fix = ok(parseOsmAndParams(new URLSearchParams(traccarQuery)));
    expect(fix.time.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(fix.lat).toBeCloseTo(55.751244, 6);
    expect(fix.lon).toBeCloseTo(37.618423, 6);
    expect(fix.speed).toBeCloseTo(10 * KNOTS_TO_MPS, 6);
    expect(fix.speed).toBeCloseTo(5.14444, 4);
    expect(fix.heading).toBe(90.5);
    expect(fix.altitude).toBe(150.2);
    expect(fix.accuracy).toBe(12);
    expect(fix.battery).toBe(87);
    expect(fix.charging).toBe(false);
  });

  it.each([
    ['epoch seconds', '1795503600', '2026-11-24T07:00:00.000Z'],
    ['epoch milliseconds', '1795503600123', '2026-11-24T07:00:00.123Z'],
    ['ISO with Z', '2026-11-24T07:00:00Z', '2026-11-24T07:00:00.000Z'],
    ['ISO with offset', '2026-11-24T10:00:00+03:00', '2026-11-24T07:00:00.000Z'],
  ])('timestamp as %s', (_label, timestamp, expected) => {
    const fix = ok(
      parseOsmAndParams(
        new URLSearchParams({ id: TOKEN, timestamp, lat: '55.7', lon: '37.6', accuracy: '5' }),
      ),
    );
    expect(fix.time.toISOString()).toBe(expected);
  });

  it('accepts OsmAnd names: hdop for accuracy, location=lat,lon, heading', () => {
    const fix = ok(
      parseOsmAndParams(
        new URLSearchParams('timestamp=1795503600000&location=55.7,37.6&hdop=8&heading=45&charge=true'),
      ),
    );
    expect([fix.lat, fix.lon, fix.accuracy, fix.heading, fix.charging]).toEqual([55.7, 37.6, 8, 45, true]);
  });

  it('treats a negative speed or bearing as unknown', () => {
    const fix = ok(
      parseOsmAndParams(
        new URLSearchParams('timestamp=1795503600&lat=55.7&lon=37.6&accuracy=5&speed=-1&bearing=-1'),
      ),
    );
    expect(fix.speed).toBeUndefined();
    expect(fix.heading).toBeUndefined();
  });

  it.each([
    ['missing timestamp', 'lat=55.7&lon=37.6&accuracy=5', 'timestamp'],
    ['timestamp without offset', 'timestamp=2026-11-24 10:00:00&lat=55.7&lon=37.6&accuracy=5', 'timestamp'],
    ['latitude NaN', 'timestamp=1795503600&lat=NaN&lon=37.6&accuracy=5', 'lat'],
    ['latitude out of range', 'timestamp=1795503600&lat=95&lon=37.6&accuracy=5', 'lat'],
    ['longitude missing', 'timestamp=1795503600&lat=55.7&accuracy=5', 'lon'],
    ['accuracy missing', 'timestamp=1795503600&lat=55.7&lon=37.6', 'accuracy'],
    ['battery over 100', 'timestamp=1795503600&lat=55.7&lon=37.6&accuracy=5&batt=120', 'batt'],
    ['charge not boolean', 'timestamp=1795503600&lat=55.7&lon=37.6&accuracy=5&charge=maybe', 'charge'],
    ['speed text', 'timestamp=1795503600&lat=55.7&lon=37.6&accuracy=5&speed=fast', 'speed'],
  ])('rejects %s naming %s', (_label, query, field) => {
    const result = parseOsmAndParams(new URLSearchParams(query));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });
});

describe('parseOsmAndJson (Traccar Client JSON)', () => {
  const body = {
    device_id: TOKEN,
    location: {
      timestamp: '2026-11-24T07:00:00.000Z',
      coords: { latitude: 55.75, longitude: 37.61, accuracy: 9.5, speed: 3.2, heading: 181, altitude: 140 },
      is_moving: true,
      event: 'motionchange',
      battery: { level: 0.42, is_charging: true },
      activity: { type: 'walking' },
    },
  };

  it('keeps coords.speed in m/s and turns battery.level into a percentage', () => {
    const result = parseOsmAndJson(body);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.fix).toMatchObject({
      lat: 55.75,
      lon: 37.61,
      accuracy: 9.5,
      speed: 3.2,
      heading: 181,
      altitude: 140,
    });
    expect(result.fix.battery).toBe(42);
    expect(result.fix.charging).toBe(true);
    expect(result.fix.time.toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });

  it('treats speed -1, heading -1 and level -1 as unknown', () => {
    const result = parseOsmAndJson({
      ...body,
      location: {
        ...body.location,
        coords: { ...body.location.coords, speed: -1, heading: -1 },
        battery: { level: -1, is_charging: false },
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect([result.fix.speed, result.fix.heading, result.fix.battery]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads a flat JSON object of OsmAnd keys like a query string (speed in knots)', () => {
    const result = parseOsmAndJson({
      id: TOKEN,
      timestamp: 1795503600,
      lat: 55.7,
      lon: 37.6,
      accuracy: 5,
      speed: 2,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.fix.speed).toBeCloseTo(2 * KNOTS_TO_MPS, 6);
  });

  it.each([
    ['latitude as a string', { latitude: '55.7' }, 'location.coords.latitude'],
    ['latitude out of range', { latitude: -91 }, 'location.coords.latitude'],
    ['negative accuracy', { accuracy: -3 }, 'location.coords.accuracy'],
  ])('rejects %s', (_label, coords, field) => {
    const result = parseOsmAndJson({
      ...body,
      location: { ...body.location, coords: { ...body.location.coords, ...coords } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });

  it('rejects a bad timestamp', () => {
    const result = parseOsmAndJson({ ...body, location: { ...body.location, timestamp: 'yesterday' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('location.timestamp');
  });
});
