import 'server-only';
// Stores what the lifecycle decided, for one worker or ten thousand, in a handful of set-based
// statements (json_to_recordset works the same on PGlite and PostgreSQL).
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { Effect, FixSnapshot, WorkerState } from '@/lib/domain/lifecycle';
import type { LapseKind, LikelyCause } from '@/lib/domain/types';
import { queueEffectNotices } from './notify/outbox';

type Tx = Pick<Db, 'execute'>;

export interface WorkerMeta {
  workerId: string;
  citizenship: string;
  okrug: string | null;
}

export interface Explanation {
  cause: LikelyCause;
  explanationRu: string;
  explanationEn: string;
  /** The evidence the words came from, stored so they can be written again when read. */
  facts?: Record<string, unknown>;
}

export type Explain = (input: {
  workerId: string;
  kind: LapseKind;
  startedAt: Date;
  lastFix: FixSnapshot | null;
}) => Explanation;

interface LapseRow {
  id: string;
  worker_id: string;
  registration_id: string;
  kind: LapseKind;
  started_at: string;
  ended_at: string | null;
  detected_at: string;
  okrug: string | null;
  citizenship: string;
  last_fix_time: string | null;
  last_fix_lat: number | null;
  last_fix_lon: number | null;
  last_fix_accuracy: number | null;
  last_battery: number | null;
  last_charging: boolean | null;
  likely_cause: string;
  explanation_ru: string;
  explanation_en: string;
  policy_version: number | null;
  trigger: string | null;
  cause_facts: Record<string, unknown> | null;
}

export class EffectWriter {
  private lapses: LapseRow[] = [];
  private closes: { id: string; ended_at: string }[] = [];
  private voids: { id: string; reason: string }[] = [];
  private cancelledLapses = new Map<string, { id: string; rule: string | null; at: string | null }>();
  private events: Record<string, unknown>[] = [];
  private registrations = new Map<
    string,
    {
      id: string;
      status: string;
      at: string;
      cancel_lapse_id: string | null;
      activated: boolean;
      restored: boolean;
    }
  >();
  private statuses: Record<string, unknown>[] = [];

  constructor(
    private readonly now: Date,
    private readonly explain: Explain,
    private readonly actor = 'system',
  ) {}

  get size(): number {
    return this.events.length + this.lapses.length + this.closes.length;
  }

  add(meta: WorkerMeta, before: WorkerState, after: WorkerState, effects: Effect[]): void {
    const registrationId = before.registrationId;
    for (const effect of effects) {
      if (effect.type === 'open_lapse' && registrationId) {
        const { lapse, lastFix } = effect;
        const why = this.explain({
          workerId: meta.workerId,
          kind: lapse.kind,
          startedAt: lapse.startedAt,
          lastFix,
        });
        this.lapses.push({
          id: lapse.id,
          worker_id: meta.workerId,
          registration_id: registrationId,
          kind: lapse.kind,
          started_at: lapse.startedAt.toISOString(),
          ended_at: effect.endedAt?.toISOString() ?? null,
          detected_at: this.now.toISOString(),
          okrug: meta.okrug,
          citizenship: meta.citizenship,
          last_fix_time: lastFix?.time.toISOString() ?? null,
          last_fix_lat: lastFix?.lat ?? null,
          last_fix_lon: lastFix?.lon ?? null,
          last_fix_accuracy: lastFix?.accuracy ?? null,
          last_battery: lastFix?.battery ?? null,
          last_charging: lastFix?.charging ?? null,
          likely_cause: why.cause,
          explanation_ru: why.explanationRu,
          explanation_en: why.explanationEn,
          policy_version: effect.policyVersion ?? null,
          trigger: effect.trigger ?? null,
          cause_facts: why.facts ?? null,
        });
      } else if (effect.type === 'close_lapse') {
        this.closes.push({ id: effect.lapseId, ended_at: effect.endedAt.toISOString() });
      } else if (effect.type === 'void_lapse') {
        this.voids.push({ id: effect.lapseId, reason: effect.reason });
      } else if (effect.type === 'lapse_cancelled') {
        const at = effects.find(
          (e) => e.type === 'transition' && e.eventType === 'cancelled' && e.lapseId === effect.lapseId,
        );
        this.cancelledLapses.set(effect.lapseId, {
          id: effect.lapseId,
          rule: effect.rule ?? null,
          at: at?.type === 'transition' ? at.at.toISOString() : null,
        });
      } else if (effect.type === 'transition' && registrationId) {
        this.events.push({
          registration_id: registrationId,
          worker_id: meta.workerId,
          // A restoration is recorded when it happens, after the cancellation it undoes.
          at: (effect.eventType === 'restored' ? this.now : effect.at).toISOString(),
          type: effect.eventType,
          from_status: effect.from,
          to_status: effect.to,
          cause: effect.cause,
          actor: this.actor,
          lapse_id: effect.lapseId,
        });
        const previous = this.registrations.get(registrationId);
        this.registrations.set(registrationId, {
          id: registrationId,
          status: effect.to,
          at: effect.at.toISOString(),
          cancel_lapse_id:
            effect.eventType === 'cancelled' ? effect.lapseId : (previous?.cancel_lapse_id ?? null),
          restored: effect.eventType === 'restored' || (previous?.restored ?? false),
          activated: effect.eventType === 'activated' || (previous?.activated ?? false),
        });
      }
    }
    this.statuses.push(statusRow(meta.workerId, after, this.now));
  }

