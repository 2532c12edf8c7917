// Hostile values for the fuzz suite: a seeded PRNG, bad strings and JSON values, forged cursors,
// broken percent-escapes. Everything is deterministic for a given seed, so a failure can be replayed.
import { randomUUID } from 'node:crypto';

export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick cases reproducibly. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export const chance = (rng: Rng, p: number) => rng() < p;

/** Deterministic UUID-shaped text from the PRNG (random ones would make runs differ). */
export function fakeUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export const BAD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Иванов\u0000',
  '\ud800',
  '\u202e\u0007\u001b[2J',
  'x'.repeat(3000),
  '😀'.repeat(200),
  '-1',
  '0',
  '1e39',
  '1e309',
  '-1e309',
  '5e-324',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '2025-02-30',
  '2025-13-45',
  '0000-01-01',
  '9999-99-99T99:99:99Z',
  '2025-11-24T25:00:00Z',
  '2025-11-24T10:00:00+99:99',
  '275760-09-13',
  'yesterday',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  'TsAO,ZAO,,,',
  'a,'.repeat(500),
  '*',
  '%',
  '\\',
] as const;

/** JSON numbers a double cannot hold or a column cannot store, written as raw JSON text. */
export const RAW_NUMBERS = ['1e400', '-1e400', '1e39', '5e-324', '123456789012345678901234567890', '-0'];

export function badJsonValue(rng: Rng): unknown {
  const r = rng();
  if (r < 0.45) return pick(rng, BAD_STRINGS);
  if (r < 0.7)
    return pick(rng, [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e39,
      -1e39,
      5e-324,
      Number.MAX_SAFE_INTEGER + 2,
      1.7976931348623157e308,
    ]);
  if (r < 0.8) return pick(rng, [[], [null], [1, 2, 3], ['\u0000'], {}, { a: 1 }, { __proto__: { x: 1 } }]);
  if (r < 0.9) return { nested: { deeper: [pick(rng, BAD_STRINGS), { '\u0000key': 1 }] } };
  return `__RAW_${pick(rng, RAW_NUMBERS)}__`;
}

/** Opaque cursors a client could forge: valid base64url JSON of the wrong shape or with bad values. */
export function forgedCursor(rng: Rng): string {
  const values: unknown[] = [
    ['x', 'y'],
    ['a\u0000', randomUUID()],
    ['zzz', 'not-a-uuid'],
    [new Date().toISOString(), 1e308, randomUUID()],
    [new Date().toISOString(), '2025-02-30 10:00:00+00', randomUUID()],
    ['2025-02-30T00:00:00Z', 5, randomUUID()],
    ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00Z', randomUUID()],
    [new Date().toISOString(), 'yesterday', randomUUID()],
    ['x'.repeat(450), randomUUID()],
    [1, 2],
    [1e20],
    [-1],
    [1.5],
    ['9999999999'],
    [null],
    [{}],
    {},
    'null',
    [randomUUID()],
    [new Date().toISOString(), '2025-11-24 10:00:00.123456+03', randomUUID()],
  ];
  const r = rng();
  if (r < 0.8) return Buffer.from(JSON.stringify(pick(rng, values))).toString('base64url');
  if (r < 0.9)
    return Buffer.from(Array.from({ length: 24 }, () => Math.floor(rng() * 256))).toString('base64');
  return pick(rng, ['%E0%A4%A', '!!!', '', 'W10', 'WyJ4Il0', '%00']);
}

/** Path segments for an [id]: broken escapes, NUL, very long, slashes, SQL. */
export function hostileSegment(rng: Rng): string {
  return pick(rng, [
    '%E0%A4%A',
    '%',
    '%zz',
    '%C0%AF',
    '%FF%FE',
    '%00',
    'a%00b',
    `${fakeUuid(rng)}%00`,
    '%2F..%2F',
    '%F0%9F%98%80',
    'x'.repeat(3000),
    "'%20OR%201=1--",
    fakeUuid(rng).toUpperCase(),
    fakeUuid(rng),
    'not-a-uuid',
    '-1',
    '1e309',
    '%0D%0ASet-Cookie:%20x=1',
  ]);
}

/** Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD, as a client would). */
export function encodeValue(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

export const BROKEN_ESCAPES = ['%E0%A4%A', '%', '%zz', '%C0%AF', '%FF', '%00', '%ED%A0%80'];

export const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/merge-patch+json',
  'application/json; charset=latin1',
  '',
] as const;

export const BROKEN_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '\u0000',
  '{"a":"\\ud800"}',
  '"\\u0000"',
  '['.repeat(5000),
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '{"__proto__":{"polluted":true}}',
  '1e400',
  '',
];
