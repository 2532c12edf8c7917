// Districts (okrugs) as the UI shows them. Names come from the region pack, never from code.
import type { Lang } from '@/lib/i18n/config';

export interface OkrugOption {
  id: string;
  abbrRu: string;
  nameRu: string;
  nameEn: string;
}

/** Short form: the Russian abbreviation (ЦАО) in Russian, the Latin id (TsAO) in English. */
export function okrugShort(lang: Lang, okrug: OkrugOption): string {
  return lang === 'ru' ? okrug.abbrRu : okrug.id;
}

export function okrugName(lang: Lang, okrug: OkrugOption): string {
  return lang === 'ru' ? okrug.nameRu : okrug.nameEn;
}

/** Label for an okrug id that may be unknown to the pack (shown as is). */
export function labelOkrug(
  lang: Lang,
  id: string | null | undefined,
  okrugs: readonly OkrugOption[],
): string {
  if (!id) return '—';
  const okrug = okrugs.find((o) => o.id === id);
  return okrug ? `${okrugShort(lang, okrug)} — ${okrugName(lang, okrug)}` : id;
}
