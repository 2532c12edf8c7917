import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('./thr-boot.mjs', import.meta.url), { workerData: { n: 3 } });
w.on('message', (m) => console.log('main got', m));
w.on('error', (e) => console.log('error', e.message));
w.on('exit', (c) => console.log('exit', c));
