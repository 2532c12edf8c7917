// Opaque keyset cursors: the sort key of the last row, base64url-encoded JSON. Clients pass them
// back untouched; a damaged one is a 400 rather than a silent restart from the top.
import 'server-only';
import { HttpError } from '../problem';

export type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  kinds: readonly ('string' | 'number')[],
): CursorValue[] | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== kinds.length ||
    parsed.some((v, i) => typeof v !== kinds[i])
  ) {
    throw new HttpError(400, 'The cursor is not valid. Start again from the first page (omit cursor).', {
      errors: [{ field: 'cursor', message: 'Pass back the nextCursor of the previous page unchanged.' }],
    });
  }
  return parsed as CursorValue[];
}

export function cursorString(values: CursorValue[] | null, index: number): string {
  return String(values?.[index] ?? '');
}

export function cursorNumber(values: CursorValue[] | null, index: number): number {
  return Number(values?.[index] ?? 0);
}
