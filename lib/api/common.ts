// Building blocks shared by every DTO schema of the officer API. Shared by server and browser, so
// nothing here may import server code.
import { z } from 'zod';

/** Calendar days in reports and "today" counters are Moscow days (UTC+3 all year since 2014). */
export const REPORT_TIME_ZONE = 'Europe/Moscow';
const REPORT_UTC_OFFSET = '+03:00';

export const isoTime = z.string().describe('ISO 8601 date-time with offset');
export const nullableIsoTime = isoTime.nullable();

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Date.parse rolls 30 February over into 2 March and accepts year 0, which PostgreSQL refuses: the
 * calendar fields are checked themselves, so a date that is not a date is a 400, never a 500.
 */
function isRealInstant(v: string): boolean {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = (v.match(/\d+/g) ?? []).slice(0, 6).map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const calendar = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  return calendar && y >= 1900 && y < 2200 && h < 24 && mi < 60 && s < 60 && !Number.isNaN(Date.parse(v));
}

/**
 * Free text from a client: trimmed, bounded, and without NUL or other control characters, which
 * PostgreSQL text cannot store (NUL) or a reader cannot see. Line breaks and tabs are kept.
 */
export function plainText(max: number, what = 'Text') {
  return z
    .string()
    .trim()
    .max(max, `${what} must be at most ${max} characters.`)
    .refine(isPlainText, NOT_PLAIN_TEXT);
}

export const NOT_PLAIN_TEXT = 'Text must not contain NUL or other control characters.';

// C0 controls except tab, line feed and carriage return; DEL; lone UTF-16 surrogates (invalid UTF-8).
const CONTROL_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isPlainText(value: string): boolean {
  return !CONTROL_CHARS.test(value);
}

/**
 * A point in time in a query string or body: ISO 8601 with offset, or a bare date, read as the
 * start (`edge: 'start'`) or the end (`'end'`, i.e. the next midnight) of that Moscow day.
 */
export function instant(edge: 'start' | 'end' = 'start') {
  return z
    .string()
    .meta({ examples: ['2025-11-24T09:30:00+03:00', '2025-11-24'] })
    .trim()
    .refine((v) => (DATE_ONLY.test(v) || DATE_TIME.test(v)) && isRealInstant(v), {
      message:
        'Use a real ISO 8601 date-time with offset (2025-11-24T09:30:00+03:00) or a date (2025-11-24) between the years 1900 and 2199.',
      // Without abort zod goes on to run the enclosing object's refinements on the raw string
      // (`b.to.getTime()` in the simulator's range check), which threw: a 500 for a bad date.
      abort: true,
    })
    .transform((v) => {
      if (!DATE_ONLY.test(v)) return new Date(v);
      const start = new Date(`${v}T00:00:00${REPORT_UTC_OFFSET}`);
      return edge === 'start' ? start : new Date(start.getTime() + 86_400_000);
    });
}

/** `a,b,c` in a query string, each checked against `values`. Repeated keys are joined first. */
export function enumList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length * 2))
    .describe(`comma-separated list of: ${values.join(', ')}`);
}

/** Free-text list of ids such as okrug codes (`TsAO,ZAO`). */
export const idList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .max(40)
          .regex(/^[A-Za-z0-9_-]+$/, 'Use district ids such as TsAO or ZAO.'),
      )
      .max(50),
  )
  .describe('comma-separated list of okrug ids (TsAO, SAO, …)');

export const uuidParam = z.guid({ message: 'Not a valid id (UUID expected).' });

export function limitParam(defaultLimit = 50, max = 200) {
  return z.coerce.number().int().min(1).max(max).default(defaultLimit);
}

export const cursorParam = z.string().max(500).optional().describe('opaque cursor from `nextCursor`');

export const formatParam = z.enum(['json', 'csv']).default('json');

export const csvSeparatorParam = z
  .enum(['comma', 'semicolon'])
  .optional()
  .describe('CSV separator; semicolon suits Excel in a Russian locale');

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A query-string object for fetch: drops empty values, joins arrays with commas, dates as ISO. */
export function toSearchParams(params: Record<string, unknown>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.map(String).join(','));
    } else if (value instanceof Date) {
      search.set(key, value.toISOString());
    } else {
      search.set(key, String(value));
    }
  }
  search.sort();
  return search;
}

/** Reads a URL's query string into a plain object for zod; repeated keys are joined with commas. */
export function searchParamsObject(url: URL | string): Record<string, string> {
  const u = typeof url === 'string' ? new URL(url) : url;
  const out: Record<string, string> = {};
  for (const [key, value] of u.searchParams) out[key] = key in out ? `${out[key]},${value}` : value;
  return out;
}
