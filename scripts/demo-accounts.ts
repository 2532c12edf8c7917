// Creates the demo accounts (one per role) if they are missing and prints them. Used by the demo
// (DEMO=1), the browser tests and the integration suite; never needed in a real deployment.
import { closeDb, getDb } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { ensureDemoAccounts } from '../lib/server/demo-accounts';

await migrate(getDb());
const accounts = await ensureDemoAccounts(getDb());
console.log('[demo-accounts] sign in with any of these (demo only):');
for (const a of accounts) {
  console.log(
    `  ${a.username.padEnd(12)} ${a.password}  ${a.role}${a.okrugs.length ? ` (${a.okrugs.join(', ')})` : ''}`,
  );
}
await closeDb();
