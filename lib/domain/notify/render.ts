// Renders a stored notification (kind + facts) into words in one language, or in every language the
// worker gets: Russian always, plus the worker's own when it is not Russian.
import { EN } from './texts-en';
import { KY } from './texts-ky';
import { RU } from './texts-ru';
import { TG } from './texts-tg';
import { UZ } from './texts-uz';
import type { NoticeFacts, NotifyKind, NotifyLang, NotifyPack, RenderedNotice } from './types';

export const NOTIFY_PACKS: Record<NotifyLang, NotifyPack> = { ru: RU, uz: UZ, tg: TG, ky: KY, en: EN };

export function renderNotice(kind: NotifyKind, facts: NoticeFacts, lang: NotifyLang): RenderedNotice {
  return NOTIFY_PACKS[lang][kind](facts);
}

/** The texts a worker receives: Russian first, then the worker's language (if different). */
export function renderForWorker(
  kind: NotifyKind,
  facts: NoticeFacts,
  lang: NotifyLang,
): { lang: NotifyLang; title: string; body: string }[] {
  const langs: NotifyLang[] = lang === 'ru' ? ['ru'] : ['ru', lang];
  return langs.map((l) => ({ lang: l, ...renderNotice(kind, facts, l) }));
}
