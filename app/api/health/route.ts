// GET /api/health - liveness and database reachability, for load balancers and the test harness
import { sql } from 'drizzle-orm';
import { getDb, getHandle } from '@/lib/db/client';
import { readReplicaLag } from '@/lib/db/replica';
import { problem } from '@/lib/server/problem';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(): Promise<Response> {
  const time = new Date().toISOString();
  let database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    database = getHandle().kind;
    await getDb().execute(sql`SELECT 1`);
    return Response.json(
      { status: 'ok', database, dbReachable: true, time, replica: await readReplicaLag() },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    console.error(`[health] database unreachable: ${error instanceof Error ? error.name : typeof error}`);
    return problem(503, 'The database cannot be reached; the service cannot accept data right now.', {
      database,
      dbReachable: false,
      time,
    });
  }
}
