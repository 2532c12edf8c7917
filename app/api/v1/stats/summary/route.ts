// GET /api/v1/stats/summary: live counters in the caller's okrugs (counts only, no personal data).
import { getReadDb } from '@/lib/db/replica';
import { officerRoute } from '@/lib/server/officer-route';
import { json } from '@/lib/server/queries/request';
import { readSummary } from '@/lib/server/queries/stats';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (_req, { officer }) =>
  json(await readSummary(getReadDb(), officer)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
