// GET /api/v1/lapses: the lapse queue in the caller's okrugs; format=csv streams the filtered list.
// Items carry worker names, so each request is one audit entry (filters, count, lapse ids).
import { getDb } from '@/lib/db/client';
import { getReadDb } from '@/lib/db/replica';
import { lapsesParamsSchema } from '@/lib/api/lapses';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { csvFilename, streamCsv } from '@/lib/server/queries/csv';
import { countLapses, LAPSE_CSV_HEADER, listLapses, selectLapseCsvPage } from '@/lib/server/queries/lapses';
import { json, parseQuery } from '@/lib/server/queries/request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const EXPORT_PAGE = 1000;
const EXPORT_MAX_ROWS = 100_000;

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const params = parseQuery(req, lapsesParamsSchema);
  const db = getDb();
  const readDb = getReadDb(); // lag-tolerant listing; the audit entry is written to the primary
  const filters = {
    state: params.state,
    kind: params.kind,
    cause: params.cause,
    citizenship: params.citizenship,
    okrug: params.okrug,
    worker: params.worker,
    from: params.from?.toISOString(),
    to: params.to?.toISOString(),
    sort: params.sort,
  };
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
        return { rows: page.rows, next: written >= EXPORT_MAX_ROWS ? null : page.next };
      },
      csvFilename('lapses'),
    );
  }
  const page = await listLapses(readDb, officer, params);
  await recordAudit(db, {
    officer,
    action: 'lapse.list',
    targetType: 'lapse',
    workerId: params.worker,
    detail: {
      filters,
      count: page.items.length,
      lapseIds: page.items.map((l) => l.id),
      page: params.cursor ? 'next' : 'first',
    },
  });
  return json(page);
});
