// Numbers through Intl.NumberFormat: '1 234 567' in Russian, '1,234,567' in English.
import { intlLocale, type Lang } from '@/lib/i18n/config';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), options);
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(
  lang: Lang,
  value: number | null | undefined,
  options?: Intl.NumberFormatOptions,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatter(lang, options).format(value);
}

/** A 0..1 share as a percentage: 0.953 → '95,3 %' (ru) / '95.3%' (en). */
export function formatPercent(lang: Lang, share: number | null | undefined, digits = 1): string {
  return formatNumber(lang, share, { style: 'percent', maximumFractionDigits: digits });
}

/** Large counts in short form for tight places: 1 234 567 → '1,2 млн' / '1.2M'. */
export function formatCompact(lang: Lang, value: number | null | undefined): string {
  return formatNumber(lang, value, { notation: 'compact', maximumFractionDigits: 1 });
}
