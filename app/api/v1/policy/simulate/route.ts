// POST /api/v1/policy/simulate {lapseAfterSeconds, graceSeconds, from, to}: replays recorded
// history in the caller's okrugs through the engine's lifecycle under the given thresholds, the
// current policy and the presets, per day, beside the recorded counts; bounded by window and time.
import { getDb } from '@/lib/db/client';
import { simulateBodySchema } from '@/lib/api/policy';
import { recordAudit } from '@/lib/server/audit';
import { readJsonBody } from '@/lib/server/body';
import { officerRoute } from '@/lib/server/officer-route';
import { getCurrentPolicy } from '@/lib/server/policy';
import { simulatePolicy } from '@/lib/server/queries/policy-simulate';
import { json } from '@/lib/server/queries/request';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const body = await readJsonBody(req, simulateBodySchema, 20_000);
  const db = getDb();
  const policy = await getCurrentPolicy(db, true);
  const result = await simulatePolicy(db, officer, {
    given: { lapseAfterSeconds: body.lapseAfterSeconds, graceSeconds: body.graceSeconds },
    current: policy,
    from: body.from,
    to: body.to,
    retentionDays: policy.retentionDays,
  });
  await recordAudit(db, {
    officer,
    action: 'policy.simulate',
    targetType: 'policy',
    targetId: String(policy.version),
    detail: {
      given: result.given,
      current: result.current,
      recorded: result.recorded,
      from: result.from,
      to: result.to,
      elapsedMs: result.elapsedMs,
    },
  });
  return json(result);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('POST');
