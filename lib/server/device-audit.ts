import 'server-only';
// Audit rows written on a phone's behalf (enrolment, device replacement, late data voiding a
// lapse). The actor is the device, never a person; detail holds ids and counts, no personal data.
import { auditLog } from '@/lib/db/schema';
import type { Db } from '@/lib/db/client';

export interface DeviceAuditEntry {
  /** Null when no device is authenticated yet (a refused enrolment). */
  deviceId: string | null;
  action: string;
  workerId: string | null;
  targetType?: string;
  targetId?: string;
  reason: string;
  detail: Record<string, unknown>;
}

export async function recordDeviceAudit(db: Pick<Db, 'insert'>, entry: DeviceAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.deviceId ? `device:${entry.deviceId}` : 'device:unenrolled',
    actorName: entry.deviceId ? 'Device' : 'Unenrolled device',
    actorRole: 'device',
    action: entry.action,
    workerId: entry.workerId,
    targetType: entry.targetType ?? (entry.deviceId ? 'device' : null),
    targetId: entry.targetId ?? entry.deviceId,
    reason: entry.reason,
    detail: entry.detail,
  });
}
