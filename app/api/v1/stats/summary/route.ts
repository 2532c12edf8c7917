// GET /api/v1/stats/summary: live counters in the caller's okrugs (counts only, no personal data).
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { json } from '@/lib/server/queries/request';
import { readSummary } from '@/lib/server/queries/stats';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({}, async (_req, { officer }) => json(await readSummary(getDb(), officer)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
