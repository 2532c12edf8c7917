// Server prefetch for the dashboard pages. Each query is the browser's own factory from queries.ts
// (same key, so the answer hydrates the browser's cache) with a loader that calls the same
// server-only read functions as the route handlers, in-process, as the signed-in officer of this
// request, writing the same audit entries. Never HTTP: nothing here builds a URL, reads the Host
// header or forwards the session cookie (tests/integration/server-prefetch.test.ts).
import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/lib/db/client';
import type { OfficerRole } from '@/lib/domain/types';
import { HttpError } from '@/lib/server/problem';
import type { OfficerContext } from '@/lib/server/officer-context';
import { readPolicy } from '@/lib/server/queries/policy-admin';
import { readSummary } from '@/lib/server/queries/stats';
import { readLapseFile, readLapsePage } from '@/lib/server/reads/lapse-reads';
import { readAuditPage, readLapseStatsFor } from '@/lib/server/reads/report-reads';
import { readWorkerFile, readWorkerPage } from '@/lib/server/reads/worker-reads';
import { currentOfficer } from '@/lib/ui/current-officer';
import { auditPageSchema, auditParamsSchema, type AuditFilters } from './audit';
import { lapseDetailSchema, lapsesPageSchema, lapsesParamsSchema, type LapsesFilters } from './lapses';
import { policySchema } from './policy';
import {
  auditQuery,
  lapseQuery,
  lapseStatsQuery,
  lapsesQuery,
  policyQuery,
  summaryQuery,
  workerQuery,
  workersQuery,
} from './queries';
import { lapseStatsParamsSchema, lapseStatsSchema, summarySchema, type LapseStatsFilters } from './stats';
import { workerDetailSchema, workersPageSchema, workersParamsSchema, type WorkersFilters } from './workers';

const OFFICERS: readonly OfficerRole[] = ['officer', 'supervisor'];
const AUDITORS: readonly OfficerRole[] = ['auditor', 'admin'];

/** The data exactly as the browser would have it from the API: JSON, checked by the same schema. */
async function asApiJson<S extends z.ZodType>(
  schema: S,
  value: Promise<unknown> | unknown,
): Promise<z.output<S>> {
  return schema.parse(JSON.parse(JSON.stringify(await value)));
}

/** The routes' role rules, kept here too so a page cannot prefetch what its officer may not read. */
function allow(officer: OfficerContext, roles: readonly OfficerRole[]): void {
  if (!roles.includes(officer.role)) throw new HttpError(403, 'Your role may not read this.');
}

export async function getServerQueries() {
  const officer = await currentOfficer();
  const db = getDb();
  return {
    workers: (filters: WorkersFilters) =>
      workersQuery(filters, () => {
        allow(officer, OFFICERS);
        return asApiJson(workersPageSchema, readWorkerPage(db, officer, workersParamsSchema.parse(filters)));
      }),
    /** Null when there is no such worker in the officer's okrugs: the page answers 404. */
    worker: async (id: string) => {
      allow(officer, OFFICERS);
      const detail = await readWorkerFile(db, officer, id);
      if (!detail) return null;
      const data = await asApiJson(workerDetailSchema, detail);
      return workerQuery(id, async () => data);
    },
    lapses: (filters: LapsesFilters) =>
      lapsesQuery(filters, () => {
        allow(officer, OFFICERS);
        return asApiJson(lapsesPageSchema, readLapsePage(db, officer, lapsesParamsSchema.parse(filters)));
      }),
    lapse: (id: string) =>
      lapseQuery(id, async () => {
        allow(officer, OFFICERS);
        const detail = await readLapseFile(db, officer, id);
        if (!detail) throw new HttpError(404, 'No lapse with this id in your okrugs.');
        return asApiJson(lapseDetailSchema, detail);
      }),
    summary: () => summaryQuery(() => asApiJson(summarySchema, readSummary(db, officer))),
    lapseStats: (params: LapseStatsFilters) =>
      lapseStatsQuery(params, () =>
        asApiJson(lapseStatsSchema, readLapseStatsFor(db, officer, lapseStatsParamsSchema.parse(params))),
      ),
    policy: () => policyQuery(() => asApiJson(policySchema, readPolicy(db))),
    audit: (filters: AuditFilters) =>
      auditQuery(filters, () => {
        allow(officer, AUDITORS);
        return asApiJson(auditPageSchema, readAuditPage(db, officer, auditParamsSchema.parse(filters)));
      }),
  };
}
