// What the database columns can hold, checked before a value reaches them. PostgreSQL refuses a
// `real` outside ±3.4e38 or so small that it would round to zero (5e-324), and `text` with a NUL
// byte or a lone UTF-16 surrogate; any of those would fail the whole INSERT, and with it every good
// item of the batch. These checks turn each of them into a per-item rejection with a reason.
import { z } from 'zod';

/** Smallest normal float4 (FLT_MIN); anything nonzero below it underflows on the way in. */
export const REAL_MIN_NORMAL = 1.1754943508222875e-38;
export const REAL_MAX = 3.4028234663852886e38;
/** Smallest normal float8 (DBL_MIN); denormals are refused rather than trusted to every platform. */
export const DOUBLE_MIN_NORMAL = 2.2250738585072014e-308;

export type NumericColumn = 'real' | 'double precision';

/** True when `value` can be stored in a column of that type without error or silent change. */
export function fitsColumn(value: number, column: NumericColumn): boolean {
  if (!Number.isFinite(value)) return false;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return true;
  if (column === 'real') return magnitude >= REAL_MIN_NORMAL && magnitude <= REAL_MAX;
  return magnitude >= DOUBLE_MIN_NORMAL;
}

// C0 controls except tab, line feed and carriage return; DEL. NUL is the one PostgreSQL refuses.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why `text` cannot be stored as is, or null when it can. */
export function textProblem(text: string, singleLine: boolean): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone surrogate)';
  if (CONTROL.test(text) || (singleLine && /[\r\n\t]/.test(text))) {
    return 'must not contain control characters';
  }
  return null;
}

/** A string that a `text` column takes: trimmed, at most `max` characters, no NUL or controls. */
export function storableText(max: number, options: { singleLine?: boolean } = {}) {
  const singleLine = options.singleLine ?? true;
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, singleLine);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true });
    })
    .trim()
    .max(max, `must be at most ${max} characters`);
}

/** A finite number within [min, max] that the column type can hold. */
export function storableNumber(what: string, column: NumericColumn, min: number, max: number, unit = '') {
  const range = `${what} must be between ${min} and ${max}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: `${what} must be a number` })
    .min(min, range)
    .max(max, range)
    .refine((v) => fitsColumn(v, column), {
      message: `${what} is too close to zero to store; send 0 or a value of at least ${
        column === 'real' ? '1e-38' : '1e-307'
      }`,
    });
}
