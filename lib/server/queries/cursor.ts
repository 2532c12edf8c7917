// Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. Clients pass them
// back untouched; a damaged or forged one is a 400 rather than a silent restart from the top, and
// every decoded value is checked against the type its SQL uses, so a forged cursor never reaches
// the database as a value it cannot cast (a NUL, a non-UUID id, a date that is not a date).
import 'server-only';
import { z } from 'zod';
import { HttpError } from '../problem';

export type CursorValue = string | number;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR_MS = 365.25 * 86_400_000;

/** Date.parse rolls 30 February over into March; PostgreSQL refuses it, so it is refused here. */
function isCalendarTime(v: string): boolean {
  const [y, mo, d, h, mi, sec] = (v.match(/\d+/g) ?? []).slice(0, 6).map(Number);
  const day = new Date(Date.UTC(y ?? 0, (mo ?? 0) - 1, d ?? 0));
  if (day.getUTCMonth() !== (mo ?? 0) - 1 || day.getUTCDate() !== d) return false;
  if ((h ?? 99) > 23 || (mi ?? 99) > 59 || (sec ?? 99) > 59) return false;
  const ms = Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  return Number.isFinite(ms) && Math.abs(ms - Date.now()) < 200 * YEAR_MS;
}

const CURSOR_KINDS = {
  /** Sort text such as a name: no NUL (PostgreSQL text cannot hold one), bounded. */
  string: z
    .string()
    .max(400)
    .refine((v) => !v.includes('\u0000')),
  /** A finite number (JSON 1e400 parses to Infinity). */
  number: z.number().finite(),
  /** A row id of a bigint column. */
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  uuid: z.string().regex(UUID),
  /** A timestamp as PostgreSQL or toISOString writes it, within a sane range of years. */
  time: z
    .string()
    .regex(TIMESTAMP)
    .refine((v) => isCalendarTime(v)),
} as const;

export type CursorKind = keyof typeof CURSOR_KINDS;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function invalidCursor(): HttpError {
  return new HttpError(400, 'The cursor is not valid. Start again from the first page (omit cursor).', {
    errors: [{ field: 'cursor', message: 'Pass back the nextCursor of the previous page unchanged.' }],
  });
}

export function decodeCursor(cursor: string | undefined, kinds: readonly CursorKind[]): CursorValue[] | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw invalidCursor();
  const values: CursorValue[] = [];
  for (const [i, kind] of kinds.entries()) {
    const result = CURSOR_KINDS[kind].safeParse(parsed[i]);
    if (!result.success) throw invalidCursor();
    values.push(result.data);
  }
  return values;
}

export function cursorString(values: CursorValue[] | null, index: number): string {
  return String(values?.[index] ?? '');
}

export function cursorNumber(values: CursorValue[] | null, index: number): number {
  return Number(values?.[index] ?? 0);
}
