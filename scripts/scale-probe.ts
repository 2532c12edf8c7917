// Timings of map-cell upkeep and worker search on whatever population the database holds (issue
// 10, items 4 and 6): a full build of map_cells, then N status changes and the incremental fold,
// beside the full build; then the median of a few runs of typical officer searches.
//   DATABASE_URL=... npx tsx --conditions=react-server scripts/scale-probe.ts --changes 10000
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getHandle, queryRows } from '../lib/db/client';
import { migrate } from '../lib/db/migrate';
import { refreshMapCells } from '../lib/server/map-cells';
import type { OfficerContext } from '../lib/server/officer-context';
import { listWorkers } from '../lib/server/queries/workers';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '10000' } } });
const changes = Number(values.changes);
const db = getDb();
await migrate(db);
const supervisor: OfficerContext = {
  officerId: 's',
  username: 's',
  name: 'S',
  role: 'supervisor',
  okrugs: null,
};

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, Math.round(performance.now() - started)];
}

async function median(run: () => Promise<unknown>, times = 5): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push((await timed(run))[1]);
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
}

const [[population]] = await Promise.all([
  queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM worker_status WHERE status <> 'none'`),
]);
const report: Record<string, unknown> = { database: getHandle().kind, workersOnMap: population?.n };

const [first, firstMs] = await timed(() => refreshMapCells(db));
report.firstRun = { mode: first.mode, ms: firstMs, rows: first.rows };
const [full, fullMs] = await timed(() => refreshMapCells(db, { full: true }));
report.fullBuildMs = fullMs;
report.cellRows = full.rows;

// N status changes as the sweep would make them: active -> interrupted, in one statement.
const [, updateMs] = await timed(() =>
  db.execute(sql`UPDATE worker_status SET status = 'interrupted', status_since = now()
    WHERE worker_id IN (SELECT worker_id FROM worker_status WHERE status = 'active' LIMIT ${changes})`),
);
const [fold, foldMs] = await timed(() => refreshMapCells(db));
report.statusChanges = { count: changes, updateWithTriggerMs: updateMs, foldMode: fold.mode, foldMs };
const [, idleFoldMs] = await timed(() => refreshMapCells(db));
report.idleFoldMs = idleFoldMs;

const searches: Record<string, number> = {};
for (const q of ['Саргсян Давид', 'Abdullayev Bekzod', 'Саркисян', 'Juraev', '8 90 1234', 'SC12345', 'Аб']) {
  searches[q] = await median(() => listWorkers(db, supervisor, { q, limit: 50 }));
}
searches['(no search, first page)'] = await median(() => listWorkers(db, supervisor, { limit: 50 }));
report.searchMedianMs = searches;
const [top] = (await listWorkers(db, supervisor, { q: 'Саргсян Давид', limit: 1 })).items;
report.topForSargsyanDavid = top?.fullNameLatin;
console.log(JSON.stringify(report, null, 1));
await closeDb();
