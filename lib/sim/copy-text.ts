// COPY text format for the smaller seeded tables: tab-separated, \N for NULL, special characters
// escaped.
type Value = string | number | boolean | null | undefined;

export const NULL = '\\N';

export function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return NULL;
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c)
    : v;
}

// toISOString for millions of rows is a hot spot: the date part is cached per UTC day and the
// clock part is plain arithmetic.
let cachedDay = NaN;
let cachedDate = '';
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function time(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NULL;
  const whole = Math.floor(ms);
  const day = Math.floor(whole / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  let rest = whole - day * 86_400_000;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  return `${cachedDate}${pad2(hour)}:${pad2(min)}:${pad2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

export function num(v: number | null | undefined, digits?: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return NULL;
  return digits === undefined ? String(v) : v.toFixed(digits);
}

// Strings arrive escaped (text()) or are known-safe codes and ids; booleans are written as t/f.
export function line(values: Value[]): string {
  return values
    .map((v) => (v === null || v === undefined ? NULL : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v)))
    .join('\t');
}
