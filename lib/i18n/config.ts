// Languages of the dashboard. Russian first: officers read Russian; English is available.
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = 'ru';
export const LANG_COOKIE = 'lang';
/** The choice is remembered for a year. */
export const LANG_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : DEFAULT_LANG;
}

/** BCP 47 tag for Intl formatters. */
export function intlLocale(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'ru-RU';
}
