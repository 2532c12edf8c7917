// The one URL-state helper: reading and writing page state in the query string, for the list pages
// and the map, on the server and in the browser alike (the page reads filters from the URL with the
// same pure function on both sides, so the prefetched query key equals the client's). The browser
// hook on top of it is components/shared/use-url-state.ts.

export type RawSearchParams = Record<string, string | string[] | undefined>;
export type ParamRecord = Record<string, string>;

/** Next's `searchParams` (or URLSearchParams) as a flat record; repeated keys are joined with commas. */
export function toParamRecord(input: RawSearchParams | URLSearchParams): ParamRecord {
  const out: ParamRecord = {};
  const entries: Array<[string, string]> =
    input instanceof URLSearchParams
      ? [...input.entries()]
      : Object.entries(input).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  for (const [key, value] of entries) {
    if (value === '') continue;
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return out;
}

/** The value if it is one of `allowed`, else undefined (a hand-edited URL never breaks the page). */
export function pickEnum<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The allowed values named in a comma list, in the order of `allowed`, each once. */
export function pickList<T extends string>(value: string | null | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((v) => v.trim()));
  return allowed.filter((a) => wanted.has(a));
}

/** A comma list keeping only allowed values, re-joined; undefined when nothing is left. */
export function pickEnumList(value: string | undefined, allowed: readonly string[]): string | undefined {
  if (!value) return undefined;
  const kept = value.split(',').filter((v) => allowed.includes(v));
  return kept.length > 0 ? [...new Set(kept)].join(',') : undefined;
}

const ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Ids (okrugs, districts) in a comma list, each once, in the order given. */
export function pickIds(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((v) => v.trim()))].filter((v) => ID.test(v));
}

export function pickIdList(value: string | undefined): string | undefined {
  const kept = pickIds(value);
  return kept.length > 0 ? kept.join(',') : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export function pickDay(value: string | undefined): string | undefined {
  return value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function pickUuid(value: string | null | undefined): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

export function pickText(value: string | undefined, max = 100): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;
export function pickCursor(value: string | undefined): string | undefined {
  return value && CURSOR.test(value) ? value : undefined;
}

/** Drops undefined values so two equal filter sets hash to the same query key. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

// Cursor pagination in the URL: `cursor` is the current page, `prev` the cursors of the pages before
// it joined by '.', the first page written as an empty entry (cursors are base64url: no dots).
export const PREV_KEY = 'prev';
const MAX_PREV = 30;

export function readPrevStack(params: ParamRecord): string[] {
  if (!params.cursor) return [];
  // A page with a cursor always has at least the first page before it.
  const raw = params[PREV_KEY] ?? '';
  return raw
    .split('.')
    .map((c) => (c === '' || CURSOR.test(c) ? c : ''))
    .slice(-MAX_PREV);
}

/** Query strings of the next and the previous page, keeping every other parameter. */
export function pageLinks(params: ParamRecord, nextCursor: string | null | undefined) {
  const stack = readPrevStack(params);
  const current = params.cursor ?? '';
  const base = { ...params };
  delete base.cursor;
  delete base[PREV_KEY];
  const next = nextCursor ? { ...base, cursor: nextCursor, [PREV_KEY]: [...stack, current].join('.') } : null;
  let previous: ParamRecord | null = null;
  if (params.cursor) {
    const before = stack.at(-1) ?? '';
    previous = before ? { ...base, cursor: before, [PREV_KEY]: stack.slice(0, -1).join('.') } : { ...base };
  }
  return { next, previous, page: params.cursor ? stack.length + 1 : 1 };
}

export function toQueryString(params: ParamRecord): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Moves the browser to `href` (same page, new query) through the History API, which Next keeps in
 * sync with useSearchParams: client components refetch on their own without a server round trip.
 */
export function writeHistory(href: string, mode: 'push' | 'replace'): void {
  if (mode === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
}
