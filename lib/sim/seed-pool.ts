// Yields seed batches in order, built in worker threads (or in this thread when threads is 0).
// Each thread holds at most two requests, so memory stays bounded however large the seed.
import { Worker } from 'node:worker_threads';
import type { RegionPack } from '@/lib/domain/region';
import { buildSeedBatch, createSeedGenerator, type SeedBatch, type SeedPlan } from './seed-batch';

export interface BatchRange {
  first: number;
  last: number;
}

export function splitRanges(total: number, size: number): BatchRange[] {
  const ranges: BatchRange[] = [];
  for (let first = 0; first < total; first += size)
    ranges.push({ first, last: Math.min(total, first + size) });
  return ranges;
}

export async function* generateSeedBatches(
  pack: RegionPack,
  plan: SeedPlan,
  ranges: BatchRange[],
  threads: number,
): AsyncGenerator<SeedBatch> {
  if (threads <= 0) {
    const generator = createSeedGenerator(pack, plan);
    for (const r of ranges) yield buildSeedBatch(generator, r.first, r.last);
    return;
  }
  const workers = Array.from(
    { length: Math.min(threads, ranges.length) },
    () =>
      new Worker(new URL('./seed-thread-boot.mjs', import.meta.url), {
        workerData: { plan, packId: pack.id },
      }),
  );
  const pending = new Map<number, Promise<SeedBatch>>();
  const request = (k: number) => {
    const range = ranges[k];
    const worker = workers[k % workers.length];
    if (!range || !worker) return;
    pending.set(
      k,
      new Promise<SeedBatch>((resolve, reject) => {
        const onMessage = (batch: SeedBatch) => {
          if (batch.first !== range.first) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(batch);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage(range);
      }),
    );
  };
  try {
    const ahead = workers.length * 2;
    for (let k = 0; k < Math.min(ahead, ranges.length); k++) request(k);
    for (let k = 0; k < ranges.length; k++) {
      const batch = await pending.get(k);
      pending.delete(k);
      request(k + ahead);
      if (batch) yield batch;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
