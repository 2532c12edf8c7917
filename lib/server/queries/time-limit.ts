// A time limit for report and simulator queries, so one request cannot occupy the database: the
// work runs in a read transaction with a statement_timeout, and a query cancelled by it becomes a
// 503 that says how to ask a smaller question instead of a generic error.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { HttpError } from '../problem';

export const REPORT_TIME_LIMIT_MS = Number(process.env.REPORT_TIME_LIMIT_MS ?? 15_000);

function isStatementTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ('code' in e && e.code === '57014') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

export function overBudget(limitMs: number, hint: string): HttpError {
  const seconds = Math.max(1, Math.round(limitMs / 1000));
  return new HttpError(503, `The request did not finish within ${seconds} s. ${hint}`, {
    type: 'https://regwatch.example/problems/over-time-limit',
    title: 'Over the time limit',
    timeLimitSeconds: seconds,
  });
}

/** Runs `work` with every statement limited to `limitMs` (PostgreSQL; PGlite has no timer to cancel by). */
export async function withTimeLimit<T>(
  db: Db,
  limitMs: number,
  hint: string,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  const ms = Math.max(1, Math.floor(limitMs));
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${ms}`));
      return work(tx);
    });
  } catch (error) {
    if (isStatementTimeout(error)) throw overBudget(ms, hint);
    throw error;
  }
}