  async flush(tx: Tx): Promise<void> {
    // Taken before the insert below folds same-batch cancellations into their new lapse rows, so
    // the worker is told about those cancellations too.
    const cancelledIds = [...this.cancelledLapses.keys()];
    if (this.lapses.length) {
      // A lapse opened and cancelling in the same batch (a long silence found at once) is inserted
      // with its cancellation, instead of an insert and then an update of the same new row.
      const voided = new Set(this.voids.map((v) => v.id));
      const rows = this.lapses.map((lapse) => {
        const cancel = this.cancelledLapses.get(lapse.id);
        if (!cancel || voided.has(lapse.id)) return { ...lapse, caused_cancellation: false };
        this.cancelledLapses.delete(lapse.id);
        return { ...lapse, caused_cancellation: true, cancel_rule: cancel.rule, cancelled_at: cancel.at };
      });
      await tx.execute(sql`
        INSERT INTO lapses (id, worker_id, registration_id, kind, started_at, ended_at, detected_at, okrug, citizenship,
          last_fix_time, last_fix_lat, last_fix_lon, last_fix_accuracy, last_battery, last_charging,
          likely_cause, explanation_ru, explanation_en, caused_cancellation, cancel_rule, cancelled_at,
          policy_version, trigger, cause_facts)
        SELECT id, worker_id, registration_id, kind, started_at, ended_at, detected_at, okrug, citizenship,
          last_fix_time, last_fix_lat, last_fix_lon, last_fix_accuracy, last_battery, last_charging,
          likely_cause, explanation_ru, explanation_en, caused_cancellation, cancel_rule, cancelled_at,
          policy_version, trigger, cause_facts
        FROM json_populate_recordset(null::lapses, ${JSON.stringify(rows)}::json)`);
    }
    if (this.closes.length) {
      await tx.execute(sql`
        UPDATE lapses l SET ended_at = v.ended_at
        FROM json_to_recordset(${JSON.stringify(this.closes)}::json) AS v(id uuid, ended_at timestamptz)
        WHERE l.id = v.id AND l.ended_at IS NULL`);
    }
    if (this.voids.length) {
      await tx.execute(sql`
        UPDATE lapses l SET voided_at = ${this.now.toISOString()}::timestamptz, void_reason = v.reason, caused_cancellation = false,
          ended_at = COALESCE(l.ended_at, l.started_at)
        FROM json_to_recordset(${JSON.stringify(this.voids)}::json) AS v(id uuid, reason text)
        WHERE l.id = v.id`);
    }
    if (this.cancelledLapses.size) {
      await tx.execute(sql`
        UPDATE lapses l SET caused_cancellation = true, cancel_rule = v.rule, cancelled_at = v.at
        FROM json_to_recordset(${JSON.stringify([...this.cancelledLapses.values()])}::json)
          AS v(id uuid, rule text, at timestamptz)
        WHERE l.id = v.id`);
    }
    if (this.events.length) {
      await tx.execute(sql`
        INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor, lapse_id)
        SELECT registration_id, worker_id, at, type, from_status, to_status, cause, actor, lapse_id
        FROM json_populate_recordset(null::registration_events, ${JSON.stringify(this.events)}::json)`);
    }
    if (this.registrations.size) {
      await tx.execute(sql`
        UPDATE registrations r SET status = v.status,
          activated_at = CASE WHEN v.activated AND r.activated_at IS NULL THEN v.at ELSE r.activated_at END,
          closed_at = CASE WHEN v.status IN ('cancelled', 'ended') THEN v.at ELSE NULL END,
          cancel_lapse_id = CASE WHEN v.restored AND v.status <> 'cancelled' THEN NULL
            ELSE COALESCE(v.cancel_lapse_id, r.cancel_lapse_id) END
        FROM json_to_recordset(${JSON.stringify([...this.registrations.values()])}::json)
          AS v(id uuid, status text, at timestamptz, cancel_lapse_id uuid, activated boolean, restored boolean)
        WHERE r.id = v.id`);
    }
    if (this.statuses.length) {
      await tx.execute(sql`
        UPDATE worker_status w SET status = v.status, status_since = v.status_since,
          last_fix_time = v.last_fix_time, last_lat = v.last_lat, last_lon = v.last_lon,
          last_accuracy = v.last_accuracy, last_battery = v.last_battery, last_charging = v.last_charging,
          open_lapse_id = v.open_lapse_id, open_lapse_kind = v.open_lapse_kind,
          open_lapse_started_at = v.open_lapse_started_at, lapse_deadline = v.lapse_deadline,
          open_lapse_silence = v.open_lapse_silence, updated_at = v.updated_at
        FROM json_populate_recordset(null::worker_status, ${JSON.stringify(this.statuses)}::json) AS v
        WHERE w.worker_id = v.worker_id`);
    }
    // Messages to the worker, last (after audit_log in the lock order): one INSERT ... SELECT.
    await queueEffectNotices(tx, this.now, this.lapses, cancelledIds, this.events);
  }
}

function statusRow(workerId: string, s: WorkerState, now: Date): Record<string, unknown> {
  return {
    worker_id: workerId,
    status: s.status,
    status_since: s.statusSince.toISOString(),
    last_fix_time: s.lastFix?.time.toISOString() ?? null,
    last_lat: s.lastFix?.lat ?? null,
    last_lon: s.lastFix?.lon ?? null,
    last_accuracy: s.lastFix?.accuracy ?? null,
    last_battery: s.lastFix?.battery ?? null,
    last_charging: s.lastFix?.charging ?? null,
    open_lapse_id: s.openLapse?.id ?? null,
    open_lapse_kind: s.openLapse?.kind ?? null,
    open_lapse_started_at: s.openLapse?.startedAt.toISOString() ?? null,
    lapse_deadline: s.openLapse?.deadline?.toISOString() ?? null,
    open_lapse_silence: s.openLapse?.silence ?? false,
    updated_at: now.toISOString(),
  };
}
