import 'server-only';
// Background jobs of a server instance: the lapse sweep every few seconds and the hourly retention
// purge. Every instance runs the timers; the database locks make sure the work happens once.
import { getDb } from '@/lib/db/client';
import { dropExpiredPartitions, ensurePositionPartitions } from '@/lib/db/partitions';
import { getCurrentPolicy } from './policy';
import { learnMapCellsBuild, refreshMapCells } from './map-cells';
import { learnHeatCellsBuild, refreshHeatCells } from './heat-cells';
import { runInSlot } from './job-slots';
import { runSweep } from './sweep';
import { readChannels } from './notify/channels';
import { dispatchNotifications } from './notify/dispatch';
import { classifyDatabaseError } from './problem';

const globalKey = Symbol.for('regwatch.jobs');
type GlobalWithJobs = typeof globalThis & { [globalKey]?: NodeJS.Timeout[] };

export async function runRetentionPurge(now = new Date()): Promise<string[]> {
  const db = getDb();
  const policy = await getCurrentPolicy(db, true);
  await ensurePositionPartitions(db, now, policy.retentionDays);
  return dropExpiredPartitions(db, new Date(now.getTime() - policy.retentionDays * 86_400_000));
}

// `otherwise` runs on the instances that did not win the interval's slot.
function every(
  ms: number,
  name: string,
  job: () => Promise<unknown>,
  otherwise?: () => Promise<unknown>,
): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runInSlot(getDb(), name, ms, job)
      .then((ran) => (ran ? undefined : otherwise?.()))
      .catch((e: unknown) =>
        // Only the class and SQLSTATE: a driver's message can carry the query's parameters.
        console.error(`[jobs] ${name} failed: ${describeFailure(e)}`),
      )
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

export function startServerJobs(): void {
  const g = globalThis as GlobalWithJobs;
  if (g[globalKey] || process.env.DISABLE_JOBS === '1') return;
  const sweepMs = Number(process.env.SWEEP_INTERVAL_MS ?? 10_000);
  // Clusters can use the pre-aggregated cells from the start rather than after the first interval.
  void refreshMapCells(getDb())
    .then(() => refreshHeatCells(getDb()))
    .catch(() => console.error('[jobs] map cells failed at start-up'));
  g[globalKey] = [
    every(sweepMs, 'sweep', () => runSweep(getDb())),
    every(Number(process.env.PURGE_INTERVAL_MS ?? 3_600_000), 'retention purge', () => runRetentionPurge()),
    every(
      Number(process.env.MAP_CELLS_INTERVAL_MS ?? 15_000),
      'map cells',
      // The heat cells (lapses) fold in the same run, after the address cells.
      async () => [await refreshMapCells(getDb()), await refreshHeatCells(getDb())],
      async () => [await learnMapCellsBuild(getDb()), await learnHeatCellsBuild(getDb())],
    ),
  ];
  // Push gateways (NOTIFY_CHANNELS); the built-in device channel is pulled by the phone.
  const channels = readChannels();
  if (channels.some((c) => c.send)) {
    g[globalKey].push(
      every(Number(process.env.NOTIFY_INTERVAL_MS ?? 15_000), 'notifications', () =>
        dispatchNotifications(getDb(), channels),
      ),
    );
  }
}

function describeFailure(e: unknown): string {
  const db = classifyDatabaseError(e);
  if (db) return `database ${db.kind} (${db.code})`;
  return e instanceof Error ? e.name : 'unknown error';
}
