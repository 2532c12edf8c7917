// The lapse queue: filters, sort by start or by duration, keyset pagination, and the CSV export.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import type { LapseItem, LapsesParams } from '@/lib/api/lapses';
import type { OfficerContext } from '../officer-context';
import { anyOf, okrugFilter } from '../scope';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor';
import { durationExpr, lapseColumns, type LapseRow, toLapseItem } from './lapse-rows';
import { toIso, toNumber } from './values';

export type LapseFilters = Pick<
  LapsesParams,
  'state' | 'kind' | 'cause' | 'citizenship' | 'okrug' | 'worker' | 'from' | 'to'
>;
type Sort = LapsesParams['sort'];

function stateCondition(state: LapsesParams['state']): SQL {
  switch (state) {
    case 'open':
      return sql`l.ended_at IS NULL AND l.voided_at IS NULL`;
    case 'unreviewed':
      return sql`l.review_decision IS NULL AND l.voided_at IS NULL`;
    case 'reviewed':
      return sql`l.review_decision IS NOT NULL`;
    case 'voided':
      return sql`l.voided_at IS NOT NULL`;
    default:
      // Voided lapses never happened (late fixes filled the gap); they show only when asked for.
      return sql`l.voided_at IS NULL`;
  }
}

export function buildLapseWhere(officer: OfficerContext, f: LapseFilters): SQL {
  return sql.join(
    [
      okrugFilter(officer, sql`l.okrug`, f.okrug),
      stateCondition(f.state),
      anyOf(sql`l.kind`, f.kind),
      anyOf(sql`l.likely_cause`, f.cause),
      anyOf(sql`l.citizenship`, f.citizenship),
      f.worker ? sql`l.worker_id = ${f.worker}::uuid` : sql`TRUE`,
      f.from ? sql`l.started_at >= ${f.from.toISOString()}::timestamptz` : sql`TRUE`,
      f.to ? sql`l.started_at < ${f.to.toISOString()}::timestamptz` : sql`TRUE`,
    ],
    sql` AND `,
  );
}

type KeyedRow = LapseRow & { started_key?: string };

interface SortPlan {
  order: SQL;
  keyset: (after: CursorValue[]) => SQL;
  cursorOf: (row: KeyedRow) => CursorValue[];
}

// The cursor carries the moment the first page was read, so durations of open lapses (which grow)
// are measured against the same instant on every page.
function planSort(sort: Sort, asOf: Date): SortPlan {
  const dur = durationExpr(asOf);
  const desc = sort.startsWith('-');
  const op = desc ? sql`<` : sql`>`;
  const dir = desc ? sql`DESC` : sql`ASC`;
  if (sort.endsWith('duration')) {
    return {
      order: sql`${dur} ${dir}, l.id ${dir}`,
      keyset: (a) => sql`(${dur}, l.id) ${op} (${Number(a[1])}::float8, ${String(a[2])}::uuid)`,
      cursorOf: (r) => [asOf.toISOString(), toNumber(r.duration_seconds), r.id],
    };
  }
  return {
    order: sql`l.started_at ${dir}, l.id ${dir}`,
    keyset: (a) => sql`(l.started_at, l.id) ${op} (${String(a[1])}::timestamptz, ${String(a[2])}::uuid)`,
    cursorOf: (r) => [asOf.toISOString(), String(r.started_key ?? toIso(r.started_at)), r.id],
  };
}

async function selectLapses(
  db: Db,
  officer: OfficerContext,
  filters: LapseFilters,
  sort: Sort,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: KeyedRow[]; plan: SortPlan }> {
  const kinds = sort.endsWith('duration')
    ? (['time', 'number', 'uuid'] as const)
    : (['time', 'time', 'uuid'] as const);
  const after = decodeCursor(cursor, kinds);
  const asOf = after ? new Date(String(after[0])) : new Date();
  const plan = planSort(sort, asOf);
  const rows = await queryRows<KeyedRow>(
    db,
    sql`SELECT ${lapseColumns(asOf)}, l.started_at::text AS started_key FROM lapses l JOIN workers w ON w.id = l.worker_id
        WHERE ${buildLapseWhere(officer, filters)} AND ${after ? plan.keyset(after) : sql`TRUE`}
        ORDER BY ${plan.order} LIMIT ${limit}`,
  );
  return { rows, plan };
}

export async function listLapses(
  db: Db,
  officer: OfficerContext,
  params: LapseFilters & Pick<LapsesParams, 'sort' | 'cursor' | 'limit'>,
): Promise<{ items: LapseItem[]; nextCursor: string | null; total?: number }> {
  const { rows, plan } = await selectLapses(
    db,
    officer,
    params,
    params.sort,
    params.cursor,
    params.limit + 1,
  );
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(plan.cursorOf(last)) : null;
  // The total is counted once, on the first page; later pages keep the one the client already has.
  const total = params.cursor ? undefined : await countLapses(db, officer, params);
  return { items: page.map(toLapseItem), nextCursor, ...(total === undefined ? {} : { total }) };
}

export async function countLapses(db: Db, officer: OfficerContext, filters: LapseFilters): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM lapses l WHERE ${buildLapseWhere(officer, filters)}`,
  );
  return Number(row?.n ?? 0);
}

export const LAPSE_CSV_HEADER = [
  'id',
  'workerId',
  'workerName',
  'workerNameCyrillic',
  'citizenship',
  'okrug',
  'kind',
  'startedAt',
  'endedAt',
  'durationSeconds',
  'likelyCause',
  'explanationEn',
  'causedCancellation',
  'reviewDecision',
  'reviewNote',
  'reviewedBy',
  'reviewedAt',
] as const;

export async function selectLapseCsvPage(
  db: Db,
  officer: OfficerContext,
  filters: LapseFilters,
  sort: Sort,
  cursor: string | null,
  pageSize: number,
): Promise<{ rows: (string | number | boolean | null)[][]; next: string | null }> {
  const { rows, plan } = await selectLapses(db, officer, filters, sort, cursor ?? undefined, pageSize);
  const last = rows.at(-1);
  return {
    rows: rows
      .map(toLapseItem)
      .map((l) => [
        l.id,
        l.workerId,
        l.workerName,
        l.workerNameCyrillic,
        l.citizenship,
        l.okrug,
        l.kind,
        l.startedAt,
        l.endedAt,
        l.durationSeconds,
        l.likelyCause,
        l.explanationEn,
        l.causedCancellation,
        l.review?.decision ?? null,
        l.review?.note ?? null,
        l.review?.by ?? null,
        l.review?.at ?? null,
      ]),
    next: rows.length === pageSize && last ? encodeCursor(plan.cursorOf(last)) : null,
  };
}
