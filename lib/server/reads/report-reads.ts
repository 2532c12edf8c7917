// Reads behind the reports and the audit page, shared by the route handlers and the pages' server
// prefetch (lib/api/server-context.ts).
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { AuditParams } from '@/lib/api/audit';
import type { lapseStatsParamsSchema } from '@/lib/api/stats';
import { recordAudit } from '../audit';
import { parseWith } from '../body';
import type { OfficerContext } from '../officer-context';
import { listAudit } from '../queries/audit-log';
import { readLapseStats, STATS_MAX_DAYS } from '../queries/stats';
import { REPORT_TIME_LIMIT_MS, withTimeLimit } from '../queries/time-limit';

const DAY_MS = 86_400_000;
const rangeSchema = z
  .object({ from: z.date(), to: z.date() })
  .refine((r) => r.from < r.to, { message: '`from` must be before `to`.', path: ['to'] })
  .refine((r) => r.to.getTime() - r.from.getTime() <= STATS_MAX_DAYS * DAY_MS, {
    message: `Ask for at most ${STATS_MAX_DAYS} days at a time.`,
    path: ['from'],
  });

type StatsParams = z.output<typeof lapseStatsParamsSchema>;

/** Lapse statistics for a period (default: the 30 days up to now), at most STATS_MAX_DAYS long. */
export async function readLapseStatsFor(db: Db, officer: OfficerContext, params: StatsParams) {
  const to = params.to ?? new Date();
  const from = params.from ?? new Date(to.getTime() - 30 * DAY_MS);
  const range = parseWith(rangeSchema, { from, to }, 'query string');
  return withTimeLimit(db, REPORT_TIME_LIMIT_MS, 'Choose a shorter period and ask again.', (tx) =>
    readLapseStats(tx, officer, params.groupBy, range.from, range.to),
  );
}

/** A page of the audit log; reading the log is itself recorded. */
export async function readAuditPage(db: Db, officer: OfficerContext, params: AuditParams) {
  const page = await listAudit(db, params);
  await recordAudit(db, {
    officer,
    action: 'audit.read',
    workerId: params.worker,
    targetType: 'audit',
    detail: {
      filters: describeAuditFilters(params),
      count: page.items.length,
      page: params.cursor ? 'next' : 'first',
    },
  });
  return page;
}

export function describeAuditFilters(params: AuditParams) {
  return {
    actor: params.actor,
    worker: params.worker,
    action: params.action,
    auditReads: params.auditReads,
    from: params.from?.toISOString(),
    to: params.to?.toISOString(),
  };
}
