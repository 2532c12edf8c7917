'use client';
// The dictionary travels once from the root layout (server) into this context; client components
// read it with useT() and the language with useLang().
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { fill, plural, type Dictionary, type Lang, type PluralForms, type TemplateValues } from './index';
import { formatNumber } from '@/lib/format/number';

interface I18nValue {
  lang: Lang;
  t: Dictionary;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  lang,
  dictionary,
  children,
}: {
  lang: Lang;
  dictionary: Dictionary;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ lang, t: dictionary }), [lang, dictionary]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nValue(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() needs <I18nProvider> above it (app/providers.tsx).');
  return value;
}

export function useT(): Dictionary {
  return useI18nValue().t;
}

export function useLang(): Lang {
  return useI18nValue().lang;
}

/** Helpers bound to the current language: fill placeholders, pick plural forms with a formatted count. */
export function useText() {
  const { lang, t } = useI18nValue();
  return useMemo(
    () => ({
      lang,
      t,
      fill: (template: string, values?: TemplateValues) => fill(template, values),
      plural: (forms: PluralForms, count: number) => plural(lang, forms, count, formatNumber(lang, count)),
    }),
    [lang, t],
  );
}
