// A cluster answer stays under the response budget for a viewport holding thousands of cells or
// points, on the pre-aggregated and the live path alike, and still counts every worker.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { clustersParamsSchema } from '@/lib/api/map';
import { refreshMapCells } from '@/lib/server/map-cells';
import { readClusters } from '@/lib/server/queries/clusters';
import { FEATURE_BUDGET } from '@/lib/server/queries/cluster-budget';
import { supervisor } from './officers';

const WORKERS = 2_500;

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  // A 50 × 50 lattice 0.02° apart: at zoom 13 (cells ~0.011°) every worker has a cell of its own.
  await db.execute(sql`
    INSERT INTO workers (id, full_name_latin, citizenship, document_number, birth_date, phone)
    SELECT md5('budget' || i)::uuid, 'Budget Worker', 'UZ', 'CB' || i, DATE '1990-01-01', '+79990000000'
    FROM generate_series(1, ${WORKERS}) i`);
  await db.execute(sql`
    INSERT INTO worker_status (worker_id, status, citizenship, okrug, declared_lat, declared_lon,
      last_lat, last_lon, open_lapse_id, open_lapse_kind)
    SELECT md5('budget' || i)::uuid, 'active', 'UZ', 'TsAO', 55.2 + (i / 50) * 0.02, 37.0 + (i % 50) * 0.02,
      55.2 + (i / 50) * 0.02, 37.0 + (i % 50) * 0.02, md5('lapse' || i)::uuid, 'signal_lost'
    FROM generate_series(1, ${WORKERS}) i`);
  expect((await refreshMapCells(db, { full: true })).mode).toBe('full');
});

async function ask(query: Record<string, string>, mode: 'always' | 'never') {
  process.env.MAP_PREAGG = mode;
  const params = clustersParamsSchema.parse({ bbox: '36.9,55.1,38.1,56.3', ...query });
  return readClusters(getDb(), supervisor, params);
}

describe('response budget', () => {
  const cases: { name: string; query: Record<string, string>; mode: 'always' | 'never' }[] = [
    { name: 'addresses at zoom 13, pre-aggregated', query: { zoom: '13' }, mode: 'always' },
    { name: 'addresses at zoom 13, live', query: { zoom: '13' }, mode: 'never' },
    { name: 'addresses at zoom 17 (too many points)', query: { zoom: '17' }, mode: 'never' },
    { name: 'open lapses at zoom 13', query: { zoom: '13', layer: 'lapses' }, mode: 'never' },
  ];
  it.each(cases)('$name', async ({ query, mode }) => {
    const answer = await ask(query, mode);
    const budget = query.layer === 'lapses' ? FEATURE_BUDGET.lapseClusters : FEATURE_BUDGET.clusters;
    expect(answer.features.length).toBeLessThanOrEqual(budget);
    expect(answer.features.length).toBeGreaterThan(budget / 8);
    expect(answer.total).toBe(WORKERS);
    expect(answer.truncated).toBe(false);
    expect(JSON.stringify(answer).length).toBeLessThan(200_000);
    // Coarser cells than asked for, and the answer says how big they are.
    expect(answer.cellDegrees).toBeGreaterThan(0.011 * 1.5);
  });

  it('sends single points when they fit the budget', async () => {
    const answer = await ask({ zoom: '17', bbox: '36.99,55.19,37.5,55.5' }, 'never');
    expect(answer.features.every((f) => 'cluster' in f.properties && !f.properties.cluster)).toBe(true);
    expect(answer.features.length).toBeGreaterThan(100);
    expect(answer.features.length).toBeLessThanOrEqual(FEATURE_BUDGET.points);
  });
});
