// Runs once when a server instance starts: brings the schema up to date, then starts the sweep and
// purge timers. Skipped in the edge runtime, which has no database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request reaches a handler without its socket address (see lib/auth/peer-stamp.ts).
  const { installPeerStamp } = await import('./lib/auth/peer-stamp');
  installPeerStamp();
  const { getDb } = await import('./lib/db/client');
  const { migrate } = await import('./lib/db/migrate');
  const { startServerJobs } = await import('./lib/server/jobs');
  if (process.env.SKIP_MIGRATE !== '1') await migrate(getDb());
  startServerJobs();
}
