// The one SELECT list and row mapper for lapses, shared by the queue, the worker file and reviews.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { lapseKindSchema, likelyCauseSchema, reviewDecisionSchema } from '@/lib/api/enums';
import type { LapseItem } from '@/lib/api/lapses';
import { toIso, toIsoOrNull, toNumber } from './values';
import { writeLapseWords, type LapseWordsRow } from './lapse-words';

export interface LapseRow extends LapseWordsRow {
  id: string;
  worker_id: string;
  registration_id: string;
  full_name_latin: string;
  full_name_cyrillic: string | null;
  citizenship: string;
  okrug: string | null;
  kind: string;
  started_at: unknown;
  ended_at: unknown;
  duration_seconds: unknown;
  likely_cause: string;
  explanation_ru: string;
  explanation_en: string;
  caused_cancellation: boolean;
  voided_at: unknown;
  late_data_voided_at?: unknown;
  review_decision: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: unknown;
  reviewed_by_name?: string | null;
  last_fix_lat: unknown;
  last_fix_lon: unknown;
}

/** Duration up to `asOf` for open lapses, so a cursor taken at one moment stays consistent. */
export function durationExpr(asOf: Date): SQL {
  return sql`extract(epoch FROM (coalesce(l.ended_at, ${asOf.toISOString()}::timestamptz) - l.started_at))::float8`;
}

export function lapseColumns(asOf: Date): SQL {
  return sql`l.id, l.worker_id, l.registration_id, w.full_name_latin, w.full_name_cyrillic, l.citizenship,
    l.okrug, l.kind, l.started_at, l.ended_at, ${durationExpr(asOf)} AS duration_seconds, l.likely_cause,
    l.explanation_ru, l.explanation_en, l.caused_cancellation, l.voided_at, l.late_data_voided_at, l.review_decision, l.review_note,
    l.reviewed_by, l.reviewed_at, l.last_fix_lat, l.last_fix_lon, l.last_fix_time, l.last_fix_accuracy,
    l.last_battery, l.last_charging, l.trigger, l.cancel_rule, l.cancelled_at, l.cause_facts,
    (SELECT row_to_json(pv) FROM policy_versions pv WHERE pv.id = l.policy_version) AS policy_json,
    (SELECT o.name FROM officers o WHERE o.username = l.reviewed_by LIMIT 1) AS reviewed_by_name`;
}

export function toLapseItem(row: LapseRow): LapseItem {
  const kind = lapseKindSchema.parse(row.kind);
  const words = writeLapseWords(row, kind);
  return {
    id: row.id,
    workerId: row.worker_id,
    place:
      row.last_fix_lat == null || row.last_fix_lon == null
        ? null
        : { lat: toNumber(row.last_fix_lat), lon: toNumber(row.last_fix_lon) },
    workerName: row.full_name_latin,
    workerNameCyrillic: row.full_name_cyrillic,
    citizenship: row.citizenship,
    okrug: row.okrug,
    registrationId: row.registration_id,
    kind,
    startedAt: toIso(row.started_at),
    endedAt: toIsoOrNull(row.ended_at),
    durationSeconds: Math.max(0, Math.round(toNumber(row.duration_seconds))),
    likelyCause: likelyCauseSchema.catch('unknown').parse(row.likely_cause),
    explanationRu: words.explanationRu,
    explanationEn: words.explanationEn,
    cancellation: words.cancellation,
    causedCancellation: Boolean(row.caused_cancellation),
    voidedAt: toIsoOrNull(row.voided_at),
    restoredByLateDataAt: toIsoOrNull(row.late_data_voided_at ?? null),
    review:
      row.review_decision && row.reviewed_at
        ? {
            decision: reviewDecisionSchema.parse(row.review_decision),
            note: row.review_note ?? '',
            by: row.reviewed_by ?? '',
            byName: row.reviewed_by_name ?? null,
            at: toIso(row.reviewed_at),
          }
        : null,
  };
}
