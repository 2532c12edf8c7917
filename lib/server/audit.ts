// The audit trail of officer reads and decisions. Insert only (the table refuses UPDATE/DELETE).
// `detail` holds ids, filters and counts, never names, documents, phones or coordinates.
import 'server-only';
import type { Db } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import type { OfficerContext } from './officer-context';

export interface AuditEntryInput {
  officer: OfficerContext;
  action: string;
  workerId?: string | null;
  /** Every worker whose identity or location the response carried (lists, exports, map points). */
  workerIds?: readonly string[] | null;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
}

type Inserter = Pick<Db, 'insert'>;

export async function recordAudit(db: Inserter, entry: AuditEntryInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.officer.officerId,
    actorName: entry.officer.name || entry.officer.username,
    actorRole: entry.officer.role,
    action: entry.action,
    workerId: entry.workerId ?? null,
    workerIds: entry.workerIds?.length ? [...new Set(entry.workerIds)] : null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    reason: entry.reason ?? null,
    detail: entry.detail ? dropUndefined(entry.detail) : null,
  });
}

function dropUndefined(detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
