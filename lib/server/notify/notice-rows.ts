import 'server-only';
// Stored outbox rows into what the phone and the officer read: facts parsed back (tolerating
// anything odd in old rows) and rendered into words in the languages each reader needs.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DeliveryState } from '@/lib/api/notifications';
import { renderNotice } from '@/lib/domain/notify/render';
import {
  NOTIFY_KINDS,
  type NoticeFacts,
  type NotifyKind,
  type NotifyLang,
  chooseNotifyLang,
} from '@/lib/domain/notify/types';
import { LAPSE_KINDS, REVIEW_DECISIONS } from '@/lib/domain/types';
import { toIsoOrNull } from '../queries/values';

export interface NoticeRow {
  id: string;
  seq: string | number;
  kind: string;
  facts: unknown;
  registration_id: string | null;
  lapse_id: string | null;
  created_at: unknown;
  delivered_at: unknown;
  acknowledged_at: unknown;
  failed_at: unknown;
  failure: string | null;
  citizenship: string;
  notify_language: string | null;
}

export const NOTICE_COLUMNS = sql`n.id, n.seq, n.kind, n.facts, n.registration_id, n.lapse_id, n.created_at,
  n.delivered_at, n.acknowledged_at, n.failed_at, n.failure, w.citizenship, w.notify_language`;

const time = z.string().nullish().catch(null);
const factsSchema = z.object({
  lapseKind: z.enum(LAPSE_KINDS).nullish().catch(null),
  startedAt: time,
  deadline: time,
  lastFixAt: time,
  rule: z.enum(['immediate', 'grace_elapsed', 'working_days_elapsed']).nullish().catch(null),
  trigger: z.string().nullish().catch(null),
  policyVersion: z.number().nullish().catch(null),
  lapseAfterSeconds: z.number().nullish().catch(null),
  graceSeconds: z.number().nullish().catch(null),
  workingDays: z.number().nullish().catch(null),
  decision: z.enum(REVIEW_DECISIONS).nullish().catch(null),
  by: z.enum(['review', 'late_data']).nullish().catch(null),
  late: z.boolean().nullish().catch(null),
});

export function readFacts(raw: unknown): NoticeFacts {
  const parsed = factsSchema.safeParse(typeof raw === 'string' ? safeJson(raw) : (raw ?? {}));
  return parsed.success ? parsed.data : {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export function readKind(kind: string): NotifyKind {
  return NOTIFY_KINDS.find((k) => k === kind) ?? 'lapse_opened';
}

export function readLang(row: Pick<NoticeRow, 'citizenship' | 'notify_language'>): NotifyLang {
  return chooseNotifyLang(row.citizenship, row.notify_language);
}

export function renderTexts(row: NoticeRow, langs: readonly NotifyLang[]) {
  const kind = readKind(row.kind);
  const facts = readFacts(row.facts);
  return [...new Set(langs)].map((lang) => ({ lang, ...renderNotice(kind, facts, lang) }));
}

/** acknowledged > delivered > failed > created: the furthest the message got. */
export function deliveryState(
  row: Pick<NoticeRow, 'delivered_at' | 'acknowledged_at' | 'failed_at'>,
): DeliveryState {
  if (row.acknowledged_at) return 'acknowledged';
  if (row.delivered_at) return 'delivered';
  if (row.failed_at) return 'failed';
  return 'created';
}

export const iso = (v: unknown): string | null => toIsoOrNull(v);
