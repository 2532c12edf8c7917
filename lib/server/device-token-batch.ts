import 'server-only';
// Token look-ups for the ingest server: the tokens of every request that arrives while a look-up
// is running are resolved together in one statement, which also marks last_seen_at (at most once
// a minute per device, judged by the database). A found token is remembered (cache.ts below), so
// a phone's next requests skip the look-up; that is safe because the positions transaction checks
// the device again (ingest-group-lock.ts) and refuses a revoked one, which the caller then forgets.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { type DeviceFinder, hashDeviceToken, isTokenShaped } from './device-auth';
import type { DeviceContext } from './engine-api';

interface Pending {
  resolve: (device: DeviceContext | null) => void;
  reject: (error: unknown) => void;
}

export function createBatchedDeviceFinder(maxInFlight = 2): DeviceFinder {
  let queue = new Map<string, Pending[]>();
  let inFlight = 0;
  let scheduled = false;

  async function lookUp(db: Db, batch: Map<string, Pending[]>): Promise<void> {
    try {
      const rows = await queryRows<{ id: string; worker_id: string; token_hash: string }>(
        db,
        sql`WITH found AS (
              SELECT id, worker_id, token_hash, last_seen_at FROM devices
              WHERE token_hash IN (SELECT value FROM json_array_elements_text(${JSON.stringify([...batch.keys()])}::json))
                AND revoked_at IS NULL),
            touched AS (
              UPDATE devices d SET last_seen_at = now() FROM found f
              WHERE d.id = f.id AND (f.last_seen_at IS NULL OR f.last_seen_at < now() - interval '60 seconds')
              RETURNING d.id)
            SELECT id, worker_id, token_hash FROM found`,
      );
      const byHash = new Map(rows.map((r) => [r.token_hash, { deviceId: r.id, workerId: r.worker_id }]));
      for (const [hash, waiting] of batch) for (const w of waiting) w.resolve(byHash.get(hash) ?? null);
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }

  function drain(db: Db): void {
    scheduled = false;
    if (!queue.size || inFlight >= maxInFlight) return;
    const batch = queue;
    queue = new Map();
    inFlight++;
    void lookUp(db, batch).finally(() => {
      inFlight--;
      if (queue.size && !scheduled) drain(db);
    });
  }

  return (db, token) => {
    if (!isTokenShaped(token)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const hash = hashDeviceToken(token);
      queue.set(hash, [...(queue.get(hash) ?? []), { resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        // Requests parsed in the same turn of the event loop share a look-up.
        setImmediate(() => drain(db));
      }
    });
  };
}
