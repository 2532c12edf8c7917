// Recording a review decision on a lapse. One review per lapse; a supervisor may revise it (the
// audit log keeps the earlier decision), except to `violation` once a registration was reinstated
// on the strength of it. Lock, check, update and audit happen in one transaction. It locks only the
// lapse row, a suffix of the lock order in lib/server/lock-order.ts, so it cannot deadlock with ingest.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { LapseItem, ReviewBody } from '@/lib/api/lapses';
import type { OfficerContext } from '../officer-context';
import { recordAudit } from '../audit';
import { queueReviewOutcome } from '../notify/outbox';
import { HttpError } from '../problem';
import { inScope } from '../scope';
import { lapseColumns, type LapseRow, toLapseItem } from './lapse-rows';
import { toIsoOrNull } from './values';

interface LockedLapse {
  id: string;
  worker_id: string;
  voided_at: unknown;
  late_data_voided_at: unknown;
  review_decision: string | null;
  reviewed_by: string | null;
  reviewed_at: unknown;
  reinstated: boolean;
}

export async function reviewLapse(
  db: Db,
  officer: OfficerContext,
  id: string,
  body: ReviewBody,
): Promise<LapseItem> {
  return db.transaction(async (tx) => {
    const [lapse] = await queryRows<LockedLapse>(
      tx,
      sql`SELECT l.id, l.worker_id, l.voided_at, l.late_data_voided_at, l.review_decision, l.reviewed_by, l.reviewed_at,
            EXISTS (SELECT 1 FROM registration_events e WHERE e.lapse_id = l.id AND e.type = 'reinstated') AS reinstated
          FROM lapses l WHERE l.id = ${id}::uuid AND ${inScope(officer, sql`l.okrug`)} FOR UPDATE OF l`,
    );
    if (!lapse) throw new HttpError(404, 'No lapse with this id in your okrugs.');
    // A lapse voided by the phone's own late upload stays open to review: that is the check on it.
    if (lapse.voided_at && !lapse.late_data_voided_at) {
      throw new HttpError(
        409,
        'This lapse was voided (later fixes showed tracking continued), so there is nothing to review.',
      );
    }
    if (lapse.review_decision) {
      if (officer.role !== 'supervisor') {
        throw new HttpError(
          409,
          `This lapse was already reviewed as "${lapse.review_decision}" by ${lapse.reviewed_by ?? 'another officer'}. Only a supervisor can revise a review.`,
        );
      }
      if (lapse.reinstated && body.decision === 'violation') {
        throw new HttpError(
          409,
          'A registration was already reinstated on the strength of this review, so it cannot be changed to a violation.',
        );
      }
    }
    await tx.execute(
      sql`UPDATE lapses SET review_decision = ${body.decision}, review_note = ${body.note},
            reviewed_by = ${officer.username}, reviewed_at = now()
          WHERE id = ${id}::uuid`,
    );
    await recordAudit(tx, {
      officer,
      action: 'lapse.review',
      workerId: lapse.worker_id,
      targetType: 'lapse',
      targetId: id,
      reason: body.note,
      detail: {
        decision: body.decision,
        previous: lapse.review_decision
          ? { decision: lapse.review_decision, by: lapse.reviewed_by, at: toIsoOrNull(lapse.reviewed_at) }
          : null,
      },
    });
    await queueReviewOutcome(tx, id, body.decision);
    const [row] = await queryRows<LapseRow>(
      tx,
      sql`SELECT ${lapseColumns(new Date())} FROM lapses l JOIN workers w ON w.id = l.worker_id WHERE l.id = ${id}::uuid`,
    );
    if (!row) throw new HttpError(404, 'No lapse with this id in your okrugs.');
    return toLapseItem(row);
  });
}
