// GET /api/v1/lapses: the lapse queue in the caller's okrugs; format=csv streams the filtered list.
// Items carry worker names, so each request is one audit entry (filters, count, lapse and worker ids).
import { getDb } from '@/lib/db/client';
import { getReadDb } from '@/lib/db/replica';
import { lapsesParamsSchema } from '@/lib/api/lapses';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { csvFilename, csvSeparator, streamCsv } from '@/lib/server/queries/csv';
import { countLapses, LAPSE_CSV_HEADER, selectLapseCsvPage } from '@/lib/server/queries/lapses';
import { json, parseQuery } from '@/lib/server/queries/request';
import { describeLapseFilters, readLapsePage } from '@/lib/server/reads/lapse-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const EXPORT_PAGE = 1000;
const EXPORT_MAX_ROWS = 100_000;

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, lapsesParamsSchema);
  const db = getDb();
  // Exports tolerate replica lag; the queue itself is read on the primary, since a review is
  // followed by a reload of it.
  const readDb = getReadDb();
  const filters = describeLapseFilters(params);
  if (params.format === 'csv') {
    const count = Math.min(await countLapses(readDb, officer, params), EXPORT_MAX_ROWS);
    await recordAudit(db, {
      officer,
      action: 'lapse.export',
      targetType: 'lapse',
      workerId: params.worker,
      detail: { filters, count },
    });
    let written = 0;
    return streamCsv(
      LAPSE_CSV_HEADER,
      async (cursor: string | null) => {
        const page = await selectLapseCsvPage(readDb, officer, params, params.sort, cursor, EXPORT_PAGE);
        written += page.rows.length;
        // Which workers left in the file (column 2), one entry per page of rows, before they are sent.
        if (page.rows.length) {
          await recordAudit(db, {
            officer,
            action: 'lapse.export.rows',
            targetType: 'lapse',
            workerIds: page.rows.map((row) => String(row[1])),
            detail: { count: page.rows.length },
          });
        }
        return { rows: page.rows, next: written >= EXPORT_MAX_ROWS ? null : page.next };
      },
      csvFilename('lapses'),
      csvSeparator(params.sep),
    );
  }
  return json(await readLapsePage(db, officer, params));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
