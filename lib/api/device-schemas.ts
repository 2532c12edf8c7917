// zod schemas of the device API (DESIGN.md section 5). Shared by the route handlers, the tracker
// protocol parsers and the OpenAPI document, so every entry point validates a fix the same way.
import { z } from 'zod';
import { CITIZENSHIPS, DEVICE_EVENT_TYPES } from '@/lib/domain/types';

export const MAX_BATCH_ITEMS = 500;

export const CITIZENSHIP_RULE =
  'The registration rule applies only to citizens of Georgia (GE), Kazakhstan (KZ), Uzbekistan (UZ), ' +
  'Azerbaijan (AZ), Moldova (MD), Armenia (AM), Kyrgyzstan (KG), Tajikistan (TJ) and Ukraine (UA).';

// Seconds below 1e11 (year 5138); milliseconds above (1e11 ms is 1973), so both epoch forms coexist.
const EPOCH_MS_THRESHOLD = 1e11;
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** ISO 8601 with an offset, or epoch seconds / milliseconds as a number. Null when it is neither. */
export function parseTimeValue(value: unknown): Date | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const ms = value < EPOCH_MS_THRESHOLD ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value !== 'string') return null;
  const m = ISO_WITH_OFFSET.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (!isCalendarDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 60) return null;
  const ms = Date.parse(value.trim().replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms);
}

export const timeSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const date = parseTimeValue(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Expected an ISO 8601 time with offset (2026-11-24T10:00:00+03:00) or epoch seconds/milliseconds.',
    });
    return z.NEVER;
  }
  return date;
});

// zod 4 numbers already refuse NaN and Infinity; strings such as "NaN" or "55.7" are refused too.
const finite = (what: string) => z.number({ error: `${what} must be a number` });

export const latSchema = finite('lat')
  .min(-90, 'lat must be between -90 and 90')
  .max(90, 'lat must be between -90 and 90');
export const lonSchema = finite('lon')
  .min(-180, 'lon must be between -180 and 180')
  .max(180, 'lon must be between -180 and 180');

/** One fix as the device API receives it; the output matches the domain Fix (speed in m/s). */
export const fixSchema = z.object({
  time: timeSchema,
  lat: latSchema,
  lon: lonSchema,
  accuracy: finite('accuracy').min(0, 'accuracy is a radius in metres and cannot be negative'),
  speed: finite('speed').min(0, 'speed is in m/s and cannot be negative').nullish(),
  heading: finite('heading').min(0).max(360, 'heading is in degrees, 0 to 360').nullish(),
  altitude: finite('altitude').min(-1000).max(20000).nullish(),
  battery: finite('battery')
    .min(0, 'battery is a percentage, 0 to 100')
    .max(100, 'battery is a percentage, 0 to 100')
    .transform(Math.round)
    .nullish(),
  charging: z.boolean().nullish(),
  provider: z.string().trim().max(40).nullish(),
  mock: z.boolean().nullish(),
});
export type FixInput = z.input<typeof fixSchema>;

export const deviceEventSchema = z.object({
  time: timeSchema,
  type: z.enum(DEVICE_EVENT_TYPES, { error: `type must be one of ${DEVICE_EVENT_TYPES.join(', ')}` }),
});

// Batches are checked item by item in the route, so the envelope only insists on an array.
export const positionsEnvelopeSchema = z.object({
  positions: z.array(z.unknown()).min(1, 'Send at least one fix'),
});
export const eventsEnvelopeSchema = z.object({
  events: z.array(z.unknown()).min(1, 'Send at least one event'),
});

export function isPlausibleAdultBirthDate(iso: string, now = new Date()): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d || !isCalendarDate(y, m, d)) return false;
  const today = { y: now.getUTCFullYear(), md: (now.getUTCMonth() + 1) * 100 + now.getUTCDate() };
  const age = today.y - y - (today.md < m * 100 + d ? 1 : 0);
  return age >= 18 && age <= 100;
}

