import { closeDb, getDb, getHandle } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';

const applied = await migrate(getDb());
console.log(`[migrate] ${getHandle().kind}: ${applied.length ? applied.join(', ') : 'up to date'}`);
await closeDb();
