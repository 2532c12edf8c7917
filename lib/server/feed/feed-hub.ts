// One live feed per server instance: a single poller reads new status events and lapses (see
// feed-reader.ts) and fans them out to every open stream whose officer may see the okrug. The
// database work per tick is the same with one stream open or five hundred; summaries are read once
// per okrug scope, not once per stream.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { Summary } from '@/lib/api/stats';
import type { OfficerContext } from '../officer-context';
import { isOkrugInScope, scopeOkrugs } from '../scope';
import { readSummary } from '../queries/stats';
import { type FeedCursor, type FeedItem, type FeedReadStats, openFeedCursor, readFeed } from './feed-reader';

export interface FeedSubscriber {
  officer: OfficerContext;
  /** Called with the items in the officer's scope; never with an empty list. */
  onItems: (items: FeedItem[]) => void;
  /** Called after a tick that delivered items, with the fresh summary of the officer's scope. */
  onSummary: (summary: Summary) => void;
  /** Called on every tick, so streams can send heartbeats and close on time without own timers. */
  onTick?: () => void;
}

export interface FeedHubOptions {
  pollMs?: number;
  pageSize?: number;
}

export interface FeedStats extends FeedReadStats {
  ticks: number;
  summaries: number;
  subscribers: number;
}

const SUMMARY_TTL_MS = 1_500;

export function scopeKey(officer: OfficerContext): string {
  return JSON.stringify(scopeOkrugs(officer)?.toSorted() ?? null);
}

export class FeedHub {
  readonly stats: FeedStats = { ticks: 0, queries: 0, rows: 0, summaries: 0, subscribers: 0 };
  private readonly subscribers = new Set<FeedSubscriber>();
  private readonly summaries = new Map<string, { at: number; value: Promise<Summary> }>();
  private cursor: Promise<FeedCursor> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  readonly pollMs: number;
  readonly pageSize: number;

  constructor(
    private readonly db: Db,
    options: FeedHubOptions = {},
  ) {
    this.pollMs = options.pollMs ?? Number(process.env.STREAM_POLL_MS ?? 2_000);
    this.pageSize = options.pageSize ?? 500;
  }

  /** Adds a stream; resolves once the feed position is fixed, so later commits reach it. */
  async subscribe(subscriber: FeedSubscriber): Promise<() => void> {
    this.subscribers.add(subscriber);
    this.stats.subscribers = this.subscribers.size;
    this.cursor ??= openFeedCursor(this.db, this.stats);
    try {
      await this.cursor;
    } catch (error) {
      this.cursor = null;
      this.unsubscribe(subscriber);
      throw error;
    }
    this.schedule();
    return () => this.unsubscribe(subscriber);
  }

  private unsubscribe(subscriber: FeedSubscriber): void {
    this.subscribers.delete(subscriber);
    this.stats.subscribers = this.subscribers.size;
    if (this.subscribers.size === 0 && this.timer) {
      // Nobody listens: stop polling. The next stream starts from the present again.
      clearTimeout(this.timer);
      this.timer = null;
      if (!this.running) this.cursor = null;
    }
  }

  /** The summary of an officer's scope, shared by every stream of that scope for a moment. */
  summaryFor(officer: OfficerContext, notBefore = 0): Promise<Summary> {
    const key = scopeKey(officer);
    const hit = this.summaries.get(key);
    if (hit && hit.at >= notBefore && Date.now() - hit.at < SUMMARY_TTL_MS) return hit.value;
    this.stats.summaries++;
    const value = readSummary(this.db, officer);
    this.summaries.set(key, { at: Date.now(), value });
    value.catch(() => this.summaries.delete(key));
    return value;
  }

  private schedule(): void {
    if (this.timer || this.running || this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, this.pollMs);
    this.timer.unref();
  }

  /** One read of the feed for all subscribers. Exposed so tests can step the feed. */
  async tick(): Promise<void> {
    if (this.running || !this.cursor) return;
    this.running = true;
    this.stats.ticks++;
    const reached = new Set<FeedSubscriber>();
    try {
      const from = await this.cursor;
      const next = await readFeed(
        this.db,
        from,
        this.pageSize,
        (items) => this.fanOut(items, reached),
        this.stats,
      );
      this.cursor = Promise.resolve(next);
      await this.sendSummaries(reached);
    } catch (error) {
      // The cursor is unchanged, so the next tick reads the same rows again.
      console.error(`[feed] read failed: ${error instanceof Error ? error.name : typeof error}`);
    } finally {
      this.running = false;
    }
    for (const s of this.subscribers) s.onTick?.();
    if (this.subscribers.size === 0) this.cursor = null;
    this.schedule();
  }

  private fanOut(items: FeedItem[], reached: Set<FeedSubscriber>): void {
    for (const s of this.subscribers) {
      const mine = items.filter((item) => isOkrugInScope(s.officer, item.okrug));
      if (mine.length === 0) continue;
      reached.add(s);
      s.onItems(mine);
    }
  }

  private async sendSummaries(reached: Set<FeedSubscriber>): Promise<void> {
    const now = Date.now();
    for (const s of reached) {
      if (!this.subscribers.has(s)) continue;
      s.onSummary(await this.summaryFor(s.officer, now));
    }
  }
}

// One hub per database handle, kept across Next's module reloading like the handle itself.
const globalKey = Symbol.for('regwatch.feed-hubs');
type GlobalWithHubs = typeof globalThis & { [globalKey]?: WeakMap<Db, FeedHub> };

export function getFeedHub(db: Db): FeedHub {
  const g = globalThis as GlobalWithHubs;
  g[globalKey] ??= new WeakMap();
  let hub = g[globalKey].get(db);
  if (!hub) {
    hub = new FeedHub(db);
    g[globalKey].set(db, hub);
  }
  return hub;
}
