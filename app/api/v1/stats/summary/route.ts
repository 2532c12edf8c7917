// GET /api/v1/stats/summary: live counters in the caller's okrugs (counts only, no personal data).
import { getReadDb } from '@/lib/db/replica';
import { officerRoute } from '@/lib/server/officer-route';
import { json } from '@/lib/server/queries/request';
import { readSummary } from '@/lib/server/queries/stats';
import { REPORT_TIME_LIMIT_MS, withTimeLimit } from '@/lib/server/queries/time-limit';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (_req, { officer }) =>
  json(
    await withTimeLimit(getReadDb(), REPORT_TIME_LIMIT_MS, 'Retry in a minute.', (tx) =>
      readSummary(tx, officer),
    ),
  ),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
