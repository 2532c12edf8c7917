import { getDb, queryRows, closeDb } from '@/lib/db/client';
import { sql } from 'drizzle-orm';
const db = getDb();
const qs = process.argv.slice(2);
for (const q of qs) { console.log(q); console.table(await queryRows(db, sql.raw(q))); }
await closeDb();
