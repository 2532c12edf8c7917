import 'server-only';
// Small steps of a positions upload that run inside its transaction (ingest-positions.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import type { Effect, WorkerState } from '@/lib/domain/lifecycle';
import { BACKLOG_HOLD_SECONDS } from '@/lib/api/device-schemas';
import type { LateVoid } from './late-data-guard';

/** The voids the lifecycle decided for fresh fixes, with the registration each one restored. */
export function listFreshVoids(effects: Effect[], before: WorkerState): LateVoid[] {
  return effects.flatMap((e) =>
    e.type === 'void_lapse'
      ? [
          {
            lapseId: e.lapseId,
            reason: e.reason,
            restoredRegistrationId: effects.some(
              (t) => t.type === 'transition' && t.eventType === 'restored' && t.lapseId === e.lapseId,
            )
              ? before.registrationId
              : null,
          },
        ]
      : [],
  );
}

// A phone that says more fixes follow (and sent new ones now) is not judged by the sweep until
// the hold runs out; the batch that reports no backlog ends the hold at once.
export async function holdForBacklog(
  tx: Db,
  workerId: string,
  backlog: number | null | undefined,
  stored: number,
  now: Date,
): Promise<void> {
  if (backlog && backlog > 0 && stored > 0) {
    const until = new Date(now.getTime() + BACKLOG_HOLD_SECONDS * 1000).toISOString();
    await tx.execute(
      sql`UPDATE worker_status SET backlog_until = ${until}::timestamptz WHERE worker_id = ${workerId}`,
    );
  } else if (backlog !== undefined) {
    await tx.execute(sql`UPDATE worker_status SET backlog_until = NULL
        WHERE worker_id = ${workerId} AND backlog_until IS NOT NULL`);
  }
}
