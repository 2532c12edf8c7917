// GET /api/v1/stream: server-sent events (status, lapse, summary) in the caller's okrugs. No
// personal data in events. Closes when the client goes away, and after ten minutes so that the
// browser reconnects and the session is checked again.
import { getDb } from '@/lib/db/client';
import { officerRoute } from '@/lib/server/officer-route';
import { createEventStream } from '@/lib/server/queries/stream';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = officerRoute({ roles: ['officer', 'supervisor'] }, async (req, { officer }) => {
  const stream = createEventStream(getDb(), officer, req.signal);
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
