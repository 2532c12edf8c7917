// Server-sent events of status changes and new lapses in the caller's scope. Stateless across
// instances: each connection polls the database for rows newer than what it has already sent
// (created_at of registration events, detected_at of lapses), re-reading a short overlap so rows
// committed late by a slower transaction are not missed, and de-duplicating by id.
import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/lib/db/client';
import { lapseKindSchema, registrationStatusSchema } from '@/lib/api/enums';
import type { LapseEvent, StatusEvent, StreamEventName } from '@/lib/api/stream';
import type { Summary } from '@/lib/api/stats';
import type { OfficerContext } from '../officer-context';
import { inScope, scopeOkrugs } from '../scope';
import { readSummary } from './stats';
import { toDate, toIso } from './values';

const OVERLAP_MS = 5_000;
const BATCH = 500;

export interface StreamOptions {
  pollMs?: number;
  heartbeatMs?: number;
  /** The server closes after this long; EventSource reconnects, and the session is checked again. */
  maxMs?: number;
}

export function formatSse(event: StreamEventName, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface Changes {
  status: (StatusEvent & { id: string })[];
  lapse: LapseEvent[];
  now: Date;
}

async function readNow(db: Db): Promise<Date> {
  const [row] = await queryRows<{ now: unknown }>(db, sql`SELECT now() AS now`);
  return row ? toDate(row.now) : new Date();
}

export async function readChangesSince(db: Db, officer: OfficerContext, since: Date): Promise<Changes> {
  const now = await readNow(db);
  const after = new Date(since.getTime() - OVERLAP_MS).toISOString();
  const [events, lapses] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`SELECT e.id, e.worker_id, e.registration_id, e.from_status, e.to_status, e.at, e.type, r.okrug
          FROM registration_events e JOIN registrations r ON r.id = e.registration_id
          WHERE e.created_at > ${after}::timestamptz AND ${inScope(officer, sql`r.okrug`)}
          ORDER BY e.created_at, e.id LIMIT ${BATCH}`,
    ),
    // Lapses are found by detection time and through the transitions they caused (whose created_at
    // is the commit-side clock), whichever sees them first.
    queryRows<Record<string, unknown>>(
      db,
      sql`SELECT l.id, l.worker_id, l.kind, l.started_at, l.okrug FROM lapses l
          WHERE l.voided_at IS NULL AND ${inScope(officer, sql`l.okrug`)}
            AND (l.detected_at > ${after}::timestamptz OR l.id IN (
              SELECT e.lapse_id FROM registration_events e
              WHERE e.created_at > ${after}::timestamptz AND e.lapse_id IS NOT NULL))
          ORDER BY l.detected_at LIMIT ${BATCH}`,
    ),
  ]);
  return {
    now,
    status: events.map((e) => ({
      workerId: String(e.worker_id),
      registrationId: String(e.registration_id),
      from: statusOrNull(e.from_status),
      to: statusOrNull(e.to_status) ?? 'active',
      at: toIso(e.at),
      okrug: e.okrug === null || e.okrug === undefined ? null : String(e.okrug),
      type: String(e.type),
      id: `e${String(e.id)}`,
    })),
    lapse: lapses.map((l) => ({
      lapseId: String(l.id),
      workerId: String(l.worker_id),
      kind: kindOf(l.kind),
      startedAt: toIso(l.started_at),
      okrug: l.okrug === null || l.okrug === undefined ? null : String(l.okrug),
    })),
  };
}

function statusOrNull(value: unknown): StatusEvent['to'] | null {
  const parsed = registrationStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
function kindOf(value: unknown): LapseEvent['kind'] {
  return lapseKindSchema.catch('signal_lost').parse(value);
}

// Many connections of the same scope share one summary read every couple of seconds.
const summaryCache = new Map<string, { at: number; value: Promise<Summary> }>();
function readSharedSummary(db: Db, officer: OfficerContext, notBefore = 0): Promise<Summary> {
  const key = JSON.stringify(scopeOkrugs(officer)?.toSorted() ?? null);
  const hit = summaryCache.get(key);
  if (hit && hit.at >= notBefore && Date.now() - hit.at < 1_500) return hit.value;
  const value = readSummary(db, officer);
  summaryCache.set(key, { at: Date.now(), value });
  value.catch(() => summaryCache.delete(key));
  return value;
}

export function createEventStream(
  db: Db,
  officer: OfficerContext,
  signal: AbortSignal,
  options: StreamOptions = {},
) {
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxMs = options.maxMs ?? 10 * 60_000;
  const encoder = new TextEncoder();
  const sent = new Map<string, number>();
  let closed = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      void run(controller);
    },
    cancel() {
      closed = true;
    },
  });

  async function run(controller: ReadableStreamDefaultController<Uint8Array>) {
    try {
      await loop(controller);
    } catch (error) {
      console.error(`[stream] stopped: ${error instanceof Error ? error.name : typeof error}`);
      if (!closed) {
        closed = true;
        controller.error(error);
      }
    }
  }

  async function loop(controller: ReadableStreamDefaultController<Uint8Array>) {
    const write = (text: string) => {
      if (!closed) controller.enqueue(encoder.encode(text));
    };
    const close = () => {
      if (closed) return;
      closed = true;
      try {
        controller.close();
      } catch {
        // already closed by the client going away
      }
    };
    signal.addEventListener('abort', close, { once: true });
    const startedAt = Date.now();
    let lastBeat = Date.now();
    let since = await readNow(db);
    write(`retry: 3000\n: connected\n\n`);
    write(formatSse('summary', await readSharedSummary(db, officer)));
    while (!closed && !signal.aborted && Date.now() - startedAt < maxMs) {
      await sleep(pollMs, signal);
      if (closed || signal.aborted) break;
      try {
        const changes = await readChangesSince(db, officer, since);
        let any = false;
        for (const { id, ...event } of changes.status) {
          if (sent.has(id)) continue;
          sent.set(id, changes.now.getTime());
          write(formatSse('status', event, id));
          any = true;
        }
        for (const event of changes.lapse) {
          const id = `l${event.lapseId}`;
          if (sent.has(id)) continue;
          sent.set(id, changes.now.getTime());
          write(formatSse('lapse', event, id));
          any = true;
        }
        if (any) write(formatSse('summary', await readSharedSummary(db, officer, Date.now())));
        since = changes.now;
        for (const [id, at] of sent) if (at < since.getTime() - 4 * OVERLAP_MS) sent.delete(id);
      } catch (error) {
        console.error(`[stream] poll failed: ${error instanceof Error ? error.name : typeof error}`);
      }
      if (Date.now() - lastBeat >= heartbeatMs) {
        write(`: heartbeat ${new Date().toISOString()}\n\n`);
        lastBeat = Date.now();
      }
    }
    close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
