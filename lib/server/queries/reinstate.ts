// Reinstating a registration that a lapse cancelled, once that lapse was reviewed as technical or
// excused. Everything (registration, event, worker_status, audit) changes in one transaction, taking
// its locks in the order of lib/server/lock-order.ts.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { reviewDecisionSchema } from '@/lib/api/enums';
import type { ReinstateBody, ReinstateResult } from '@/lib/api/registrations';
import type { OfficerContext } from '../officer-context';
import { recordAudit } from '../audit';
import { lockWorkerRow } from '../lock-order';
import { queueNotice } from '../notify/outbox';
import { HttpError } from '../problem';
import { inScope } from '../scope';

interface LockedRegistration {
  id: string;
  worker_id: string;
  status: string;
  okrug: string | null;
  lat: number;
  lon: number;
  cancel_lapse_id: string | null;
  review_decision: string | null;
  voided_at: unknown;
}

/** Why the registration may not be reinstated, or null when it may. Pure, for table tests. */
export function explainReinstateRefusal(
  reg: Pick<LockedRegistration, 'status' | 'cancel_lapse_id' | 'review_decision' | 'voided_at'>,
  otherLive: { id: string; status: string } | null,
): string | null {
  if (reg.status !== 'cancelled')
    return `Only a cancelled registration can be reinstated; this one is ${reg.status}.`;
  if (!reg.cancel_lapse_id)
    return 'This registration was not cancelled by a lapse, so there is no review to reinstate it on.';
  if (reg.voided_at)
    return 'The lapse that cancelled this registration was voided; the registration should already be restored.';
  if (!reg.review_decision)
    return 'Review the lapse that cancelled this registration first (technical or excused).';
  if (reg.review_decision === 'violation') {
    return 'The lapse that cancelled this registration was reviewed as a violation; only technical or excused lapses allow reinstatement.';
  }
  if (otherLive) {
    return `The worker has registered again (registration ${otherLive.id} is ${otherLive.status}); that registration stands and this one cannot be reinstated.`;
  }
  return null;
}

export async function reinstateRegistration(
  db: Db,
  officer: OfficerContext,
  id: string,
  body: ReinstateBody,
): Promise<ReinstateResult> {
  try {
    return await db.transaction(async (tx) => {
      // Lock order (lib/server/lock-order.ts): worker_status, then the lapse, then the registration.
      // The first read only finds the worker; nothing is decided on it.
      const [peek] = await queryRows<{ worker_id: string }>(
        tx,
        sql`SELECT r.worker_id FROM registrations r WHERE r.id = ${id}::uuid AND ${inScope(officer, sql`r.okrug`)}`,
      );
      if (!peek) throw new HttpError(404, 'No registration with this id in your okrugs.');
      // Also serialises with the device API declaring a new registration for the same worker.
      await lockWorkerRow(tx, peek.worker_id);
      await tx.execute(
        sql`SELECT 1 FROM lapses WHERE id = (SELECT cancel_lapse_id FROM registrations WHERE id = ${id}::uuid) FOR UPDATE`,
      );
      const [reg] = await queryRows<LockedRegistration>(
        tx,
        sql`SELECT r.id, r.worker_id, r.status, r.okrug, r.lat, r.lon, r.cancel_lapse_id, l.review_decision, l.voided_at
            FROM registrations r LEFT JOIN lapses l ON l.id = r.cancel_lapse_id
            WHERE r.id = ${id}::uuid AND ${inScope(officer, sql`r.okrug`)} FOR UPDATE OF r`,
      );
      if (!reg) throw new HttpError(404, 'No registration with this id in your okrugs.');
      const [otherLive] = await queryRows<{ id: string; status: string }>(
        tx,
        sql`SELECT id, status FROM registrations WHERE worker_id = ${reg.worker_id}::uuid AND id <> ${id}::uuid
              AND status IN ('pending', 'active', 'interrupted') LIMIT 1`,
      );
      const refusal = explainReinstateRefusal(reg, otherLive ?? null);
      if (refusal) throw new HttpError(409, refusal);
      const decision = reviewDecisionSchema.parse(reg.review_decision);
      const lapseId = reg.cancel_lapse_id ?? '';
      const now = new Date().toISOString();
      await tx.execute(
        sql`UPDATE registrations SET status = 'active', closed_at = NULL WHERE id = ${id}::uuid`,
      );
      await tx.execute(
        sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor, lapse_id)
            VALUES (${id}::uuid, ${reg.worker_id}::uuid, ${now}::timestamptz, 'reinstated', 'cancelled', 'active',
              ${`reinstated after review: ${decision}`}, ${officer.officerId}, ${lapseId}::uuid)`,
      );
      // The registration no longer waits on that lapse; a lapse still open ends administratively here.
      await tx.execute(
        sql`UPDATE lapses SET ended_at = ${now}::timestamptz WHERE id = ${lapseId}::uuid AND ended_at IS NULL`,
      );
      // last_fix_time = now gives the worker a full lapse-after window before the sweep looks again.
      await tx.execute(
        sql`UPDATE worker_status SET registration_id = ${id}::uuid, status = 'active', status_since = ${now}::timestamptz,
              open_lapse_id = NULL, open_lapse_kind = NULL, lapse_deadline = NULL, last_fix_time = ${now}::timestamptz,
              okrug = ${reg.okrug}, declared_lat = ${reg.lat}, declared_lon = ${reg.lon}, updated_at = ${now}::timestamptz
            WHERE worker_id = ${reg.worker_id}::uuid`,
      );
      await recordAudit(tx, {
        officer,
        action: 'registration.reinstate',
        workerId: reg.worker_id,
        targetType: 'registration',
        targetId: id,
        reason: body.note,
        detail: { lapseId, reviewDecision: decision, from: 'cancelled', to: 'active' },
      });
      await queueNotice(tx, {
        workerId: reg.worker_id,
        registrationId: id,
        lapseId,
        kind: 'reinstated',
        facts: { by: 'review', decision },
        dedupeKey: `reinstated:${id}:${now}`,
      });
      return {
        registrationId: id,
        workerId: reg.worker_id,
        status: 'active',
        reinstatedAt: now,
        lapseId,
        reviewDecision: decision,
      };
    });
  } catch (error) {
    // The one-live-registration index catches a declaration that slipped in concurrently.
    if (isUniqueViolation(error)) {
      throw new HttpError(409, 'The worker has registered again in the meantime; that registration stands.');
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : null;
  }
  return false;
}
