// GET /api/health - liveness and database reachability with round-trip latency; 503 while the database is down
import { sql } from 'drizzle-orm';
import { getDb, getHandle } from '@/lib/db/client';
import { problem, RETRY_AFTER_SECONDS } from '@/lib/server/problem';
import { refuseOtherMethods } from '@/lib/server/method-not-allowed';
import { readReplicaLag } from '@/lib/db/replica';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// A load balancer polls this often: it must answer within its own probe timeout even when the
// database hangs rather than refuses.
const CHECK_TIMEOUT_MS = Number(process.env.HEALTH_DB_TIMEOUT_MS ?? 2_000);

async function pingDatabase(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health check timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([getDb().execute(sql`SELECT 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function GET(): Promise<Response> {
  const time = new Date().toISOString();
  const started = performance.now();
  let database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    database = getHandle().kind;
    await pingDatabase();
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json(
      {
        status: 'ok',
        database,
        dbReachable: true,
        databaseStatus: 'up',
        latencyMs,
        time,
        replica: await readReplicaLag(),
      },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    console.error(`[health] database unreachable: ${error instanceof Error ? error.name : typeof error}`);
    const latencyMs = Math.round(performance.now() - started);
    return problem(
      503,
      'The database cannot be reached; the service cannot accept data right now.',
      { database, dbReachable: false, databaseStatus: 'down', latencyMs, time },
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods('GET');
