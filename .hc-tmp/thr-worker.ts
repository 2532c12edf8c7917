import { parentPort, workerData } from 'node:worker_threads';
import { createRng } from '@/lib/sim/rng';
const r = createRng(42);
parentPort!.postMessage({ n: (workerData as { n: number }).n, x: r.next() });