const trimmed = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const enrollSchema = z.object({
  worker: z.object({
    fullName: trimmed(200).regex(
      /^[\p{L}][\p{L}\p{M} .'’-]*$/u,
      'fullName may contain letters, spaces, hyphens and apostrophes',
    ),
    // Any code is accepted here; an unsupported one is answered with 422 and the rule's scope.
    citizenship: z.string().trim().toUpperCase().min(1, 'citizenship is a two-letter country code'),
    documentNumber: trimmed(32)
      .toUpperCase()
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{N} -]*$/u,
        'documentNumber may contain letters, digits, spaces and hyphens',
      ),
    birthDate: z.iso
      .date('birthDate must be a date as YYYY-MM-DD')
      .refine(isPlausibleAdultBirthDate, 'birthDate must make the worker between 18 and 100 years old'),
    phone: z
      .string()
      .transform((v) => v.replace(/[\s()-]/g, ''))
      .pipe(
        z.string().regex(/^\+?[1-9]\d{7,14}$/, 'phone must be an international number such as +998901234567'),
      )
      .transform((v) => (v.startsWith('+') ? v : `+${v}`)),
  }),
  device: z.object({
    platform: trimmed(40),
    model: z.string().trim().max(100).nullish(),
    appVersion: z.string().trim().max(40).nullish(),
  }),
});
export type EnrollInput = z.output<typeof enrollSchema>;

export function isSupportedCitizenship(code: string): code is (typeof CITIZENSHIPS)[number] {
  return (CITIZENSHIPS as readonly string[]).includes(code);
}

export const registrationSchema = z.object({
  address: z.object({
    text: z.string().trim().min(3, 'address.text must name the street and house').max(300),
    lat: latSchema,
    lon: lonSchema,
  }),
});

export interface NextStep {
  code:
    | 'declare_address'
    | 'wait_first_fix'
    | 'keep_tracking'
    | 'restore_tracking'
    | 'declare_again'
    | 'declare_on_return';
  messageRu: string;
  messageEn: string;
}

export interface DeviceStatusResponse {
  workerId: string;
  registration: {
    id: string;
    status: string;
    since: string;
    address: { text: string; lat: number; lon: number };
  } | null;
  openLapse: { id: string; kind: string; startedAt: string; graceEndsAt: string | null } | null;
  /** The newest lapse, open or closed (a closed one still explains a cancellation). */
  lastLapse: {
    id: string;
    kind: string;
    startedAt: string;
    endedAt: string | null;
    likelyCause: string;
    causedCancellation: boolean;
  } | null;
  lastFixAt: string | null;
  nextStep: NextStep;
}

export interface BatchRejection {
  index: number;
  reason: string;
}

export interface SplitBatch<T> {
  valid: T[];
  /** originalIndex[i] is the position in the request of valid[i]. */
  originalIndex: number[];
  rejected: BatchRejection[];
}

/** Validates each item on its own, so one bad fix never costs the good ones their place. */
export function splitBatch<S extends z.ZodType>(items: unknown[], schema: S): SplitBatch<z.output<S>> {
  const out: SplitBatch<z.output<S>> = { valid: [], originalIndex: [], rejected: [] };
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      out.rejected.push({ index, reason: 'Each item must be a JSON object.' });
      return;
    }
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      out.valid.push(parsed.data);
      out.originalIndex.push(index);
    } else {
      const reason = parsed.error.issues
        .map((i) => `${i.path.map(String).join('.') || 'item'}: ${i.message}`)
        .join('; ');
      out.rejected.push({ index, reason });
    }
  });
  return out;
}

/** Puts the engine's rejections (indices into `valid`) back on the request's own indices. */
export function mergeBatchResult<T>(
  result: { accepted: number; duplicates: number; rejected: BatchRejection[] },
  batch: SplitBatch<T>,
): { accepted: number; duplicates: number; rejected: BatchRejection[] } {
  const engine = result.rejected.map((r) => ({
    index: batch.originalIndex[r.index] ?? r.index,
    reason: r.reason,
  }));
  return {
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: [...batch.rejected, ...engine].sort((a, b) => a.index - b.index),
  };
}
