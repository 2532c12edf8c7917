// Dictionary lookup and the two helpers every string needs: placeholders and plurals.
// Pure and shared by server and browser.
import { en } from './dictionaries/en';
import { ru, type Dictionary } from './dictionaries/ru';
import { intlLocale, type Lang } from './config';

export type { Dictionary } from './dictionaries/ru';
export {
  LANGS,
  DEFAULT_LANG,
  LANG_COOKIE,
  LANG_COOKIE_MAX_AGE,
  parseLang,
  intlLocale,
  type Lang,
} from './config';

const DICTIONARIES: Record<Lang, Dictionary> = { ru, en };

export function selectDictionary(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

export type TemplateValues = Record<string, string | number>;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function fill(template: string, values: TemplateValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

export interface PluralForms {
  one: string;
  few: string;
  many: string;
  other: string;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** Picks the plural form for `count` (Russian: 1 работник, 2 работника, 5 работников) and fills {count}. */
export function plural(lang: Lang, forms: PluralForms, count: number, formatted?: string): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(lang));
    pluralRules.set(lang, rules);
  }
  const category = rules.select(count);
  const template =
    category === 'one' || category === 'few' || category === 'many' ? forms[category] : forms.other;
  return fill(template, { count: formatted ?? String(count) });
}
