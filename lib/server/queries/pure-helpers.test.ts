// Table-driven tests of the pure rules behind the officer API services.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { escapeCsvCell, toCsvLine } from './csv';
import { gridForZoom, roundCoord } from './grid';
import { explainPolicyConflict } from './policy-admin';
import { clampSimulationWindow } from './policy-simulate';
import { explainReinstateRefusal } from './reinstate';
import { parseWorkerSearch } from './search';
import { listReportDays } from './stats';
import { clampTraceWindow } from './trace';

describe('parseWorkerSearch', () => {
  it.each([
    ['Karimov', 'name', []],
    ['каРимов', 'name', []],
    ['AB 123-45', 'document', []],
    ['+998 90 123-45-67', 'phone', ['998901234567']],
    ['8 916 123-45-67', 'phone', ['79161234567', '89161234567']],
    ['4567', 'phone', ['4567']],
    ['12', 'document', []],
  ])('%s reads as a %s search', (q, kind, digits) => {
    const s = parseWorkerSearch(q);
    expect(s?.kind).toBe(kind);
    expect(s?.phoneDigits).toEqual(digits);
  });

  it('folds names of either script to one key and skeleton', () => {
    expect(parseWorkerSearch('  Саргсян  Давид ')).toMatchObject({
      nameKey: 'sargsan david',
      nameSkeleton: 'srksn tft',
    });
    expect(parseWorkerSearch('50%_Off')?.nameKey).toBe('of');
  });

  it('strips spaces and hyphens from document numbers and upper-cases them', () => {
    expect(parseWorkerSearch('ab 12-34')?.document).toBe('AB1234');
    expect(parseWorkerSearch('АВ 12-34')?.document).toBe('AB1234');
    expect(parseWorkerSearch('ab')?.document).toBe('');
  });

  it('ignores an empty search', () => {
    expect(parseWorkerSearch('   ')).toBeNull();
  });
});

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['+HYPERLINK("x")', '"\'+HYPERLINK(""x"")"'],
    ['-2+3', "'-2+3"],
    ['+998901234567', '+998901234567'],
    ['-12.5', '-12.5'],
    ['Каримов Азиз', 'Каримов Азиз'],
  ])('%j -> %j', (input, output) => {
    expect(escapeCsvCell(input)).toBe(output);
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [false, 'false'],
    [new Date('2025-11-24T09:30:00Z'), '2025-11-24T09:30:00.000Z'],
  ])('%j -> %j', (input, output) => {
    expect(escapeCsvCell(input)).toBe(output);
  });

  it('ends a line with CRLF', () => {
    expect(toCsvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('cursors', () => {
  it('round-trips values', () => {
    expect(decodeCursor(encodeCursor(['x', 'y']), ['string', 'string'])).toEqual(['x', 'y']);
    expect(decodeCursor(encodeCursor([7]), ['number'])).toEqual([7]);
    expect(decodeCursor(undefined, ['number'])).toBeNull();
  });

  it.each([
    'garbage',
    encodeCursor(['x']),
    encodeCursor([1, 2]),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('refuses a damaged cursor %s with a 400', (cursor) => {
    expect(() => decodeCursor(cursor, ['string', 'string'])).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('gridForZoom', () => {
  it.each([
    [10, 0.087890625],
    [12, 0.02197265625],
    [12.9, 0.02197265625],
  ])('zoom %d has cells of %d degrees of longitude (64 px)', (zoom, cellLon) => {
    expect(gridForZoom(zoom, 55.75).cellLon).toBeCloseTo(cellLon, 12);
  });

  it('shrinks latitude cells by cos(lat) and keeps the grid while panning a little', () => {
    const a = gridForZoom(12, 55.6);
    const b = gridForZoom(12, 56.2);
    expect(a).toEqual(b);
    expect(a.cellLat / a.cellLon).toBeCloseTo(Math.cos((55 * Math.PI) / 180), 10);
  });

  it('rounds coordinates to 5 decimals', () => {
    expect(roundCoord(37.6208123456)).toBe(37.62081);
  });
});

const NOW = new Date('2025-11-24T12:00:00Z');
const DAY = 86_400_000;

describe('clampTraceWindow', () => {
  it.each([
    ['defaults to the last 24 hours', undefined, undefined, NOW.getTime() - DAY, NOW.getTime()],
    [
      'never reaches before retention',
      new Date(NOW.getTime() - 30 * DAY),
      undefined,
      NOW.getTime() - 14 * DAY,
      NOW.getTime(),
    ],
    [
      'never reaches past now',
      new Date(NOW.getTime() - 2 * DAY),
      new Date(NOW.getTime() + DAY),
      NOW.getTime() - 2 * DAY,
      NOW.getTime(),
    ],
    [
      'a window wholly before retention is empty',
      new Date(NOW.getTime() - 40 * DAY),
      new Date(NOW.getTime() - 30 * DAY),
      NOW.getTime() - 14 * DAY,
      NOW.getTime() - 14 * DAY,
    ],
  ])('%s', (_name, from, to, expectFrom, expectTo) => {
    const w = clampTraceWindow(from, to, 14, NOW);
    expect([w.from.getTime(), w.to.getTime()]).toEqual([expectFrom, expectTo]);
  });
});

describe('clampSimulationWindow', () => {
  it.each([
    [NOW.getTime() - 3 * DAY, NOW.getTime() - DAY, NOW.getTime() - 3 * DAY, NOW.getTime() - DAY, false],
    [
      NOW.getTime() - 20 * DAY,
      NOW.getTime() - 10 * DAY,
      NOW.getTime() - 14 * DAY,
      NOW.getTime() - 10 * DAY,
      true,
    ],
    [NOW.getTime() - DAY, NOW.getTime() + DAY, NOW.getTime() - DAY, NOW.getTime(), false],
  ])('%d..%d -> %d..%d (limited %s)', (from, to, f, t, limited) => {
    const w = clampSimulationWindow(new Date(from), new Date(to), 14, NOW);
    expect([w.from.getTime(), w.to.getTime(), w.retentionLimited]).toEqual([f, t, limited]);
  });
});

describe('explainReinstateRefusal', () => {
  const cancelled = {
    status: 'cancelled',
    cancel_lapse_id: 'l1',
    review_decision: 'technical',
    voided_at: null,
  };
  it.each([
    ['technical review allows it', cancelled, null, null],
    ['excused review allows it', { ...cancelled, review_decision: 'excused' }, null, null],
    ['violation refuses', { ...cancelled, review_decision: 'violation' }, null, /violation/],
    ['unreviewed refuses', { ...cancelled, review_decision: null }, null, /Review the lapse/],
    ['active refuses', { ...cancelled, status: 'active' }, null, /this one is active/],
    [
      'no cancelling lapse refuses',
      { ...cancelled, cancel_lapse_id: null },
      null,
      /not cancelled by a lapse/,
    ],
    ['voided lapse refuses', { ...cancelled, voided_at: '2025-11-24' }, null, /voided/],
    ['a newer live registration refuses', cancelled, { id: 'r2', status: 'pending' }, /registered again/],
  ])('%s', (_name, reg, other, expected) => {
    const reason = explainReinstateRefusal(reg, other);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe('explainPolicyConflict', () => {
  it.each([
    [300, 900, false],
    [300, 300, false],
    [600, 300, true],
  ])('heartbeat %d, lapseAfter %d: conflict %s', (heartbeatSeconds, lapseAfterSeconds, conflict) => {
    expect(explainPolicyConflict({ heartbeatSeconds, lapseAfterSeconds }) !== null).toBe(conflict);
  });
});

describe('listReportDays', () => {
  it('lists Moscow calendar days, including the partial first and last', () => {
    // 21:00Z on the 23rd is already the 24th in Moscow.
    expect(listReportDays(new Date('2025-11-23T21:00:00Z'), new Date('2025-11-26T21:00:00Z'))).toEqual([
      '2025-11-24',
      '2025-11-25',
      '2025-11-26',
    ]);
    expect(listReportDays(new Date('2025-11-24T10:00:00Z'), new Date('2025-11-24T11:00:00Z'))).toEqual([
      '2025-11-24',
    ]);
  });
});
