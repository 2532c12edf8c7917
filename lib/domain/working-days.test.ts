import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  countWorkingDaysBetween,
  isWorkingDay,
  MOSCOW_CALENDAR,
  startOfLocalDay,
  toLocalDate,
} from './working-days';

describe('isWorkingDay on the Moscow production calendar', () => {
  it.each([
    ['2025-11-01', true, 'Saturday made a working day (decree 1335 of 2024)'],
    ['2025-11-03', false, 'Monday off, moved from 1 Nov 2025'],
    ['2025-11-04', false, 'Unity Day'],
    ['2025-05-02', false, 'moved from 4 Jan 2025'],
    ['2025-05-08', false, 'moved from 23 Feb 2025'],
    ['2025-06-13', false, 'moved from 8 Mar 2025'],
    ['2025-12-31', false, 'moved from 5 Jan 2025'],
    ['2025-12-30', true, 'ordinary Tuesday'],
    ['2025-06-14', false, 'Saturday'],
    ['2026-01-09', false, 'moved from 3 Jan 2026'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2026-02-23', false, 'Defender of the Fatherland Day'],
    ['2026-03-09', false, '8 March fell on a Sunday'],
    ['2026-05-11', false, '9 May fell on a Saturday'],
    ['2026-12-31', false, 'moved from 4 Jan 2026'],
    ['2027-05-03', false, '1 May 2027 fell on a Saturday'],
    ['2027-01-11', true, 'Monday after the New Year holidays'],
    ['2028-01-03', false, 'year outside the pack: statutory holiday'],
    ['2028-01-10', true, 'year outside the pack: ordinary Monday'],
  ])('%s is working: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, MOSCOW_CALENDAR)).toBe(expected);
  });
});

describe('addWorkingDays (3 working days from the last fix, Europe/Moscow)', () => {
  it.each([
    ['2025-05-30T09:00:00Z', 3, '2025-06-04T21:00:00.000Z', 'Friday: Mon–Wed, cancel at Thursday 00:00'],
    ['2025-06-11T07:00:00Z', 3, '2025-06-18T21:00:00.000Z', 'over the 12–15 June holiday'],
    ['2025-06-10T22:30:00Z', 3, '2025-06-18T21:00:00.000Z', '01:30 Moscow is already 11 June'],
    ['2025-10-31T12:00:00Z', 3, '2025-11-06T21:00:00.000Z', 'working Saturday 1 Nov counts, 3–4 Nov do not'],
    ['2025-12-30T12:00:00Z', 3, '2026-01-14T21:00:00.000Z', 'over New Year and the moved 9 January'],
    ['2026-05-08T12:00:00Z', 3, '2026-05-14T21:00:00.000Z', 'over 9–11 May 2026'],
    ['2025-06-02T12:00:00Z', 1, '2025-06-03T21:00:00.000Z', 'one working day'],
    ['2025-06-02T12:00:00Z', 0, '2025-06-02T21:00:00.000Z', 'zero: end of the same day'],
  ])('%s + %i working days -> %s (%s)', (start, n, expected) => {
    expect(addWorkingDays(new Date(start), n).toISOString()).toBe(expected);
  });
});

describe('countWorkingDaysBetween', () => {
  it.each([
    ['2025-05-30T09:00:00Z', '2025-06-04T20:59:00Z', 2],
    ['2025-05-30T09:00:00Z', '2025-06-04T21:30:00Z', 3],
    ['2025-06-11T07:00:00Z', '2025-06-16T20:00:00Z', 0],
    ['2025-06-11T07:00:00Z', '2025-06-17T08:00:00Z', 1],
  ])('%s to %s: %i', (from, to, expected) => {
    expect(countWorkingDaysBetween(new Date(from), new Date(to))).toBe(expected);
  });
});

describe('local dates', () => {
  it('maps instants to Moscow dates and back', () => {
    expect(toLocalDate(new Date('2025-06-10T21:00:00Z'), 'Europe/Moscow')).toBe('2025-06-11');
    expect(startOfLocalDay('2025-06-11', 'Europe/Moscow').toISOString()).toBe('2025-06-10T21:00:00.000Z');
    expect(startOfLocalDay('2025-03-30', 'Europe/Berlin').toISOString()).toBe('2025-03-29T23:00:00.000Z');
  });
});
