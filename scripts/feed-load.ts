// Database load of the live feed with N streams open (issue 10, item 3). Opens N in-process event
// streams on the instance's one feed, writes a trickle of status events for a while, and reports
// the feed's own query count and, on PostgreSQL, the transactions the database committed
// (pg_stat_database.xact_commit) over the run, next to the number of streams.
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/feed-load.ts --streams 500 --seconds 20
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getHandle, queryRows } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { getFeedHub } from '../lib/server/feed/feed-hub';
import type { OfficerContext } from '../lib/server/officer-context';
import { createEventStream } from '../lib/server/queries/stream';

const { values } = parseArgs({
  options: { streams: { type: 'string', default: '500' }, seconds: { type: 'string', default: '20' } },
});
const streams = Number(values.streams);
const seconds = Number(values.seconds);
const db = getDb();
await migrate(db);

const [reg] = await queryRows<{ id: string; worker_id: string }>(
  db,
  sql`SELECT id, worker_id FROM registrations LIMIT 1`,
);
if (!reg) throw new Error('feed-load needs one registration: run npm run seed first (any size).');

async function commits(): Promise<number | null> {
  if (getHandle().kind !== 'postgres') return null;
  const [row] = await queryRows<{ n: string }>(
    db,
    sql`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(row?.n ?? 0);
}

const officers: OfficerContext[] = [
  { officerId: 's', username: 's', name: 'S', role: 'supervisor', okrugs: null },
  { officerId: 'o', username: 'o', name: 'O', role: 'officer', okrugs: ['TsAO'] },
  { officerId: 'p', username: 'p', name: 'P', role: 'officer', okrugs: ['YuAO', 'ZAO'] },
];
const controllers: AbortController[] = [];
let bytes = 0;
for (let i = 0; i < streams; i++) {
  const controller = new AbortController();
  controllers.push(controller);
  const reader = createEventStream(db, officers[i % officers.length]!, controller.signal).getReader();
  void (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      bytes += chunk.value.byteLength;
    }
  })();
}
const hub = getFeedHub(db);
await new Promise((resolve) => setTimeout(resolve, 500));
const before = { commits: await commits(), ...hub.stats };
const started = Date.now();
let written = 0;
while (Date.now() - started < seconds * 1000) {
  await db.execute(sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor)
    VALUES (${reg.id}::uuid, ${reg.worker_id}::uuid, now(), 'feed_load', 'active', 'active', 'load', 'load')`);
  written++;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await new Promise((resolve) => setTimeout(resolve, hub.pollMs + 500));
const after = { commits: await commits(), ...hub.stats };
controllers.forEach((c) => c.abort());
const commitsPerSecond =
  before.commits === null || after.commits === null
    ? 'n/a (PGlite)'
    : ((after.commits - before.commits - written - 2) / seconds).toFixed(1);
console.log(
  JSON.stringify({
    database: getHandle().kind,
    streams,
    seconds,
    eventsWritten: written,
    feedTicks: after.ticks - before.ticks,
    feedQueries: after.queries - before.queries,
    summaryReads: after.summaries - before.summaries,
    dbCommitsPerSecondBesidesWrites: commitsPerSecond,
    bytesSent: bytes,
  }),
);
await closeDb();
