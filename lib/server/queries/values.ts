// Raw SQL answers differ a little between PGlite and postgres-js (timestamps come back as text,
// bigint as text or number): these turn a column value into what the DTOs promise.
import 'server-only';

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new Error('unreadable timestamp from the database');
  return d;
}

export function toIso(value: unknown): string {
  return toDate(value).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

export function toBoolOrNull(value: unknown): boolean | null {
  return value === null || value === undefined ? null : value === true || value === 't' || value === 'true';
}

export function toStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
