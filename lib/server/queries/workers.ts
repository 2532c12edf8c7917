// Worker search (list and CSV export) within the caller's okrug scope. Keyset-paginated by
// (lower(Latin name), id) in byte order, so deep pages cost the same as the first.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, workerStatusSchema } from '@/lib/api/enums';
import type { WorkerListItem, WorkersParams } from '@/lib/api/workers';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter } from '../scope';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor';
import { parseWorkerSearch, type WorkerSearch } from './search';
import { toIsoOrNull } from './values';

export type WorkerFilters = Pick<WorkersParams, 'q' | 'status' | 'citizenship' | 'okrug'>;

interface WorkerRow {
  id: string;
  full_name_latin: string;
  full_name_cyrillic: string | null;
  citizenship: string;
  status: string;
  okrug: string | null;
  status_since: unknown;
  open_lapse_kind: string | null;
  last_fix_time: unknown;
  sort_name: string;
  document_number?: string;
  phone?: string;
  employer?: string | null;
}

function searchCondition(search: WorkerSearch | null): SQL {
  if (!search) return sql`TRUE`;
  const parts: SQL[] = [
    sql`lower(w.full_name_latin) LIKE ${search.namePattern}`,
    sql`lower(coalesce(w.full_name_cyrillic, '')) LIKE ${search.namePattern}`,
    sql`upper(replace(replace(w.document_number, ' ', ''), '-', '')) LIKE ${search.document}`,
  ];
  // translate() is far cheaper than a regular expression over a million phone numbers.
  if (search.phoneDigits) parts.push(sql`translate(w.phone, '+ ()-.', '') LIKE ${`%${search.phoneDigits}%`}`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export function buildWorkerWhere(officer: OfficerContext, filters: WorkerFilters): SQL {
  const search = filters.q ? parseWorkerSearch(filters.q) : null;
  return sql.join(
    [
      okrugFilter(officer, sql`ws.okrug`, filters.okrug),
      anyOf(sql`coalesce(ws.status, 'none')`, filters.status),
      anyOf(sql`w.citizenship`, filters.citizenship),
      searchCondition(search),
    ],
    sql` AND `,
  );
}

async function selectWorkers(
  db: Db,
  officer: OfficerContext,
  filters: WorkerFilters,
  after: CursorValue[] | null,
  limit: number,
  withContact: boolean,
): Promise<WorkerRow[]> {
  // Byte order (the ~<~ operator family) matches the text_pattern_ops index on lower(full_name_latin),
  // so the first page and every later one walk the index instead of sorting the whole table.
  const name = after ? String(after[0]) : '';
  const keyset = after
    ? sql`lower(w.full_name_latin) ~>=~ ${name}
        AND (lower(w.full_name_latin) ~>~ ${name} OR w.id > ${String(after[1])}::uuid)`
    : sql`TRUE`;
  // A text search matches few rows: scanning the table and sorting them beats walking the whole
  // name index in order, so the order key is disguised from the planner when q is given.
  const orderKey = filters.q ? sql`(lower(w.full_name_latin) || '')` : sql`lower(w.full_name_latin)`;
  const contact = withContact ? sql`, w.document_number, w.phone, w.employer` : sql``;
  return queryRows<WorkerRow>(
    db,
    sql`SELECT w.id, w.full_name_latin, w.full_name_cyrillic, w.citizenship,
          coalesce(ws.status, 'none') AS status, ws.okrug, ws.status_since, ws.open_lapse_kind,
          ws.last_fix_time, lower(w.full_name_latin) AS sort_name ${contact}
        FROM workers w LEFT JOIN worker_status ws ON ws.worker_id = w.id
        WHERE ${buildWorkerWhere(officer, filters)} AND ${keyset}
        ORDER BY ${orderKey} USING ~<~, w.id
        LIMIT ${limit}`,
  );
}

function toItem(row: WorkerRow): WorkerListItem {
  return {
    id: row.id,
    fullNameLatin: row.full_name_latin,
    fullNameCyrillic: row.full_name_cyrillic,
    citizenship: row.citizenship,
    status: workerStatusSchema.parse(row.status),
    okrug: row.okrug,
    statusSince: toIsoOrNull(row.status_since),
    openLapseKind: lapseKindSchema.nullable().parse(row.open_lapse_kind ?? null),
    lastFixAt: toIsoOrNull(row.last_fix_time),
  };
}

export async function listWorkers(
  db: Db,
  officer: OfficerContext,
  params: Pick<WorkersParams, 'q' | 'status' | 'citizenship' | 'okrug' | 'cursor' | 'limit'>,
): Promise<{ items: WorkerListItem[]; nextCursor: string | null }> {
  const after = decodeCursor(params.cursor, ['string', 'uuid']);
  const rows = await selectWorkers(db, officer, params, after, params.limit + 1, false);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor([last.sort_name, last.id]) : null;
  return { items: page.map(toItem), nextCursor };
}

export async function countWorkers(db: Db, officer: OfficerContext, filters: WorkerFilters): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM workers w LEFT JOIN worker_status ws ON ws.worker_id = w.id
        WHERE ${buildWorkerWhere(officer, filters)}`,
  );
  return Number(row?.n ?? 0);
}

export const WORKER_CSV_HEADER = [
  'id',
  'fullNameLatin',
  'fullNameCyrillic',
  'citizenship',
  'documentNumber',
  'phone',
  'employer',
  'status',
  'okrug',
  'statusSince',
  'openLapseKind',
  'lastFixAt',
] as const;

/** One page of the CSV export; `after` is the keyset of the previous page. */
export async function selectWorkerCsvPage(
  db: Db,
  officer: OfficerContext,
  filters: WorkerFilters,
  after: CursorValue[] | null,
  pageSize: number,
): Promise<{ rows: (string | null)[][]; next: CursorValue[] | null }> {
  const rows = await selectWorkers(db, officer, filters, after, pageSize, true);
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => {
      const item = toItem(r);
      return [
        item.id,
        item.fullNameLatin,
        item.fullNameCyrillic,
        item.citizenship,
        r.document_number ?? null,
        r.phone ?? null,
        r.employer ?? null,
        item.status,
        item.okrug,
        item.statusSince,
        item.openLapseKind,
        item.lastFixAt,
      ];
    }),
    next: rows.length === pageSize && last ? [last.sort_name, last.id] : null,
  };
}
