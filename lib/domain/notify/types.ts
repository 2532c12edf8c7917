// Messages to the worker: a kind code and the facts behind it, rendered into words when read (so the
// words follow the language and never disagree with the record). Pure: no I/O.
import type { LapseKind, ReviewDecision } from '../types';

export const NOTIFY_KINDS = [
  'lapse_opened',
  'reminder',
  'cancelled',
  'reinstated',
  'review_outcome',
  'address_changed',
] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Russian always; Uzbek in Latin, Tajik and Kyrgyz in Cyrillic; English for officers reading along. */
export const NOTIFY_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type NotifyLang = (typeof NOTIFY_LANGS)[number];

export type CancelRule = 'immediate' | 'grace_elapsed' | 'working_days_elapsed';

/** Everything any kind may need; each kind reads its own fields and tolerates the rest missing. */
export interface NoticeFacts {
  lapseKind?: LapseKind | null;
  startedAt?: string | null;
  deadline?: string | null;
  lastFixAt?: string | null;
  rule?: CancelRule | null;
  trigger?: string | null;
  policyVersion?: number | null;
  lapseAfterSeconds?: number | null;
  graceSeconds?: number | null;
  workingDays?: number | null;
  decision?: ReviewDecision | null;
  by?: 'review' | 'late_data' | null;
  late?: boolean | null;
  addressText?: string | null;
}

export interface RenderedNotice {
  title: string;
  body: string;
}

/** One language: words for every kind, built from the facts. */
export type NotifyPack = Record<NotifyKind, (f: NoticeFacts) => RenderedNotice>;

/** The worker's language: a stored preference first, then by citizenship; Russian otherwise. */
export function chooseNotifyLang(citizenship: string, preference?: string | null): NotifyLang {
  const pref = NOTIFY_LANGS.find((l) => l === preference);
  if (pref) return pref;
  if (citizenship === 'UZ') return 'uz';
  if (citizenship === 'TJ') return 'tg';
  if (citizenship === 'KG') return 'ky';
  return 'ru';
}

/** Moscow time (UTC+3 all year), dd.mm.yyyy hh:mm, the way every message writes a time. */
export function formatMoscow(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return '—';
  const m = new Date(t.getTime() + 3 * 3_600_000).toISOString();
  return `${m.slice(8, 10)}.${m.slice(5, 7)}.${m.slice(0, 4)} ${m.slice(11, 16)}`;
}

/** Whole minutes of a seconds value, for the rule in words. */
export function minutes(seconds: number | null | undefined): number {
  return Math.max(0, Math.round((seconds ?? 0) / 60));
}
