import 'server-only';
// Writes to the outbox of messages to the worker (worker_notifications, migration 0018). Every write
// runs inside the transaction of the event it reports, after that event's own rows (lock order:
// lib/server/lock-order.ts, the outbox comes last, insert only). Only a kind code and facts are
// stored; words are rendered when read (lib/domain/notify). dedupe_key makes each message once-only.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { NotifyKind } from '@/lib/domain/notify/types';
import type { Policy, ReviewDecision } from '@/lib/domain/types';

type Tx = Pick<Db, 'execute'>;

const idsJson = (ids: readonly string[]) => JSON.stringify(ids);
const inIds = (ids: readonly string[]) =>
  sql`(SELECT value::uuid FROM json_array_elements_text(${idsJson(ids)}::json))`;

/**
 * The messages the lifecycle's effects call for, in one INSERT ... SELECT for the whole batch:
 * a lapse opened (unless it already ended or cancelled: the cancellation message says it all), a
 * cancellation (with the rule and the numbers of the policy version in force), and a cancellation
 * undone by late data. Call after the batch's lapses, registrations and worker_status are written.
 */
export async function queueEffectNotices(
  tx: Tx,
  now: Date,
  opened: readonly { id: string }[],
  cancelled: readonly string[],
  events: readonly Record<string, unknown>[],
): Promise<void> {
  const openedIds = opened.map((l) => l.id);
  const restoredIds = events.flatMap((e) =>
    e.type === 'restored' && typeof e.lapse_id === 'string' ? [e.lapse_id] : [],
  );
  if (!openedIds.length && !cancelled.length && !restoredIds.length) return;
  const at = now.toISOString();
  await tx.execute(sql`
    INSERT INTO worker_notifications (worker_id, registration_id, lapse_id, kind, facts, dedupe_key, created_at)
    SELECT l.worker_id, l.registration_id, l.id, 'lapse_opened',
      jsonb_build_object('lapseKind', l.kind, 'startedAt', l.started_at, 'deadline', ws.lapse_deadline,
        'policyVersion', l.policy_version),
      'lapse_opened:' || l.id, ${at}::timestamptz
    FROM lapses l LEFT JOIN worker_status ws ON ws.worker_id = l.worker_id AND ws.open_lapse_id = l.id
    WHERE l.id IN ${inIds(openedIds)} AND l.ended_at IS NULL AND NOT l.caused_cancellation
    UNION ALL
    SELECT l.worker_id, l.registration_id, l.id, 'cancelled',
      jsonb_build_object('lapseKind', l.kind, 'startedAt', l.started_at, 'rule', l.cancel_rule, 'trigger', l.trigger,
        'policyVersion', l.policy_version, 'lapseAfterSeconds', p.lapse_after_seconds,
        'graceSeconds', p.grace_seconds, 'workingDays', p.cancel_after_working_days),
      'cancelled:' || l.id, ${at}::timestamptz
    FROM lapses l LEFT JOIN policy_versions p ON p.id = l.policy_version
    WHERE l.id IN ${inIds(cancelled)}
    UNION ALL
    SELECT l.worker_id, l.registration_id, l.id, 'reinstated', jsonb_build_object('by', 'late_data'),
      'restored:' || l.id, ${at}::timestamptz
    FROM lapses l WHERE l.id IN ${inIds(restoredIds)}
    ON CONFLICT (dedupe_key) DO NOTHING`);
}

// Reminders per sweep run at most; the rest are caught next tick.
const REMINDER_BATCH = 5_000;

/**
 * The sweep's reminder step (policy with reminderAfterSeconds, e.g. the 121-FZ preset): one message
 * per silence to every live registration without data for that long. Set-based, one statement; the
 * key (registration + last fix) sends it once per silence, again only after data came back and
 * stopped again. Returns how many were queued.
 */
export async function queueReminders(db: Tx, now: Date, policy: Policy): Promise<number> {
  if (!policy.reminderAfterSeconds) return 0;
  const cutoff = new Date(now.getTime() - policy.reminderAfterSeconds * 1000).toISOString();
  const key = sql`'reminder:' || ws.registration_id || ':' || floor(extract(epoch FROM COALESCE(ws.last_fix_time, ws.status_since)))::bigint`;
  const result = await db.execute(sql`
    INSERT INTO worker_notifications (worker_id, registration_id, lapse_id, kind, facts, dedupe_key, created_at)
    SELECT ws.worker_id, ws.registration_id, ws.open_lapse_id, 'reminder',
      jsonb_build_object('lastFixAt', COALESCE(ws.last_fix_time, ws.status_since), 'deadline', ws.lapse_deadline,
        'lapseKind', ws.open_lapse_kind, 'policyVersion', ${policy.version}::int),
      ${key}, ${now.toISOString()}::timestamptz
    FROM worker_status ws
    WHERE ws.status IN ('active', 'interrupted') AND ws.registration_id IS NOT NULL
      AND COALESCE(ws.last_fix_time, ws.status_since) <= ${cutoff}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM worker_notifications n WHERE n.dedupe_key = ${key})
    LIMIT ${REMINDER_BATCH}
    ON CONFLICT (dedupe_key) DO NOTHING`);
  return affected(result);
}

export interface SingleNotice {
  workerId: string;
  registrationId?: string | null;
  lapseId?: string | null;
  kind: NotifyKind;
  facts: Record<string, unknown>;
  dedupeKey?: string | null;
  at?: Date;
}

/** One message, for events that happen one at a time (reinstatement, an address change). */
export async function queueNotice(tx: Tx, n: SingleNotice): Promise<void> {
  await tx.execute(sql`
    INSERT INTO worker_notifications (worker_id, registration_id, lapse_id, kind, facts, dedupe_key, created_at)
    VALUES (${n.workerId}::uuid, ${n.registrationId ?? null}::uuid, ${n.lapseId ?? null}::uuid, ${n.kind},
      ${JSON.stringify(n.facts)}::jsonb, ${n.dedupeKey ?? null}, ${(n.at ?? new Date()).toISOString()}::timestamptz)
    ON CONFLICT (dedupe_key) DO NOTHING`);
}

/** A review decision, told to the worker with the lapse it was about (once per decision). */
export async function queueReviewOutcome(tx: Tx, lapseId: string, decision: ReviewDecision): Promise<void> {
  await tx.execute(sql`
    INSERT INTO worker_notifications (worker_id, registration_id, lapse_id, kind, facts, dedupe_key, created_at)
    SELECT l.worker_id, l.registration_id, l.id, 'review_outcome',
      jsonb_build_object('decision', ${decision}::text, 'lapseKind', l.kind, 'startedAt', l.started_at,
        'caused', l.caused_cancellation),
      'review:' || l.id || ':' || ${decision}::text, now()
    FROM lapses l WHERE l.id = ${lapseId}::uuid
    ON CONFLICT (dedupe_key) DO NOTHING`);
}

function affected(result: unknown): number {
  if (typeof result !== 'object' || result === null) return 0;
  if ('affectedRows' in result && typeof result.affectedRows === 'number') return result.affectedRows;
  if ('rowCount' in result && typeof result.rowCount === 'number') return result.rowCount;
  return 0;
}
