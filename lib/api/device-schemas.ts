// zod schemas of the device API (DESIGN.md section 5). Shared by the route handlers, the tracker
// protocol parsers and the OpenAPI document, so every entry point validates a fix the same way.
import { z } from 'zod';
import { CITIZENSHIPS, DEVICE_EVENT_TYPES } from '@/lib/domain/types';
import { storableNumber, storableText } from './storable';

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
// Each range also fits the column (DESIGN.md 4: lat/lon double precision, the rest real/smallint),
// so a value the database would refuse is rejected with its item instead of failing the batch.
export const latSchema = storableNumber('lat', 'double precision', -90, 90);
export const lonSchema = storableNumber('lon', 'double precision', -180, 180);

/** The largest accuracy radius kept: beyond 1,000 km a fix says nothing about where the phone is. */
export const MAX_ACCURACY_M = 1_000_000;
/** Faster than any airliner: a larger speed is a broken sensor or a forged fix. */
export const MAX_SPEED_MPS = 1_000;

/** One fix as the device API receives it; the output matches the domain Fix (speed in m/s). */
export const fixSchema = z.object({
  time: timeSchema,
  lat: latSchema,
  lon: lonSchema,
  accuracy: storableNumber('accuracy', 'real', 0, MAX_ACCURACY_M, 'metres'),
  speed: storableNumber('speed', 'real', 0, MAX_SPEED_MPS, 'm/s').nullish(),
  heading: storableNumber('heading', 'real', 0, 360, 'degrees').nullish(),
  altitude: storableNumber('altitude', 'real', -1000, 20000, 'metres').nullish(),
  battery: storableNumber('battery', 'real', 0, 100, '(a percentage)').transform(Math.round).nullish(),
  charging: z.boolean().nullish(),
  provider: storableText(40).nullish(),
  mock: z.boolean().nullish(),
});
export type FixInput = z.input<typeof fixSchema>;

export const deviceEventSchema = z.object({
  time: timeSchema,
  type: z.enum(DEVICE_EVENT_TYPES, { error: `type must be one of ${DEVICE_EVENT_TYPES.join(', ')}` }),
});

// Batches are checked item by item in the route, so the envelope only insists on an array.
export const MAX_BACKLOG = 10_000_000;
/** How long a reported backlog holds off the silence judgement after the batch that reported it. */
export const BACKLOG_HOLD_SECONDS = 120;
export const positionsEnvelopeSchema = z.object({
  positions: z.array(z.unknown()).min(1, 'Send at least one fix'),
  /**
   * Fixes the phone still holds after this batch (optional). While it is above zero the server
   * waits for the rest of the upload before it judges the phone's silence.
   */
  backlog: z
    .number({ error: 'backlog must be a whole number of fixes still queued on the phone' })
    .int('backlog must be a whole number of fixes still queued on the phone')
    .min(0, 'backlog cannot be negative')
    .max(MAX_BACKLOG, `backlog must be at most ${MAX_BACKLOG}`)
    .nullish(),
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
    citizenship: storableText(8).toUpperCase().min(1, 'citizenship is a two-letter country code'),
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
    platform: storableText(40).min(1, 'is required'),
    model: storableText(100).nullish(),
    appVersion: storableText(40).nullish(),
  }),
});
export type EnrollInput = z.output<typeof enrollSchema>;

export function isSupportedCitizenship(code: string): code is (typeof CITIZENSHIPS)[number] {
  return (CITIZENSHIPS as readonly string[]).includes(code);
}

export const registrationSchema = z.object({
  address: z.object({
    text: storableText(300).min(3, 'address.text must name the street and house'),
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
    /** The declared address as the worker typed it; the home coordinates stay on the server. */
    address: { text: string };
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
