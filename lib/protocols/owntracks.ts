// OwnTracks HTTP mode payloads turned into a domain Fix. Pure. Only `_type:"location"` carries a
// fix; every other message type (lwt, transition, card, waypoint, status…) is acknowledged and
// dropped. Units per the OwnTracks booklet: tst epoch seconds, acc/alt metres, vel km/h, cog degrees,
// batt percent, bs battery status (0 unknown, 1 unplugged, 2 charging, 3 full).
import { z } from 'zod';
import { fixSchema } from '@/lib/api/device-schemas';
import type { Fix } from '@/lib/domain/types';
import type { FieldIssue } from './osmand';

export const KMH_TO_MPS = 1 / 3.6;

export type OwnTracksParse =
  | { kind: 'location'; fix: Fix }
  | { kind: 'ignored'; type: string }
  | { kind: 'invalid'; errors: FieldIssue[] };

const locationSchema = z.object({
  _type: z.literal('location'),
  tst: z.number(),
  lat: z.number(),
  lon: z.number(),
  acc: z.number(),
  alt: z.number().nullish(),
  vel: z.number().nullish(),
  cog: z.number().nullish(),
  batt: z.number().nullish(),
  bs: z.number().int().min(0).max(3).nullish(),
});

// fixSchema names mapped back to OwnTracks keys so errors point at what the app sent.
const NAMES: Record<string, string> = {
  time: 'tst',
  accuracy: 'acc',
  altitude: 'alt',
  speed: 'vel',
  heading: 'cog',
  battery: 'batt',
  charging: 'bs',
};

export function chargingFromBatteryStatus(bs: number | null | undefined): boolean | undefined {
  if (bs === 2 || bs === 3) return true;
  if (bs === 1) return false;
  return undefined;
}

const unknownIfNegative = (v: number | null | undefined) =>
  v === null || v === undefined || v < 0 ? undefined : v;

function issues(error: z.ZodError, names: Record<string, string> = {}): FieldIssue[] {
  return error.issues.map((i) => {
    const key = i.path.map(String).join('.');
    return { field: names[key] ?? (key || '(body)'), message: i.message };
  });
}

export function parseOwnTracks(body: unknown): OwnTracksParse {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      kind: 'invalid',
      errors: [{ field: '(body)', message: 'Expected an OwnTracks JSON object with _type' }],
    };
  }
  const type = (body as Record<string, unknown>)._type;
  if (typeof type !== 'string') {
    return { kind: 'invalid', errors: [{ field: '_type', message: '_type is required, e.g. "location"' }] };
  }
  if (type !== 'location') return { kind: 'ignored', type };
  const shape = locationSchema.safeParse(body);
  if (!shape.success) return { kind: 'invalid', errors: issues(shape.error) };
  const m = shape.data;
  const vel = unknownIfNegative(m.vel);
  const fix = fixSchema.safeParse({
    time: m.tst,
    lat: m.lat,
    lon: m.lon,
    accuracy: m.acc,
    altitude: m.alt ?? undefined,
    speed: vel === undefined ? undefined : vel * KMH_TO_MPS,
    heading: unknownIfNegative(m.cog),
    battery: unknownIfNegative(m.batt),
    charging: chargingFromBatteryStatus(m.bs),
    provider: 'owntracks',
  });
  if (!fix.success) return { kind: 'invalid', errors: issues(fix.error, NAMES) };
  return { kind: 'location', fix: fix.data };
}
