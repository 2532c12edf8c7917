// Drives a running ingest server with the bench's phones (seeded tokens) for quick local runs, with
// the HTTP floor (a bare node:http server, bench/floor-server.mjs) measured first in the same run so
// the figure can be read as a ratio on a shared machine:
//   npx tsx scripts/bench/drive-ingest.ts --url http://127.0.0.1:3001 --seed 42
//     --phones 5000 --concurrency 32 --seconds 10 --mode osmand|batch10 [--floor-port 3499]
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad, type LoadResult } from './load-client';
import { buildBatchRequest, buildOsmAndRequest, countAccepted, countOsmAnd, type BenchPhone } from './phones';
import { loadRegionPack } from '../../lib/region/load-pack';
import { createSimContext, deriveDeviceToken, generatePerson } from '../../lib/sim/population';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3001' },
    seed: { type: 'string', default: '42' },
    phones: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    mode: { type: 'string', default: 'osmand' },
    'floor-port': { type: 'string' },
  },
});
const seed = Number(values.seed);
const ctx = createSimContext(loadRegionPack(), seed, new Date());
const phones: BenchPhone[] = Array.from({ length: Number(values.phones) }, (_, i) => {
  const w = generatePerson(ctx, i);
  return { token: deriveDeviceToken(seed, i), lat: w.home.lat, lon: w.home.lon, last: 0 };
});
const batch = values.mode === 'batch10';
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
const line = (label: string, r: LoadResult) =>
  `${label} c=${concurrency}: ${r.rps.toFixed(0)} req/s, ${r.unitsPerSecond.toFixed(0)} fixes/s, p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}`;

let floor: LoadResult | null = null;
if (values['floor-port']) {
  const port = values['floor-port'];
  const child = fork(path.join(import.meta.dirname, 'floor-server.mjs'), [port], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('message', resolve));
  floor = await runLoad({
    base: `http://127.0.0.1:${port}`,
    concurrency,
    seconds,
    next: (k) => buildOsmAndRequest(phones, k),
  });
  child.kill('SIGTERM');
  console.log(line('floor', floor));
}
const r = await runLoad({
  base: values.url!,
  concurrency,
  seconds,
  next: (k) => (batch ? buildBatchRequest(phones, k, 10) : buildOsmAndRequest(phones, k)),
  count: batch ? countAccepted : countOsmAnd,
});
console.log(line(values.mode!, r));
if (floor) console.log(`ratio to floor: ${((100 * r.rps) / floor.rps).toFixed(1)} %`);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
