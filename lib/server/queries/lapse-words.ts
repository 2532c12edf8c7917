import 'server-only';
// Writes a lapse's explanation and, when it cancelled a registration, the rule that did, from the
// stored cause codes and facts at read time. Rows from before these were stored keep their text.
import { z } from 'zod';
import { explainCancellation } from '@/lib/domain/cancellation-words';
import type { CancelRule, LapseTrigger } from '@/lib/domain/lifecycle';
import { explainLapse } from '@/lib/domain/likely-cause';
import { CANCEL_UNITS, POLICY_PRESETS, type LapseKind } from '@/lib/domain/types';
import { loadRegionPack } from '@/lib/region/load-pack';
import { causeFactsSchema } from '../cause-facts';
import { toBoolOrNull, toDate, toNumber, toNumberOrNull } from './values';

export interface LapseWordsRow {
  kind: string;
  started_at: unknown;
  ended_at: unknown;
  explanation_ru: string;
  explanation_en: string;
  caused_cancellation: boolean;
  trigger?: string | null;
  cancel_rule?: string | null;
  cancelled_at?: unknown;
  cause_facts?: unknown;
  policy_json?: unknown;
  last_fix_time?: unknown;
  last_fix_lat: unknown;
  last_fix_lon: unknown;
  last_fix_accuracy?: unknown;
  last_battery?: unknown;
  last_charging?: unknown;
}

const policyJsonSchema = z.object({
  id: z.number(),
  lapse_after_seconds: z.number(),
  grace_seconds: z.number(),
  cancel_after_working_days: z.number(),
  preset: z.enum(POLICY_PRESETS).catch('custom'),
  cancel_unit: z.enum(CANCEL_UNITS).catch('calendar'),
});
const RULES: readonly CancelRule[] = ['immediate', 'grace_elapsed', 'working_days_elapsed'];
const TRIGGERS: readonly LapseTrigger[] = ['silence', 'device', 'fix'];

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function readLastFix(row: LapseWordsRow) {
  if (row.last_fix_time == null || row.last_fix_lat == null || row.last_fix_lon == null) return null;
  return {
    time: toDate(row.last_fix_time),
    lat: toNumber(row.last_fix_lat),
    lon: toNumber(row.last_fix_lon),
    accuracy: toNumberOrNull(row.last_fix_accuracy) ?? 0,
    battery: toNumberOrNull(row.last_battery),
    charging: toBoolOrNull(row.last_charging ?? null),
  };
}

export function writeLapseWords(row: LapseWordsRow, kind: LapseKind) {
  const startedAt = toDate(row.started_at);
  const endedAt = row.ended_at == null ? null : toDate(row.ended_at);
  const facts = causeFactsSchema.safeParse(parseJson(row.cause_facts ?? null));
  let explanationRu = row.explanation_ru;
  let explanationEn = row.explanation_en;
  if (facts.success) {
    const pack = loadRegionPack();
    const why = explainLapse({
      kind,
      startedAt,
      endedAt,
      lastFix: readLastFix(row),
      events: facts.data.events.map((e) => ({ type: e.type, time: new Date(e.time) })),
      nearestStation: facts.data.nearestStation,
      lowBatteryPercent: facts.data.lowBatteryPercent,
      regionName: { ru: pack.nameRu, en: pack.nameEn },
    });
    explanationRu = why.explanationRu;
    explanationEn = why.explanationEn;
  }
  if (!row.caused_cancellation) return { explanationRu, explanationEn, cancellation: null };
  const policy = policyJsonSchema.safeParse(parseJson(row.policy_json ?? null));
  const p = policy.success ? policy.data : null;
  const cancellationFacts = {
    rule: RULES.find((r) => r === row.cancel_rule) ?? null,
    trigger: TRIGGERS.find((t) => t === row.trigger) ?? null,
    kind,
    startedAt,
    lastFixTime: row.last_fix_time == null ? null : toDate(row.last_fix_time),
    cancelledAt: row.cancelled_at == null ? null : toDate(row.cancelled_at),
    endedAt,
    policy: p && {
      version: p.id,
      lapseAfterSeconds: p.lapse_after_seconds,
      graceSeconds: p.grace_seconds,
      cancelAfterWorkingDays: p.cancel_after_working_days,
      preset: p.preset,
      cancelUnit: p.cancel_unit,
    },
  };
  return {
    explanationRu,
    explanationEn,
    cancellation: {
      rule: cancellationFacts.rule,
      policyVersion: p?.id ?? null,
      explanationRu: explainCancellation(cancellationFacts, 'ru'),
      explanationEn: explainCancellation(cancellationFacts, 'en'),
    },
  };
}
