// Reading the audit log (auditor, admin), newest first, keyset-paginated by id.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { AuditEntry, AuditParams } from '@/lib/api/audit';
import { decodeCursor, encodeCursor } from './cursor';
import { escapeLike } from './search';
import { toIso, toNumber } from './values';

export type AuditFiltersParsed = Pick<AuditParams, 'actor' | 'worker' | 'action' | 'from' | 'to'> &
  Partial<Pick<AuditParams, 'auditReads'>>;

// Reads of the log itself: hidden on request so they do not bury what the auditor came to see.
const AUDIT_READ_ACTIONS = sql.raw(`('audit.read', 'audit.export')`);

export function buildAuditWhere(f: AuditFiltersParsed): SQL {
  const parts: SQL[] = [sql`TRUE`];
  if (f.actor) {
    parts.push(sql`(a.actor_id = ${f.actor} OR lower(a.actor_name) = lower(${f.actor})
      OR a.actor_id IN (SELECT o.id FROM officers o WHERE o.username = lower(${f.actor})))`);
  }
  // "Who saw worker X": the worker's own entries and every many-worker read that showed them.
  if (f.worker) {
    parts.push(sql`(a.worker_id = ${f.worker}::uuid OR a.worker_ids @> ARRAY[${f.worker}::uuid])`);
  }
  if (f.auditReads === 'hide') parts.push(sql`a.action NOT IN ${AUDIT_READ_ACTIONS}`);
  if (f.action) {
    parts.push(
      f.action.endsWith('*')
        ? sql`a.action LIKE ${`${escapeLike(f.action.slice(0, -1))}%`}`
        : sql`a.action = ${f.action}`,
    );
  }
  if (f.from) parts.push(sql`a.at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`a.at < ${f.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

interface AuditRow {
  id: unknown;
  at: unknown;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  actor_username: string | null;
  action: string;
  worker_id: string | null;
  worker_name?: string | null;
  worker_name_cyrillic?: string | null;
  worker_ids: unknown;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  detail: unknown;
}

function toEntry(r: AuditRow): AuditEntry {
  const detail = typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail;
  return {
    id: toNumber(r.id),
    at: toIso(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    actorUsername: r.actor_username,
    action: r.action,
    workerId: r.worker_id,
    workerName: r.worker_name ?? null,
    workerNameCyrillic: r.worker_name_cyrillic ?? null,
    workerIds: toIdList(r.worker_ids),
    targetType: r.target_type,
    targetId: r.target_id,
    reason: r.reason,
    detail: detail && typeof detail === 'object' && !Array.isArray(detail) ? detail : null,
  };
}

function toIdList(value: unknown): string[] | null {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? list.map(String) : null;
}

export async function selectAuditPage(
  db: Db,
  filters: AuditFiltersParsed,
  afterId: number | null,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await queryRows<AuditRow>(
    db,
    sql`SELECT a.id, a.at, a.actor_id, a.actor_name, a.actor_role, o.username AS actor_username, a.action,
          a.worker_id, w.full_name_latin AS worker_name, w.full_name_cyrillic AS worker_name_cyrillic,
          array_to_json(a.worker_ids) AS worker_ids, a.target_type, a.target_id, a.reason, a.detail
        FROM audit_log a LEFT JOIN officers o ON o.id = a.actor_id LEFT JOIN workers w ON w.id = a.worker_id WHERE ${buildAuditWhere(filters)} AND ${afterId === null ? sql`TRUE` : sql`a.id < ${afterId}`}
        ORDER BY a.id DESC LIMIT ${limit}`,
  );
  return rows.map(toEntry);
}

export async function listAudit(
  db: Db,
  params: AuditFiltersParsed & Pick<AuditParams, 'cursor' | 'limit'>,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, ['id']);
  const rows = await selectAuditPage(db, params, after ? Number(after[0]) : null, params.limit + 1);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > params.limit && last ? encodeCursor([last.id]) : null };
}

export const AUDIT_CSV_HEADER = [
  'id',
  'at',
  'actorId',
  'actorName',
  'actorRole',
  'actorUsername',
  'action',
  'workerId',
  'targetType',
  'targetId',
  'reason',
  'detail',
  'workerIds',
] as const;

export function auditCsvRow(e: AuditEntry): (string | number | null)[] {
  return [
    e.id,
    e.at,
    e.actorId,
    e.actorName,
    e.actorRole,
    e.actorUsername ?? null,
    e.action,
    e.workerId,
    e.targetType,
    e.targetId,
    e.reason,
    e.detail ? JSON.stringify(e.detail) : null,
    e.workerIds?.length ? e.workerIds.join(' ') : null,
  ];
}
