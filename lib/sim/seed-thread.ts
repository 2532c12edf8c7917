// Worker-thread side of the seed: builds the batches the main thread asks for, so simulating and
// formatting run on another core while the main thread loads the previous batch into the database.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegionPack } from '@/lib/region/load-pack';
import { buildSeedBatch, createSeedGenerator, type SeedPlan } from './seed-batch';

const data = workerData as { plan: SeedPlan; packId: string };
const generator = createSeedGenerator(loadRegionPack(data.packId), data.plan);

parentPort?.on('message', (range: { first: number; last: number }) => {
  const batch = buildSeedBatch(generator, range.first, range.last);
  // Hand the big byte buffers over instead of copying them.
  const transfer = Object.values(batch.texts).map((t) => t.buffer as ArrayBuffer);
  parentPort?.postMessage(batch, transfer);
});
