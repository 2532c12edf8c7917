// Okrug scope as SQL: every officer query passes its okrug column through here, so the database
// itself never returns a row outside the caller's okrugs.
import 'server-only';
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { OfficerContext } from './officer-context';

/** Okrugs the caller may see, or null for all (supervisor, auditor, admin). */
export function scopeOkrugs(officer: OfficerContext): string[] | null {
  if (officer.role !== 'officer') return null;
  return officer.okrugs ?? [];
}

type Column = AnyColumn | SQL;

/** `column IN (scope)`; TRUE for an all-okrug caller; FALSE for an officer with no okrugs. */
export function inScope(officer: OfficerContext, column: Column): SQL {
  const okrugs = scopeOkrugs(officer);
  if (okrugs === null) return sql`TRUE`;
  if (okrugs.length === 0) return sql`FALSE`;
  return sql`${column} IN (${sql.join(
    okrugs.map((o) => sql`${o}`),
    sql`, `,
  )})`;
}

/**
 * The okrug filter a caller asked for, intersected with their scope. Asking for an okrug outside
 * the scope yields no rows rather than an error, like any filter that matches nothing.
 */
export function okrugFilter(officer: OfficerContext, column: Column, requested?: string[]): SQL {
  const scope = inScope(officer, column);
  if (!requested || requested.length === 0) return scope;
  return sql`(${scope} AND ${column} IN (${sql.join(
    requested.map((o) => sql`${o}`),
    sql`, `,
  )}))`;
}

/** `column IN (values)` for an optional list filter, or TRUE when absent. */
export function anyOf(column: Column, values?: readonly string[]): SQL {
  if (!values || values.length === 0) return sql`TRUE`;
  return sql`${column} IN (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** Whether a single okrug value lies in the caller's scope (for a row already loaded). */
export function isOkrugInScope(officer: OfficerContext, okrug: string | null): boolean {
  const okrugs = scopeOkrugs(officer);
  if (okrugs === null) return true;
  return okrug !== null && okrugs.includes(okrug);
}
