import 'server-only';
// Group commit for the ingest server: single-fix requests from many phones that arrive within a
// few milliseconds are written in one transaction, and each request is answered only after that
// transaction commits. Each request is validated before it joins, so a group fails only on a
// database error; then every member is retried on its own and only the culprit fails.
import type { Db } from '@/lib/db/client';
import type { IngestResult } from './engine-api';
import { ingestPositionGroup, type PositionUpload, type UploadOutcome } from './ingest-positions';
import type { TxRunner } from './ingest-transaction';

export interface GroupCommitOptions {
  /** How long the first request of a group waits for others. */
  windowMs?: number;
  /** Uploads per transaction at most. */
  maxMembers?: number;
  /** Transactions in flight at once (each holds one pooled connection). */
  maxInFlight?: number;
  /** How each group's transaction runs (drizzle's by default). */
  transactions?: TxRunner;
}

interface Waiting {
  upload: PositionUpload;
  /** performance.now() when it was submitted. */
  at: number;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  groups: number;
  members: number;
  retries: number;
  /** Summed over members: ms from submit to the start of their transaction, and in it. */
  waitMs: number;
  commitMs: number;
}

export class GroupCommitter {
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  /** Workers whose upload is in a transaction now: their next upload waits, so each phone's order holds. */
  private busy = new Set<string>();
  readonly stats: GroupCommitStats = { groups: 0, members: 0, retries: 0, waitMs: 0, commitMs: 0 };
  private readonly windowMs: number;
  private readonly maxMembers: number;
  private readonly maxInFlight: number;
  private readonly transactions: TxRunner | undefined;

  constructor(
    private readonly db: Db,
    options: GroupCommitOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 5;
    this.maxMembers = options.maxMembers ?? 200;
    this.maxInFlight = options.maxInFlight ?? 4;
    this.transactions = options.transactions;
  }

  submit(upload: PositionUpload): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ upload, at: performance.now(), resolve, reject });
      if (this.queue.length >= this.maxMembers) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length && this.inFlight < this.maxInFlight) {
      const group = this.takeGroup();
      if (!group.length) break;
      this.inFlight++;
      for (const w of group) this.busy.add(w.upload.device.workerId);
      void this.commit(group).finally(() => {
        this.inFlight--;
        for (const w of group) this.busy.delete(w.upload.device.workerId);
        // Whatever queued while this group committed has already waited: send it at once.
        if (this.queue.length) this.flush();
      });
    }
  }

  // One upload per worker in a group, none for a worker still committing: the next upload of the
  // same worker must see this one's state.
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const workers = new Set<string>();
    for (const w of this.queue) {
      const id = w.upload.device.workerId;
      if (group.length < this.maxMembers && !workers.has(id) && !this.busy.has(id)) {
        workers.add(id);
        group.push(w);
      } else rest.push(w);
    }
    this.queue = rest;
    return group;
  }

  private async commit(group: Waiting[]): Promise<void> {
    this.stats.groups++;
    this.stats.members += group.length;
    const started = performance.now();
    for (const w of group) this.stats.waitMs += started - w.at;
    let outcomes: UploadOutcome[];
    try {
      outcomes = await ingestPositionGroup(
        this.db,
        group.map((w) => w.upload),
        new Date(),
        this.transactions,
      );
      this.stats.commitMs += (performance.now() - started) * group.length;
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // A data error in one member rolled the group back: nothing was stored, so each member is
      // retried alone and only the one that fails again is refused.
      this.stats.retries++;
      await Promise.all(group.map((w) => this.commit([w])));
      return;
    }
    group.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) w.resolve(outcome.result);
      else w.reject(outcome ? outcome.error : new Error('no outcome for a group member'));
    });
  }
}
