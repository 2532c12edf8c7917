import 'server-only';
// The first statements of a positions transaction, sent together: lock the status rows of the
// uploading workers whose device is still enrolled (not revoked, still theirs), and store the
// fixes of those same devices. postgres.js pipelines the two on the transaction's connection, so
// the group pays one round trip for both. Checking the device here, inside the transaction that
// stores the fixes, is what lets the ingest server cache tokens: a revoked phone is refused by
// this statement even when its token was found in memory.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { DeviceContext } from './engine-api';
import { STATUS_COLUMNS, type StatusRow } from './worker-state';

export interface GroupLock {
  /** In the order of the devices; null when the device is revoked or the worker has no status row. */
  rows: (StatusRow | null)[];
  /** The fix times actually stored (new, not duplicates), by device. */
  stored: Map<string, Set<number>>;
}

/** Step 1 of the lock order (worker_status) plus the positions insert, in one round trip. */
export async function lockAndInsert(
  tx: Db,
  devices: DeviceContext[],
  positionRows: Record<string, unknown>[],
): Promise<GroupLock> {
  const pairs = JSON.stringify(devices.map((d) => ({ device_id: d.deviceId, worker_id: d.workerId })));
  const lock = queryRows<StatusRow>(
    tx,
    sql`SELECT ${STATUS_COLUMNS} FROM worker_status
        WHERE worker_id IN (
          SELECT v.worker_id FROM json_to_recordset(${pairs}::json) AS v(device_id uuid, worker_id uuid)
          JOIN devices d ON d.id = v.device_id AND d.worker_id = v.worker_id AND d.revoked_at IS NULL)
        ORDER BY worker_id FOR UPDATE`,
  );
  // The same device test as the lock, row by row, so no fix of a refused device is stored.
  const insert = positionRows.length
    ? queryRows<{ device_id: string; fix_time: string | Date }>(
        tx,
        sql`INSERT INTO positions
            SELECT r.* FROM json_populate_recordset(null::positions, ${JSON.stringify(positionRows)}::json) AS r
            WHERE EXISTS (SELECT 1 FROM devices d
                          WHERE d.id = r.device_id AND d.worker_id = r.worker_id AND d.revoked_at IS NULL)
              AND EXISTS (SELECT 1 FROM worker_status s WHERE s.worker_id = r.worker_id)
            ON CONFLICT (device_id, fix_time) DO NOTHING RETURNING device_id, fix_time`,
      )
    : Promise.resolve([]);
  const [locked, inserted] = await Promise.all([lock, insert]);
  const byWorker = new Map(locked.map((r) => [r.worker_id, r]));
  const stored = new Map<string, Set<number>>();
  for (const r of inserted) {
    const times = stored.get(r.device_id) ?? new Set<number>();
    times.add(new Date(r.fix_time).getTime());
    stored.set(r.device_id, times);
  }
  return { rows: devices.map((d) => byWorker.get(d.workerId) ?? null), stored };
}

/** Why the lock left a device out: revoked (and whether replaced), or its worker has no status. */
export async function findRefusals(
  tx: Db,
  deviceIds: string[],
): Promise<Map<string, { revoked: boolean; replaced: boolean }>> {
  if (!deviceIds.length) return new Map();
  const rows = await queryRows<{ id: string; revoked: boolean; replaced: boolean }>(
    tx,
    sql`SELECT id, revoked_at IS NOT NULL AS revoked, replaced_by IS NOT NULL AS replaced FROM devices
        WHERE id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(deviceIds)}::json))`,
  );
  return new Map(rows.map((r) => [r.id, { revoked: r.revoked, replaced: r.replaced }]));
}
