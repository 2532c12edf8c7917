import { describe, expect, it } from 'vitest';
import { formatDayInput, maskDayInput, parseDayInput } from './day-input';

describe('day input (dd.mm.yyyy)', () => {
  it.each([
    ['05.03.2026', '2026-03-05'],
    ['5.3.2026', '2026-03-05'],
    ['05/03/2026', '2026-03-05'],
    [' 29.02.2028 ', '2028-02-29'],
    ['29.02.2026', null],
    ['31.04.2026', null],
    ['03/05', null],
    ['2026-03-05', null],
    ['05.13.2026', null],
    ['', null],
  ])('parses %j as %j', (text, expected) => {
    expect(parseDayInput(text)).toBe(expected);
  });

  it('formats URL days for display and back', () => {
    expect(formatDayInput('2026-03-05')).toBe('05.03.2026');
    expect(formatDayInput(undefined)).toBe('');
    expect(formatDayInput('garbage')).toBe('');
    expect(parseDayInput(formatDayInput('2026-12-31'))).toBe('2026-12-31');
  });

  it.each([
    ['05', '05'],
    ['0503', '05.03'],
    ['05032026', '05.03.2026'],
    ['0503202612', '05.03.2026'],
    ['05.03.2', '05.03.2'],
    ['05.032', '05.03.2'],
    ['050', '05.0'],
    ['5.3.2026', '5.3.2026'],
  ])('masks %j as %j', (text, expected) => {
    expect(maskDayInput(text)).toBe(expected);
  });
});
