// Relative times ('12 минут назад' / '12 minutes ago'); the absolute time goes in a tooltip.
import { intlLocale, type Lang } from '@/lib/i18n/config';
import { toDate, type DateInput } from './date';

const cache = new Map<Lang, Intl.RelativeTimeFormat>();

function formatter(lang: Lang): Intl.RelativeTimeFormat {
  let f = cache.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
    cache.set(lang, f);
  }
  return f;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
  ['month', 30 * 86_400],
  ['year', 365 * 86_400],
];

export function formatRelative(
  lang: Lang,
  value: DateInput | null | undefined,
  now: Date = new Date(),
): string {
  const date = toDate(value);
  if (!date) return '—';
  const diffSeconds = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(diffSeconds);
  if (abs < 45) return lang === 'ru' ? 'только что' : 'just now';
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [u, s] of STEPS) {
    if (abs >= s * 0.95) {
      unit = u;
      size = s;
    }
  }
  return formatter(lang).format(Math.round(diffSeconds / size), unit);
}
