// GET /api/v1/workers: search within the caller's okrugs; format=csv streams the whole filtered list.
// A listing shows names, so each request is one audit entry with the filters and the worker ids shown.
import { getDb } from '@/lib/db/client';
import { getReadDb } from '@/lib/db/replica';
import { workersParamsSchema } from '@/lib/api/workers';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { csvFilename, streamCsv } from '@/lib/server/queries/csv';
import { describeSearch, json, parseQuery } from '@/lib/server/queries/request';
import { parseWorkerSearch } from '@/lib/server/queries/search';
import {
  countWorkers,
  listWorkers,
  selectWorkerCsvPage,
  WORKER_CSV_HEADER,
} from '@/lib/server/queries/workers';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const EXPORT_PAGE = 1000;
const EXPORT_MAX_ROWS = 100_000;

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, workersParamsSchema);
  const db = getDb();
  const readDb = getReadDb(); // lag-tolerant listing; the audit entry is written to the primary
  const filters = {
    status: params.status,
    citizenship: params.citizenship,
    okrug: params.okrug,
    search: describeSearch(params.q, params.q ? parseWorkerSearch(params.q)?.kind : undefined),
  };
  if (params.format === 'csv') {
    const count = Math.min(await countWorkers(readDb, officer, params), EXPORT_MAX_ROWS);
    await recordAudit(db, {
      officer,
      action: 'worker.export',
      targetType: 'worker',
      detail: { filters, count },
    });
    let written = 0;
    return streamCsv(
      WORKER_CSV_HEADER,
      async (after: (string | number)[] | null) => {
        const page = await selectWorkerCsvPage(readDb, officer, params, after, EXPORT_PAGE);
        written += page.rows.length;
        return { rows: page.rows, next: written >= EXPORT_MAX_ROWS ? null : page.next };
      },
      csvFilename('workers'),
    );
  }
  const page = await listWorkers(readDb, officer, params);
  await recordAudit(db, {
    officer,
    action: 'worker.list',
    targetType: 'worker',
    detail: {
      filters,
      count: page.items.length,
      workerIds: page.items.map((w) => w.id),
      page: params.cursor ? 'next' : 'first',
    },
  });
  return json(page);
});
