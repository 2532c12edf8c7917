// Drives a running ingest server with the bench's phones (seeded tokens) for quick local runs:
//   DATABASE_URL unused; npx tsx scripts/bench/drive-ingest.ts --url http://127.0.0.1:3001 --seed 42
//     --workers 10000 --phones 5000 --concurrency 32 --seconds 10 --mode osmand|batch10|floor
import { parseArgs } from 'node:util';
import { runLoad } from './load-client';
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
  },
});
const seed = Number(values.seed);
const ctx = createSimContext(loadRegionPack(), seed, new Date());
const phones: BenchPhone[] = Array.from({ length: Number(values.phones) }, (_, i) => {
  const w = generatePerson(ctx, i);
  return { token: deriveDeviceToken(seed, i), lat: w.home.lat, lon: w.home.lon, last: 0 };
});
const batch = values.mode === 'batch10';
const r = await runLoad({
  base: values.url!,
  concurrency: Number(values.concurrency),
  seconds: Number(values.seconds),
  next: (k) => (batch ? buildBatchRequest(phones, k, 10) : buildOsmAndRequest(phones, k)),
  count: batch ? countAccepted : countOsmAnd,
});
console.log(
  `${values.mode} c=${values.concurrency}: ${r.rps.toFixed(0)} req/s, ${r.unitsPerSecond.toFixed(0)} fixes/s, p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}`,
);
