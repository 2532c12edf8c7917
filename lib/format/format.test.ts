import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, toMoscowDay } from './date';
import { formatDuration } from './duration';
import { formatCompact, formatNumber, formatPercent } from './number';
import { formatRelative } from './relative';

// Intl uses no-break spaces as group separators in Russian; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it.each([
    ['ru', 1234567, '1 234 567'],
    ['en', 1234567, '1,234,567'],
    ['ru', 0, '0'],
    ['ru', null, '—'],
    ['en', Number.NaN, '—'],
  ] as const)('%s %s → %s', (lang, value, expected) => {
    expect(plain(formatNumber(lang, value))).toBe(expected);
  });

  it('formats shares as percentages and large counts compactly', () => {
    expect(plain(formatPercent('ru', 0.953))).toBe('95,3 %');
    expect(formatPercent('en', 0.953)).toBe('95.3%');
    expect(formatCompact('en', 1_234_567)).toBe('1.2M');
  });
});

describe('dates in Moscow time', () => {
  it.each([
    ['2025-11-24T21:30:00Z', '25.11.2025 00:30'],
    ['2025-01-01T00:00:00+03:00', '01.01.2025 00:00'],
    ['2025-06-15T09:05:00Z', '15.06.2025 12:05'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
  });

  it('splits date and time and handles missing values', () => {
    expect(formatDate('2025-11-24T21:30:00Z')).toBe('25.11.2025');
    expect(formatTime('2025-11-24T21:30:00Z')).toBe('00:30');
    expect(formatDateTime('2025-11-24T21:30:15Z', true)).toBe('25.11.2025 00:30:15');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(toMoscowDay('2025-11-24T21:30:00Z')).toBe('2025-11-25');
  });
});

describe('formatDuration', () => {
  it.each([
    ['ru', 8100, '2 ч 15 мин'],
    ['en', 8100, '2 h 15 min'],
    ['ru', 45, '45 с'],
    ['ru', 60, '1 мин'],
    ['ru', 3600, '1 ч'],
    ['ru', 90_000, '1 д 1 ч'],
    ['en', 86_400 * 3 + 60, '3 d'],
    ['ru', -5, '—'],
    ['ru', null, '—'],
  ] as const)('%s %s s → %s', (lang, seconds, expected) => {
    expect(formatDuration(lang, seconds)).toBe(expected);
  });
});

describe('formatRelative', () => {
  const now = new Date('2025-11-24T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  it.each([
    ['ru', 20, 'только что'],
    ['en', 20, 'just now'],
    ['ru', 720, '12 минут назад'],
    ['en', 720, '12 minutes ago'],
    ['ru', 7200, '2 часа назад'],
    ['ru', 86_400, 'вчера'],
    ['en', 3 * 86_400, '3 days ago'],
    ['ru', -600, 'через 10 минут'],
  ] as const)('%s %s s ago → %s', (lang, seconds, expected) => {
    expect(formatRelative(lang, ago(seconds), now)).toBe(expected);
  });
});
