import 'server-only';
// The phone's side of the outbox (the built-in 'device' channel): it fetches the messages it has not
// acknowledged, newest first (fetching marks them delivered), and acknowledges what it showed.
// Every statement is limited to the calling worker, so another worker's ids change nothing.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { AckResult, DeviceNotificationsPage, WorkerNotification } from '@/lib/api/notifications';
import {
  type NoticeRow,
  NOTICE_COLUMNS,
  deliveryState,
  iso,
  readFacts,
  readKind,
  readLang,
  renderTexts,
} from './notice-rows';

export async function listDeviceNotifications(
  db: Db,
  workerId: string,
  params: { cursor?: string; limit: number },
  now = new Date(),
): Promise<DeviceNotificationsPage> {
  return db.transaction(async (tx) => {
    const before = params.cursor ? sql`AND n.seq < ${params.cursor}::bigint` : sql``;
    const rows = await queryRows<NoticeRow>(
      tx,
      sql`SELECT ${NOTICE_COLUMNS} FROM worker_notifications n JOIN workers w ON w.id = n.worker_id
          WHERE n.worker_id = ${workerId}::uuid AND n.acknowledged_at IS NULL ${before}
          ORDER BY n.seq DESC LIMIT ${params.limit + 1}`,
    );
    const page = rows.slice(0, params.limit);
    const fresh = page.filter((r) => !r.delivered_at).map((r) => r.id);
    const at = now.toISOString();
    if (fresh.length) {
      await tx.execute(sql`UPDATE worker_notifications SET delivered_at = ${at}::timestamptz
        WHERE worker_id = ${workerId}::uuid AND delivered_at IS NULL
          AND id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(fresh)}::json))`);
    }
    return {
      items: page.map((r) => {
        const language = readLang(r);
        return {
          id: r.id,
          kind: readKind(r.kind),
          createdAt: iso(r.created_at) ?? at,
          deliveredAt: iso(r.delivered_at) ?? at,
          registrationId: r.registration_id,
          lapseId: r.lapse_id,
          language,
          texts: renderTexts(r, ['ru', language]),
          facts: { ...readFacts(r.facts) },
        };
      }),
      nextCursor: rows.length > params.limit ? String(page.at(-1)?.seq ?? '') : null,
    };
  });
}

/** Idempotent: acknowledging twice changes nothing the second time; other workers' ids are untouched. */
export async function acknowledgeNotifications(
  db: Db,
  workerId: string,
  ids: readonly string[],
  now = new Date(),
): Promise<AckResult> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const list = sql`(SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(wanted)}::json))`;
  return db.transaction(async (tx) => {
    const done = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE worker_notifications SET acknowledged_at = ${now.toISOString()}::timestamptz,
            delivered_at = COALESCE(delivered_at, ${now.toISOString()}::timestamptz)
          WHERE worker_id = ${workerId}::uuid AND acknowledged_at IS NULL AND id IN ${list}
          RETURNING id`,
    );
    const mine = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM worker_notifications WHERE worker_id = ${workerId}::uuid AND id IN ${list}`,
    );
    const acknowledged = new Set(done.map((r) => r.id));
    const known = new Set(mine.map((r) => r.id));
    return {
      acknowledged: wanted.filter((id) => acknowledged.has(id)),
      alreadyAcknowledged: wanted.filter((id) => known.has(id) && !acknowledged.has(id)),
      unknown: wanted.filter((id) => !known.has(id)),
    };
  });
}

/** The worker file's list (the caller audits the read together with the rest of the file). */
export async function listWorkerNotifications(
  db: Pick<Db, 'execute'>,
  workerId: string,
  limit = 100,
): Promise<WorkerNotification[]> {
  const rows = await queryRows<NoticeRow>(
    db,
    sql`SELECT ${NOTICE_COLUMNS} FROM worker_notifications n JOIN workers w ON w.id = n.worker_id
        WHERE n.worker_id = ${workerId}::uuid ORDER BY n.seq DESC LIMIT ${limit}`,
  );
  return rows.map((r) => {
    const language = readLang(r);
    return {
      id: r.id,
      kind: readKind(r.kind),
      state: deliveryState(r),
      createdAt: iso(r.created_at) ?? '',
      deliveredAt: iso(r.delivered_at),
      acknowledgedAt: iso(r.acknowledged_at),
      failedAt: iso(r.failed_at),
      failure: r.failure,
      language,
      texts: renderTexts(r, ['ru', 'en', language]),
    };
  });
}
