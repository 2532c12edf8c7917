import 'server-only';
// The guard in front of late data: judges the uploaded track before it may void a lapse, and
// leaves a trace of every void (audit row, a mark on the lapse and on the restored registration)
// so an officer can see which registrations a phone's own upload brought back, and review them.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { judgeTrack, type Plausibility } from '@/lib/domain/track-plausibility';
import { recordDeviceAudit } from './device-audit';
import type { DeviceContext } from './engine-api';

type Tx = Pick<Db, 'execute' | 'insert'>;

// Neighbours stored around the upload take part in the speed check at its edges.
const WINDOW_MS = 3_600_000;
const MAX_TRACK_POINTS = 20_000;

interface PointRow {
  device_id: string;
  fix_time: string | Date;
  received_at: string | Date;
  lat: number;
  lon: number;
  accuracy: number;
}

/** Judges the fixes just stored (`uploaded`) together with the worker's fixes around them. */
export async function judgeUpload(
  tx: Tx,
  device: DeviceContext,
  uploaded: Date[],
  now: Date,
): Promise<Plausibility> {
  if (!uploaded.length) return { ok: true };
  const times = uploaded.map((t) => t.getTime());
  const from = new Date(Math.min(...times) - WINDOW_MS).toISOString();
  const to = new Date(Math.max(...times) + WINDOW_MS).toISOString();
  const rows = await queryRows<PointRow>(
    tx,
    sql`SELECT device_id, fix_time, received_at, lat, lon, accuracy FROM positions
        WHERE worker_id = ${device.workerId} AND fix_time BETWEEN ${from}::timestamptz AND ${to}::timestamptz
          AND NOT mock
        ORDER BY fix_time LIMIT ${MAX_TRACK_POINTS}`,
  );
  const [enrolled] = await queryRows<{ created_at: string | Date }>(
    tx,
    sql`SELECT created_at FROM devices WHERE id = ${device.deviceId}`,
  );
  const mine = new Set(times);
  const points = rows.map((r) => {
    const time = new Date(r.fix_time);
    return {
      time,
      lat: Number(r.lat),
      lon: Number(r.lon),
      accuracy: Number(r.accuracy),
      receivedAt: new Date(r.received_at),
      uploaded: r.device_id === device.deviceId && mine.has(time.getTime()),
    };
  });
  // An enrolment later than the clock given is a replay of history (tests, simulations): skip it.
  const enrolledAt = enrolled ? new Date(enrolled.created_at) : null;
  return judgeTrack(points, enrolledAt && enrolledAt <= now ? enrolledAt : null);
}

/** A late upload that failed the checks voids nothing; the audit log says why. */
export async function recordRefusedLateData(
  tx: Tx,
  device: DeviceContext,
  verdict: Extract<Plausibility, { ok: false }>,
  fixCount: number,
): Promise<void> {
  await recordDeviceAudit(tx, {
    deviceId: device.deviceId,
    action: 'late_data.refused',
    workerId: device.workerId,
    reason: `uploaded track is not plausible: ${verdict.reason}`,
    detail: { check: verdict.code, fixes: fixCount },
  });
}

export interface LateVoid {
  lapseId: string;
  /** The registration the void brought back from cancelled, if any. */
  restoredRegistrationId: string | null;
  reason: string;
}

/** Marks each voided lapse (and restored registration) and audits the void. */
export async function markLateDataVoids(
  tx: Tx,
  device: DeviceContext,
  voids: LateVoid[],
  fixCount: number,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const v of voids) {
    const detail = {
      deviceId: device.deviceId,
      fixes: fixCount,
      registrationId: v.restoredRegistrationId,
      registrationRestored: v.restoredRegistrationId !== null,
    };
    await tx.execute(sql`UPDATE lapses SET late_data_voided_at = ${at}::timestamptz,
        late_data_detail = ${JSON.stringify(detail)}::jsonb WHERE id = ${v.lapseId}`);
    if (v.restoredRegistrationId) {
      await tx.execute(sql`UPDATE registrations SET restored_by_late_data_at = ${at}::timestamptz
          WHERE id = ${v.restoredRegistrationId}`);
    }
    await recordDeviceAudit(tx, {
      deviceId: device.deviceId,
      action: 'lapse.void_by_late_data',
      workerId: device.workerId,
      targetType: 'lapse',
      targetId: v.lapseId,
      reason: v.reason,
      detail,
    });
  }
}
