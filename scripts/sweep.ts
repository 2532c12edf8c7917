// Runs the lapse sweep once (and the retention purge with --purge), for cron or by hand. With the
// embedded database, stop the server first: PGlite serves one process at a time.
import { closeDb, getDb } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { runRetentionPurge } from '../lib/server/jobs';
import { runSweep } from '../lib/server/sweep';

await migrate(getDb());
const result = await runSweep(getDb());
console.log(`[sweep] ${JSON.stringify(result)}`);
if (process.argv.includes('--purge'))
  console.log(`[purge] dropped: ${(await runRetentionPurge()).join(', ') || 'nothing'}`);
await closeDb();
