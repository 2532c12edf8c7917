// GET /api/v1/workers: search within the caller's okrugs; format=csv streams the whole filtered list.
// A listing shows names, so each request is one audit entry with the filters and the worker ids shown;
// an export adds one entry per page of rows with the ids it wrote.
import { getDb } from '@/lib/db/client';
import { getReadDb } from '@/lib/db/replica';
import { workersParamsSchema } from '@/lib/api/workers';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { csvFilename, csvSeparator, streamCsv } from '@/lib/server/queries/csv';
import { json, parseQuery } from '@/lib/server/queries/request';
import { countWorkers, selectWorkerCsvPage, WORKER_CSV_HEADER } from '@/lib/server/queries/workers';
import { describeWorkerFilters, readWorkerPage } from '@/lib/server/reads/worker-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const EXPORT_PAGE = 1000;
const EXPORT_MAX_ROWS = 100_000;

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, workersParamsSchema);
  const db = getDb();
  const readDb = getReadDb(); // lag-tolerant reads; audit entries are written to the primary
  const filters = describeWorkerFilters(params);
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
        // Which workers left in the file, one entry per page of rows, written before they are sent.
        if (page.rows.length) {
          await recordAudit(db, {
            officer,
            action: 'worker.export.rows',
            targetType: 'worker',
            workerIds: page.rows.map((row) => String(row[0])),
            detail: { count: page.rows.length },
          });
        }
        return { rows: page.rows, next: written >= EXPORT_MAX_ROWS ? null : page.next };
      },
      csvFilename('workers'),
      csvSeparator(params.sep),
    );
  }
  return json(await readWorkerPage(db, officer, params, readDb));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
