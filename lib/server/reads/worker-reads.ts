// Officer reads of workers with their audit entries, shared by the route handlers and the pages'
// server prefetch (lib/api/server-context.ts), so both read the same scope and write the same audit.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { WorkerDetail, WorkersParams } from '@/lib/api/workers';
import { recordAudit } from '../audit';
import type { OfficerContext } from '../officer-context';
import { describeSearch } from '../queries/request';
import { parseWorkerSearch } from '../queries/search';
import { getWorkerDetail, workerExists } from '../queries/worker-detail';
import { listWorkers } from '../queries/workers';

/** What a worker search was, for the audit log, without the search text. */
export function describeWorkerFilters(params: Pick<WorkersParams, 'q' | 'status' | 'citizenship' | 'okrug'>) {
  return {
    status: params.status,
    citizenship: params.citizenship,
    okrug: params.okrug,
    search: describeSearch(params.q, params.q ? parseWorkerSearch(params.q)?.kind : undefined),
  };
}

/** A page of the worker list; names are shown, so the entry names every worker on the page. */
export async function readWorkerPage(
  db: Db,
  officer: OfficerContext,
  params: WorkersParams,
  readDb: Db = db, // a lag-tolerant replica may serve the list; the audit entry goes to `db`
) {
  const page = await listWorkers(readDb, officer, params);
  await recordAudit(db, {
    officer,
    action: 'worker.list',
    targetType: 'worker',
    workerIds: page.items.map((w) => w.id),
    detail: {
      filters: describeWorkerFilters(params),
      count: page.items.length,
      page: params.cursor ? 'next' : 'first',
    },
  });
  return page;
}

/**
 * One worker's file, or null when there is no such worker in the officer's okrugs (an attempt on a
 * worker outside them is audited as denied).
 */
export async function readWorkerFile(
  db: Db,
  officer: OfficerContext,
  id: string,
): Promise<WorkerDetail | null> {
  const detail = await getWorkerDetail(db, officer, id);
  const action = detail ? 'worker.read' : (await workerExists(db, id)) ? 'worker.read.denied' : null;
  if (action) await recordAudit(db, { officer, action, workerId: id, targetType: 'worker', targetId: id });
  return detail;
}
