// Durations in words an officer reads at a glance: '2 ч 15 мин' / '2 h 15 min'.
import type { Lang } from '@/lib/i18n/config';

const UNITS: Record<Lang, { d: string; h: string; min: string; s: string }> = {
  ru: { d: 'д', h: 'ч', min: 'мин', s: 'с' },
  en: { d: 'd', h: 'h', min: 'min', s: 's' },
};

/**
 * Formats seconds with the two largest non-zero units (days, hours, minutes; seconds only under a
 * minute). Negative or missing values give '—'.
 */
export function formatDuration(lang: Lang, seconds: number | null | undefined, maxUnits = 2): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const u = UNITS[lang];
  const total = Math.round(seconds);
  if (total < 60) return `${total} ${u.s}`;
  const pieces: Array<[number, string]> = [
    [Math.floor(total / 86_400), u.d],
    [Math.floor((total % 86_400) / 3600), u.h],
    [Math.floor((total % 3600) / 60), u.min],
  ];
  const firstNonZero = pieces.findIndex(([n]) => n > 0);
  const shown = pieces
    .slice(firstNonZero, firstNonZero + maxUnits)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`);
  return shown.join(' ');
}

/** Duration between two instants; an open end counts up to `now`. */
export function formatSpan(lang: Lang, start: Date, end: Date | null, now: Date = new Date()): string {
  return formatDuration(lang, ((end ?? now).getTime() - start.getTime()) / 1000);
}
