// THE LOCK ORDER. Every transaction that changes a worker's registration state takes its row locks
// in this order, and never the other way round, so two writers can wait on each other but never
// deadlock:
//
//   1. worker_status   (one row per worker; FOR UPDATE, or FOR UPDATE SKIP LOCKED in the sweep)
//   2. lapses          (the worker's lapse rows)
//   3. registrations   (and registration_events, which are only inserted)
//   4. audit_log       (insert only, no row locks)
//   5. worker_notifications (the outbox of messages to the worker, lib/server/notify/outbox.ts:
//                       insert only, written last in the transaction of the event it reports; the
//                       phone's acknowledgement updates only its own rows and locks nothing else)
//
// Ingest (ingest.ts, late-data.ts), declaring an address (registration-service.ts) and the sweep
// (sweep.ts, through effect-writer.ts) lock worker_status first and then write lapses and
// registrations. Reinstatement (queries/reinstate.ts) looks its registration up without a lock,
// locks the worker_status row, then the lapse, then the registration. A review (queries/review.ts)
// only locks its lapse, which is a suffix of the order and so safe.
//
// The sweep commits per batch (sweep.ts), so no writer waits behind a transaction of more than a
// few thousand rows.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';

/** Step 1 of the lock order: the worker's status row. False when the worker has none. */
export async function lockWorkerRow(tx: Pick<Db, 'execute'>, workerId: string): Promise<boolean> {
  const rows = await queryRows<{ worker_id: string }>(
    tx,
    sql`SELECT worker_id FROM worker_status WHERE worker_id = ${workerId}::uuid FOR UPDATE`,
  );
  return rows.length > 0;
}
