// Reads the live feed in commit order without losing rows to transactions that commit late.
// Every status event and lapse records the id of the transaction that wrote it (feed_xid, migration
// 0008_feed). A read takes a snapshot of the transactions then running; rows of transactions that
// had finished by then are read in pages by (feed_xid, id). Transactions still running are kept as
// pending and read once they have finished, so nothing is skipped and nothing is read twice.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, registrationStatusSchema } from '@/lib/api/enums';
import type { LapseEvent, StatusEvent } from '@/lib/api/stream';
import { toIso } from '../queries/values';

export type FeedItem =
  | { kind: 'status'; id: string; okrug: string | null; event: StatusEvent }
  | { kind: 'lapse'; id: string; okrug: string | null; event: LapseEvent };

/** Where the feed stands: everything below `next` is read except the transactions in `pending`. */
export interface FeedCursor {
  next: bigint;
  pending: bigint[];
}

interface Snapshot {
  xmax: bigint;
  running: bigint[];
}

export interface FeedReadStats {
  queries: number;
  rows: number;
}

async function readSnapshot(db: Db, stats: FeedReadStats): Promise<Snapshot> {
  stats.queries++;
  const [row] = await queryRows<{ xmax: string; running: string | null }>(
    db,
    sql`SELECT pg_snapshot_xmax(s)::text AS xmax,
          (SELECT string_agg(x::text, ',') FROM pg_snapshot_xip(s) x) AS running
        FROM pg_current_snapshot() s`,
  );
  const running = row?.running ? row.running.split(',').map((x) => BigInt(x)) : [];
  return { xmax: BigInt(row?.xmax ?? '0'), running };
}

/** The feed starts at the present: what has committed so far is not replayed. */
export async function openFeedCursor(db: Db, stats: FeedReadStats): Promise<FeedCursor> {
  const snap = await readSnapshot(db, stats);
  return { next: snap.xmax, pending: snap.running };
}

const bigintArray = (values: bigint[]) => sql`${`{${values.join(',')}}`}::bigint[]`;

function eventsPage(where: SQL, after: [string, string], limit: number): SQL {
  return sql`SELECT e.feed_xid::text AS xid, e.id::text AS key, e.worker_id, e.registration_id,
        e.from_status, e.to_status, e.at, e.type, r.okrug
      FROM registration_events e JOIN registrations r ON r.id = e.registration_id
      WHERE ${where} AND (e.feed_xid, e.id) > (${after[0]}::bigint, ${after[1]}::bigint)
      ORDER BY e.feed_xid, e.id LIMIT ${limit}`;
}

function lapsesPage(where: SQL, after: [string, string], limit: number): SQL {
  return sql`SELECT l.feed_xid::text AS xid, l.id::text AS key, l.worker_id, l.kind, l.started_at, l.okrug
      FROM lapses l
      WHERE ${where} AND l.voided_at IS NULL
        AND (l.feed_xid, l.id) > (${after[0]}::bigint, ${after[1]}::uuid)
      ORDER BY l.feed_xid, l.id LIMIT ${limit}`;
}

type Row = Record<string, unknown> & { xid: string; key: string };

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toStatus(r: Row): FeedItem {
  const from = registrationStatusSchema.safeParse(r.from_status);
  return {
    kind: 'status',
    id: `e${r.key}`,
    okrug: text(r.okrug),
    event: {
      workerId: String(r.worker_id),
      registrationId: String(r.registration_id),
      from: from.success ? from.data : null,
      to: registrationStatusSchema.catch('active').parse(r.to_status),
      at: toIso(r.at),
      okrug: text(r.okrug),
      type: String(r.type),
    },
  };
}

function toLapse(r: Row): FeedItem {
  return {
    kind: 'lapse',
    id: `l${r.key}`,
    okrug: text(r.okrug),
    event: {
      lapseId: String(r.key),
      workerId: String(r.worker_id),
      kind: lapseKindSchema.catch('signal_lost').parse(r.kind),
      startedAt: toIso(r.started_at),
      okrug: text(r.okrug),
    },
  };
}

/**
 * Reads everything that became visible since `cursor`, page by page, handing each page to `deliver`
 * as it arrives (a burst larger than a page arrives over several reads), and returns the new cursor.
 */
export async function readFeed(
  db: Db,
  cursor: FeedCursor,
  pageSize: number,
  deliver: (items: FeedItem[]) => void,
  stats: FeedReadStats,
): Promise<FeedCursor> {
  const snap = await readSnapshot(db, stats);
  const stillRunning = new Set(snap.running);
  const finished = cursor.pending.filter((x) => !stillRunning.has(x));
  const pending = snap.running.filter((x) => x >= cursor.next || cursor.pending.includes(x));
  if (snap.xmax === cursor.next && finished.length === 0) return { next: cursor.next, pending };

  const segments: ((alias: string) => SQL)[] = [
    (t) =>
      sql`${sql.raw(t)}.feed_xid >= ${cursor.next.toString()}::bigint
        AND ${sql.raw(t)}.feed_xid < ${snap.xmax.toString()}::bigint
        AND NOT (${sql.raw(t)}.feed_xid = ANY(${bigintArray(snap.running)}))`,
  ];
  if (finished.length) segments.push((t) => sql`${sql.raw(t)}.feed_xid = ANY(${bigintArray(finished)})`);
  for (const segment of segments) {
    await readPages(
      db,
      (after) => eventsPage(segment('e'), after, pageSize),
      pageSize,
      toStatus,
      deliver,
      stats,
    );
    await readPages(
      db,
      (after) => lapsesPage(segment('l'), after, pageSize),
      pageSize,
      toLapse,
      deliver,
      stats,
      '00000000-0000-0000-0000-000000000000',
    );
  }
  return { next: snap.xmax, pending };
}

async function readPages(
  db: Db,
  page: (after: [string, string]) => SQL,
  pageSize: number,
  map: (row: Row) => FeedItem,
  deliver: (items: FeedItem[]) => void,
  stats: FeedReadStats,
  firstKey = '0',
): Promise<void> {
  let after: [string, string] = ['0', firstKey];
  for (;;) {
    stats.queries++;
    const rows = await queryRows<Row>(db, page(after));
    stats.rows += rows.length;
    if (rows.length) deliver(rows.map(map));
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = [last.xid, last.key];
  }
}
