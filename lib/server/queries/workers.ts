// Worker search (list and CSV export) within the caller's okrug scope. Without a search text the
// list is keyset-paginated by (lower(Latin name), id) in byte order, so deep pages cost the same as
// the first. With one, rows are found through the search-key indexes (migration 0008_search) and
// ranked best match first, keyset-paginated by (rank, id).
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, workerStatusSchema } from '@/lib/api/enums';
import type { WorkerListItem, WorkersPage, WorkersParams } from '@/lib/api/workers';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter } from '../scope';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor';
import { escapeLike, parseWorkerSearch, type WorkerSearch } from './search';
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
  rank: string | null;
  document_number: string;
  birth_date: string;
  phone?: string;
  employer?: string | null;
}

function searchCondition(search: WorkerSearch | null): SQL {
  if (!search) return sql`TRUE`;
  const parts: SQL[] = [];
  // %> is word similarity against the indexed column: the typed words found within the name.
  // Every typed word must be found (in any order), so "Саргсян Давид" reads the Sargsyans named
  // David rather than every Sargsyan: the index intersects one posting list per word.
  const words = search.nameSkeleton.split(' ').filter(Boolean);
  if (words.length) {
    parts.push(
      sql`(${sql.join(
        words.map((word) => sql`w.name_skeleton %> ${word}`),
        sql` AND `,
      )})`,
    );
  }
  if (search.document) parts.push(sql`w.document_key LIKE ${`${search.document}%`}`);
  for (const digits of search.phoneDigits) parts.push(sql`w.phone_key LIKE ${`%${escapeLike(digits)}%`}`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

/** How well a row matches, 0..1, best first: exact document or phone, then name similarity. */
function searchRank(search: WorkerSearch): SQL {
  const scores: SQL[] = [sql`0`];
  if (search.nameSkeleton) {
    scores.push(sql`(2 * word_similarity(${search.nameKey}, w.name_key) + similarity(${search.nameKey}, w.name_key)
      + word_similarity(${search.nameSkeleton}, w.name_skeleton)) / 4`);
  }
  if (search.document) {
    scores.push(sql`CASE WHEN w.document_key = ${search.document} THEN 1
      WHEN w.document_key LIKE ${`${search.document}%`} THEN 0.9 ELSE 0 END`);
  }
  for (const digits of search.phoneDigits) {
    scores.push(sql`CASE WHEN w.phone_key = ${digits} THEN 1
      WHEN w.phone_key LIKE ${`%${escapeLike(digits)}%`} THEN 0.8 ELSE 0 END`);
  }
  return sql`round(GREATEST(${sql.join(scores, sql`, `)})::numeric, 4)`;
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
  const search = filters.q ? parseWorkerSearch(filters.q) : null;
  const contact = withContact ? sql`, w.phone, w.employer` : sql``;
  const columns = sql`w.id, w.full_name_latin, w.full_name_cyrillic, w.citizenship, w.document_number,
    w.birth_date::text AS birth_date, coalesce(ws.status, 'none') AS status, ws.okrug, ws.status_since, ws.open_lapse_kind,
    ws.last_fix_time, lower(w.full_name_latin) AS sort_name ${contact}`;
  const from = sql`FROM workers w LEFT JOIN worker_status ws ON ws.worker_id = w.id
    WHERE ${buildWorkerWhere(officer, filters)}`;
  if (search) {
    // Ranked: the rank is computed once per matching row in the subquery, then paged by (rank, id).
    const keyset = after
      ? sql`(rank < ${String(after[0])}::numeric OR (rank = ${String(after[0])}::numeric AND id > ${String(after[1])}::uuid))`
      : sql`TRUE`;
    return queryRows<WorkerRow>(
      db,
      sql`SELECT * FROM (SELECT ${columns}, ${searchRank(search)} AS rank ${from}) found
          WHERE ${keyset} ORDER BY rank DESC, id LIMIT ${limit}`,
    );
  }
  // Byte order (the ~<~ operator family) matches the text_pattern_ops index on lower(full_name_latin),
  // so the first page and every later one walk the index instead of sorting the whole table.
  const name = after ? String(after[0]) : '';
  const keyset = after
    ? sql`lower(w.full_name_latin) ~>=~ ${name}
        AND (lower(w.full_name_latin) ~>~ ${name} OR w.id > ${String(after[1])}::uuid)`
    : sql`TRUE`;
  return queryRows<WorkerRow>(
    db,
    sql`SELECT ${columns}, NULL AS rank ${from} AND ${keyset}
        ORDER BY lower(w.full_name_latin) USING ~<~, w.id LIMIT ${limit}`,
  );
}

/** The keyset of a row: (rank, id) for a search, (lower Latin name, id) for the plain list. */
function keyOf(row: WorkerRow): CursorValue[] {
  return [row.rank === null || row.rank === undefined ? row.sort_name : String(row.rank), row.id];
}

function toItem(row: WorkerRow): WorkerListItem {
  return {
    id: row.id,
    fullNameLatin: row.full_name_latin,
    fullNameCyrillic: row.full_name_cyrillic,
    citizenship: row.citizenship,
    documentNumber: row.document_number,
    birthDate: String(row.birth_date),
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
): Promise<WorkersPage> {
  const after = decodeCursor(params.cursor, ['string', 'uuid']);
  const rows = await selectWorkers(db, officer, params, after, params.limit + 1, false);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(keyOf(last)) : null;
  if (after) return { items: page.map(toItem), nextCursor };
  // The first page says how many were found, counted up to a cap so a broad search stays cheap.
  const total =
    rows.length > params.limit ? await countWorkers(db, officer, params, TOTAL_CAP + 1) : rows.length;
  return {
    items: page.map(toItem),
    nextCursor,
    total: Math.min(total, TOTAL_CAP),
    totalIsLowerBound: total > TOTAL_CAP,
  };
}

export const TOTAL_CAP = 10_000;

/** How many workers match, or `upTo` when at least that many do. */
export async function countWorkers(
  db: Db,
  officer: OfficerContext,
  filters: WorkerFilters,
  upTo?: number,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM workers w LEFT JOIN worker_status ws ON ws.worker_id = w.id
        WHERE ${buildWorkerWhere(officer, filters)} ${upTo ? sql`LIMIT ${upTo}` : sql``}) found`,
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
    next: rows.length === pageSize && last ? keyOf(last) : null,
  };
}
