// Server-sent events of status changes and new lapses in the caller's scope. Each connection is a
// subscriber of the instance's one live feed (lib/server/feed): connections add no database reads
// of their own apart from a summary shared by every connection of the same okrug scope.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { StreamEventName } from '@/lib/api/stream';
import type { OfficerContext } from '../officer-context';
import { type FeedHub, getFeedHub } from '../feed/feed-hub';

export interface StreamOptions {
  heartbeatMs?: number;
  /** The server closes after this long; EventSource reconnects, and the session is checked again. */
  maxMs?: number;
  /** The feed to subscribe to; the instance's own by default. */
  hub?: FeedHub;
}

// A client that reads slower than events arrive is dropped rather than buffered without end; its
// EventSource reconnects and carries on from the present.
const MAX_QUEUED_CHUNKS = 2_000;

export function formatSse(event: StreamEventName, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createEventStream(
  db: Db,
  officer: OfficerContext,
  signal: AbortSignal,
  options: StreamOptions = {},
): ReadableStream<Uint8Array> {
  const hub = options.hub ?? getFeedHub(db);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxMs = options.maxMs ?? 10 * 60_000;
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: (() => void) | null = null;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const startedAt = Date.now();
      let lastBeat = startedAt;
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const write = (text: string) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return close();
        controller.enqueue(encoder.encode(text));
      };
      signal.addEventListener('abort', close, { once: true });
      write(`retry: 3000\n: connected\n\n`);
      const subscribed = hub.subscribe({
        officer,
        onItems: (items) => {
          for (const item of items) write(formatSse(item.kind, item.event, item.id));
        },
        onSummary: (summary) => write(formatSse('summary', summary)),
        onTick: () => {
          if (Date.now() - startedAt >= maxMs) return close();
          if (Date.now() - lastBeat >= heartbeatMs) {
            write(`: heartbeat ${new Date().toISOString()}\n\n`);
            lastBeat = Date.now();
          }
        },
      });
      void subscribed
        .then(async (stop) => {
          unsubscribe = stop;
          if (closed || signal.aborted) {
            stop();
            return close();
          }
          write(formatSse('summary', await hub.summaryFor(officer)));
        })
        .catch((error: unknown) => {
          console.error(`[stream] stopped: ${error instanceof Error ? error.name : typeof error}`);
          if (closed) return;
          closed = true;
          unsubscribe?.();
          controller.error(error);
        });
    },
    cancel() {
      closed = true;
      unsubscribe?.();
    },
  });
}
