import 'server-only';
// The ingest server's memory of tokens it has already found: token hash -> device. A hit skips
// the look-up statement; it never skips the check of the device inside the positions transaction
// (ingest-group-lock.ts), so a revoked phone is refused on its next request and then forgotten
// here. last_seen_at is still marked at most once a minute per device, in one statement for all
// the devices due, outside any upload's transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { type DeviceFinder, hashDeviceToken, isTokenShaped } from './device-auth';
import type { DeviceContext } from './engine-api';

const SEEN_EVERY_MS = 60_000;

interface Entry {
  device: DeviceContext;
  hash: string;
  seenAt: number;
}

export interface CachedDeviceFinder {
  find: DeviceFinder;
  /** Drops a device the database refused, so its next request is looked up afresh. */
  forget: (deviceId: string) => void;
  readonly size: number;
}

export function createCachedDeviceFinder(lookUp: DeviceFinder, maxEntries = 1_000_000): CachedDeviceFinder {
  const byHash = new Map<string, Entry>();
  const byDevice = new Map<string, Entry>();
  let due = new Set<string>();
  let flushing = false;

  function markSeen(db: Db, entry: Entry, now: number): void {
    if (now - entry.seenAt < SEEN_EVERY_MS) return;
    entry.seenAt = now;
    due.add(entry.device.deviceId);
    if (flushing) return;
    flushing = true;
    setTimeout(() => {
      const ids = [...due];
      due = new Set();
      void db
        .execute(
          sql`UPDATE devices SET last_seen_at = now()
              WHERE id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(ids)}::json))
                AND revoked_at IS NULL`,
        )
        .catch(() => console.error('[ingest] could not mark devices as seen'))
        .finally(() => {
          flushing = false;
        });
    }, 1_000);
  }

  const find: DeviceFinder = async (db, token) => {
    if (!isTokenShaped(token)) return null;
    const hash = hashDeviceToken(token);
    const hit = byHash.get(hash);
    if (hit) {
      markSeen(db, hit, Date.now());
      return hit.device;
    }
    // The look-up marks last_seen_at itself.
    const device = await lookUp(db, token);
    if (!device) return null;
    if (byHash.size >= maxEntries) {
      byHash.clear();
      byDevice.clear();
    }
    const entry = { device, hash, seenAt: Date.now() };
    byHash.set(hash, entry);
    byDevice.set(device.deviceId, entry);
    return device;
  };

  return {
    find,
    forget: (deviceId) => {
      const entry = byDevice.get(deviceId);
      if (!entry) return;
      byDevice.delete(deviceId);
      byHash.delete(entry.hash);
    },
    get size() {
      return byHash.size;
    },
  };
}
