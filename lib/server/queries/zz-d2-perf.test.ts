import { test } from 'vitest';
import { getDb } from '@/lib/db/client';
import { readClusters } from '@/lib/server/queries/clusters';
import { listWorkers } from '@/lib/server/queries/workers';
import { readSummary } from '@/lib/server/queries/stats';
import type { OfficerContext } from '@/lib/server/officer-context';
const sup: OfficerContext = { officerId: 's', username: 's', name: 's', role: 'supervisor', okrugs: null };
const off: OfficerContext = { officerId: 'o', username: 'o', name: 'o', role: 'officer', okrugs: ['TsAO', 'ZAO'] };
async function time(name: string, fn: () => Promise<unknown>, n = 5) {
  const ts: number[] = [];
  let out: unknown;
  for (let i = 0; i < n; i++) { const t = performance.now(); out = await fn(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(name, 'median', ts[Math.floor(n / 2)]!.toFixed(1), 'ms; size', JSON.stringify(out).length);
}
test('perf', async () => {
  const db = getDb();
  const city = { west: 37.3, south: 55.5, east: 37.95, north: 55.95 };
  await time('clusters z10 city sup', () => readClusters(db, sup, { bbox: city, zoom: 10, layer: 'addresses' }));
  await time('clusters z12 city sup', () => readClusters(db, sup, { bbox: city, zoom: 12, layer: 'addresses' }));
  await time('clusters z14 small sup', () => readClusters(db, sup, { bbox: { west: 37.6, south: 55.74, east: 37.66, north: 55.77 }, zoom: 14, layer: 'addresses' }));
  await time('clusters z17 tiny sup', () => readClusters(db, sup, { bbox: { west: 37.62, south: 55.75, east: 37.625, north: 55.753 }, zoom: 17, layer: 'addresses' }));
  await time('clusters z10 officer status=active', () => readClusters(db, off, { bbox: city, zoom: 10, layer: 'addresses', status: ['active'] }));
  await time('clusters lapses z10', () => readClusters(db, sup, { bbox: city, zoom: 10, layer: 'lapses' }));
  await time('workers first page sup', () => listWorkers(db, sup, { limit: 50 }));
  await time('workers q=Worker 12345', () => listWorkers(db, sup, { limit: 50, q: 'Worker 12345' }));
  await time('workers q phone', () => listWorkers(db, sup, { limit: 50, q: '+998900012345' }));
  await time('workers officer first page', () => listWorkers(db, off, { limit: 50 }));
  await time('summary sup', () => readSummary(db, sup));
}, 600_000);
