// GET /api/v1/audit (auditor, admin): the audit log, newest first; format=csv streams the filtered
// log. Reading the log is itself recorded ('audit.read' / 'audit.export').
import { getDb } from '@/lib/db/client';
import { auditParamsSchema } from '@/lib/api/audit';
import { recordAudit } from '@/lib/server/audit';
import { officerRoute } from '@/lib/server/officer-route';
import { AUDIT_CSV_HEADER, auditCsvRow, selectAuditPage } from '@/lib/server/queries/audit-log';
import { csvFilename, csvSeparator, streamCsv } from '@/lib/server/queries/csv';
import { json, parseQuery } from '@/lib/server/queries/request';
import { describeAuditFilters, readAuditPage } from '@/lib/server/reads/report-reads';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const EXPORT_PAGE = 2000;
const EXPORT_MAX_ROWS = 500_000;

export const GET = officerRoute({ roles: ['auditor', 'admin'] }, async (req, { officer }) => {
  const params = parseQuery(req, auditParamsSchema);
  const db = getDb();
  const filters = describeAuditFilters(params);
  if (params.format === 'csv') {
    // Recorded first, so the export itself is not in the file it produces.
    await recordAudit(db, {
      officer,
      action: 'audit.export',
      workerId: params.worker,
      targetType: 'audit',
      detail: { filters },
    });
    let written = 0;
    let started = false;
    return streamCsv(
      AUDIT_CSV_HEADER,
      async (afterId: number | null) => {
        if (started && afterId === null) return { rows: [], next: null };
        started = true;
        const entries = await selectAuditPage(db, params, afterId, EXPORT_PAGE);
        written += entries.length;
        const last = entries.at(-1);
        const more = entries.length === EXPORT_PAGE && written < EXPORT_MAX_ROWS && last;
        return { rows: entries.map(auditCsvRow), next: more ? last.id : null };
      },
      csvFilename('audit'),
      csvSeparator(params.sep),
    );
  }
  return json(await readAuditPage(db, officer, params));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
