import 'server-only';
// Hands new messages to the push channels (webhook, SMS, push) and records each channel's outcome in
// notification_deliveries; the message row shows delivered (first success) or failed (last failure).
// A failed delivery is tried again on the next run, up to MAX_ATTEMPTS.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { NotificationChannel, OutgoingNotice } from './channels';
import { type NoticeRow, NOTICE_COLUMNS, iso, readKind, readLang, renderTexts } from './notice-rows';

const BATCH = 100;
const MAX_ATTEMPTS = 3;

export interface DispatchResult {
  sent: number;
  failed: number;
}

export async function dispatchNotifications(
  db: Db,
  channels: readonly NotificationChannel[],
  now = new Date(),
): Promise<DispatchResult> {
  const out: DispatchResult = { sent: 0, failed: 0 };
  for (const channel of channels) {
    if (!channel.send) continue;
    const rows = await queryRows<NoticeRow & { worker_id: string }>(
      db,
      sql`SELECT ${NOTICE_COLUMNS}, n.worker_id FROM worker_notifications n JOIN workers w ON w.id = n.worker_id
          LEFT JOIN notification_deliveries d ON d.notification_id = n.id AND d.channel = ${channel.name}
          WHERE n.acknowledged_at IS NULL AND (d.notification_id IS NULL OR (d.status = 'failed' AND d.attempts < ${MAX_ATTEMPTS}))
          ORDER BY n.seq LIMIT ${BATCH}`,
    );
    if (!rows.length) continue;
    const batch: OutgoingNotice[] = rows.map((r) => {
      const language = readLang(r);
      return {
        id: r.id,
        workerId: r.worker_id,
        kind: readKind(r.kind),
        createdAt: iso(r.created_at) ?? now.toISOString(),
        language,
        texts: renderTexts(r, ['ru', language]),
      };
    });
    const outcomes = await channel.send(batch);
    const at = now.toISOString();
    const json = JSON.stringify(outcomes.map((o) => ({ id: o.id, ok: o.ok, error: o.error ?? null })));
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO notification_deliveries (notification_id, channel, status, attempts, last_error, updated_at)
        SELECT v.id, ${channel.name}, CASE WHEN v.ok THEN 'delivered' ELSE 'failed' END, 1, v.error, ${at}::timestamptz
        FROM json_to_recordset(${json}::json) AS v(id uuid, ok boolean, error text)
        ON CONFLICT (notification_id, channel) DO UPDATE SET status = excluded.status,
          attempts = notification_deliveries.attempts + 1, last_error = excluded.last_error, updated_at = excluded.updated_at`);
      await tx.execute(sql`
        UPDATE worker_notifications n SET
          delivered_at = CASE WHEN v.ok THEN COALESCE(n.delivered_at, ${at}::timestamptz) ELSE n.delivered_at END,
          failed_at = CASE WHEN v.ok THEN n.failed_at ELSE ${at}::timestamptz END,
          failure = CASE WHEN v.ok THEN n.failure ELSE ${channel.name} || ': ' || v.error END
        FROM json_to_recordset(${json}::json) AS v(id uuid, ok boolean, error text)
        WHERE n.id = v.id`);
    });
    for (const o of outcomes) {
      if (o.ok) out.sent++;
      else out.failed++;
    }
  }
  return out;
}
