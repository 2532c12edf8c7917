// The OsmAnd protocol as Traccar Client and OsmAnd send it, turned into a domain Fix. Pure: the
// route handler reads the request and authenticates; this file only interprets fields.
//
// Two shapes exist:
// - key=value pairs (query string or form body): `speed` is in KNOTS, `batt` a percentage,
//   `timestamp` epoch seconds, epoch milliseconds or ISO 8601 with offset.
// - Traccar Client 9+ JSON (`{device_id, location:{timestamp, coords:{…}, battery:{level, is_charging}}}`):
//   there `coords.speed` is in m/s and `battery.level` a fraction 0..1, exactly as the Traccar
//   server's own decoder reads them; negative speed, heading or level mean "unknown".
import { z } from 'zod';
import { fixSchema } from '@/lib/api/device-schemas';
import type { Fix } from '@/lib/domain/types';

export const KNOTS_TO_MPS = 0.514444;

export interface FieldIssue {
  field: string;
  message: string;
}

export type OsmAndParse = { ok: true; fix: Fix } | { ok: false; errors: FieldIssue[] };

const TOKEN_KEYS = ['id', 'deviceid', 'device_id'] as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The device token: OsmAnd's `id` (or `deviceid`, `device_id`) carries it. */
export function extractOsmAndToken(source: URLSearchParams | unknown): string | null {
  if (source instanceof URLSearchParams) {
    for (const key of TOKEN_KEYS) {
      const value = source.get(key)?.trim();
      if (value) return value;
    }
    return null;
  }
  if (source && typeof source === 'object') {
    const record = source as Record<string, unknown>;
    for (const key of TOKEN_KEYS) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return null;
}

// Output names of fixSchema mapped back to the protocol's own names, so errors point at what was sent.
const PARAM_NAMES: Record<string, string> = {
  time: 'timestamp',
  heading: 'bearing',
  battery: 'batt',
  charging: 'charge',
};

function finish(
  candidate: Record<string, unknown>,
  errors: FieldIssue[],
  names: Record<string, string>,
): OsmAndParse {
  const parsed = fixSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!errors.some((e) => e.field === (names[key] ?? key))) {
        errors.push({ field: names[key] ?? (key || '(body)'), message: issue.message });
      }
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, fix: parsed.data };
}

function readNumber(params: URLSearchParams, key: string, errors: FieldIssue[]): number | undefined {
  const raw = params.get(key)?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!NUMBER.test(raw)) {
    errors.push({ field: key, message: `${key} must be a number, got "${raw.slice(0, 20)}"` });
    return undefined;
  }
  return Number(raw);
}

function readBoolean(params: URLSearchParams, key: string, errors: FieldIssue[]): boolean | undefined {
  const raw = params.get(key)?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  errors.push({ field: key, message: `${key} must be true or false` });
  return undefined;
}

const unknownIfNegative = (v: number | undefined) => (v === undefined || v < 0 ? undefined : v);

/** key=value form, from a query string or an application/x-www-form-urlencoded body. */
export function parseOsmAndParams(params: URLSearchParams): OsmAndParse {
  const errors: FieldIssue[] = [];
  const rawTime = params.get('timestamp')?.trim();
  let lat = readNumber(params, 'lat', errors);
  let lon = readNumber(params, 'lon', errors);
  const location = params.get('location');
  if (location && lat === undefined && lon === undefined) {
    const [a, b] = location.split(',');
    lat = a && NUMBER.test(a.trim()) ? Number(a) : undefined;
    lon = b && NUMBER.test(b.trim()) ? Number(b) : undefined;
  }
  const knots = unknownIfNegative(readNumber(params, 'speed', errors));
  const candidate = {
    time: rawTime && NUMBER.test(rawTime) ? Number(rawTime) : rawTime,
    lat,
    lon,
    // OsmAnd itself calls the accuracy radius `hdop`.
    accuracy: readNumber(params, 'accuracy', errors) ?? readNumber(params, 'hdop', errors),
    speed: knots === undefined ? undefined : knots * KNOTS_TO_MPS,
    heading: unknownIfNegative(
      readNumber(params, 'bearing', errors) ?? readNumber(params, 'heading', errors),
    ),
    altitude: readNumber(params, 'altitude', errors),
    battery: readNumber(params, 'batt', errors),
    charging: readBoolean(params, 'charge', errors),
    mock: readBoolean(params, 'mock', errors),
    provider: params.get('provider')?.trim() || undefined,
  };
  return finish(candidate, errors, { ...PARAM_NAMES, ...(params.has('hdop') ? { accuracy: 'hdop' } : {}) });
}

const jsonBodySchema = z.object({
  location: z.object({
    timestamp: z.union([z.string(), z.number()]),
    coords: z.object({
      latitude: z.number(),
      longitude: z.number(),
      accuracy: z.number(),
      speed: z.number().nullish(),
      heading: z.number().nullish(),
      altitude: z.number().nullish(),
    }),
    battery: z.object({ level: z.number().nullish(), is_charging: z.boolean().nullish() }).nullish(),
    mock: z.boolean().nullish(),
    is_moving: z.boolean().nullish(),
    event: z.string().nullish(),
  }),
});

const JSON_NAMES: Record<string, string> = {
  time: 'location.timestamp',
  lat: 'location.coords.latitude',
  lon: 'location.coords.longitude',
  accuracy: 'location.coords.accuracy',
  speed: 'location.coords.speed',
  heading: 'location.coords.heading',
  altitude: 'location.coords.altitude',
  battery: 'location.battery.level',
  charging: 'location.battery.is_charging',
  mock: 'location.mock',
};

/** Traccar Client JSON; a flat object of OsmAnd keys (`{id, lat, lon, …}`) is read like a query string. */
export function parseOsmAndJson(body: unknown): OsmAndParse {
  if (body && typeof body === 'object' && !Array.isArray(body) && !('location' in body)) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') params.set(k, String(v));
    }
    return parseOsmAndParams(params);
  }
  const shape = jsonBodySchema.safeParse(body);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.error.issues.map((i) => ({
        field: i.path.map(String).join('.') || '(body)',
        message: i.message,
      })),
    };
  }
  const { location } = shape.data;
  const { coords, battery } = location;
  const level = battery?.level ?? undefined;
  const candidate = {
    time: location.timestamp,
    lat: coords.latitude,
    lon: coords.longitude,
    accuracy: coords.accuracy,
    speed: unknownIfNegative(coords.speed ?? undefined),
    heading: unknownIfNegative(coords.heading ?? undefined),
    altitude: coords.altitude ?? undefined,
    // A fraction as Traccar sends it; some clients send a percentage instead, which is kept as is.
    battery: level === undefined || level < 0 ? undefined : level <= 1 ? level * 100 : level,
    charging: battery?.is_charging ?? undefined,
    mock: location.mock ?? undefined,
  };
  return finish(candidate, [], JSON_NAMES);
}
