// The pre-aggregated map cells must answer exactly what the live GROUP BY answers.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { clustersParamsSchema } from '@/lib/api/map';
import { enrollDevice } from '@/lib/server/enroll';
import { ingestPositions } from '@/lib/server/ingest';
import { refreshMapCells } from '@/lib/server/map-cells';
import { readClusters } from '@/lib/server/queries/clusters';
import { declareAddress } from '@/lib/server/registration-service';
import { runSweep } from '@/lib/server/sweep';
import type { OfficerContext } from '@/lib/server/officer-context';
import { officerOf, supervisor } from './officers';

const officer = officerOf(['TsAO']);
const places = [
  { lat: 55.7539, lon: 37.6208 },
  { lat: 55.7601, lon: 37.6186 },
  { lat: 55.6512, lon: 37.6089 },
  { lat: 55.8105, lon: 37.4981 },
  { lat: 55.7352, lon: 37.4163 },
];

async function totals(who: OfficerContext, query: Record<string, string>, mode: 'always' | 'never') {
  return (await answerOf(who, query, mode)).sum;
}

async function answerOf(who: OfficerContext, query: Record<string, string>, mode: 'always' | 'never') {
  process.env.MAP_PREAGG = mode;
  const params = clustersParamsSchema.parse({
    bbox: '37.2,55.5,38.0,56.0',
    zoom: '10',
    layer: 'addresses',
    ...query,
  });
  const answer = await readClusters(getDb(), who, params);
  const sum = { count: 0, active: 0, pending: 0, cancelled: 0, signalLost: 0 };
  for (const f of answer.features) {
    const props = f.properties;
    if ('cluster' in props && props.cluster) {
      sum.count += props.count;
      sum.active += props.counts.active;
      sum.pending += props.counts.pending;
      sum.cancelled += props.counts.cancelled;
      sum.signalLost += props.kinds?.signal_lost ?? 0;
    } else if ('cluster' in props) {
      sum.count += 1;
      if (props.status === 'active') sum.active += 1;
      if (props.status === 'pending') sum.pending += 1;
      if (props.status === 'cancelled') sum.cancelled += 1;
      if (params.layer === 'lapses' && props.openLapseKind === 'signal_lost') sum.signalLost += 1;
    }
  }
  return { sum, answer };
}

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  const now = new Date();
  for (let i = 0; i < 40; i++) {
    const place = places[i % places.length]!;
    const lat = place.lat + (i % 7) * 0.001;
    const device = await enrollDevice(db, {
      worker: {
        fullName: `Test Worker ${i}`,
        citizenship: i % 3 ? 'UZ' : 'TJ',
        documentNumber: `MC${i}X${Date.now()}`,
        birthDate: '1990-01-01',
        phone: '+79990000000',
      },
      device: { platform: 'android' },
    });
    await declareAddress(
      db,
      device.workerId,
      { text: `addr ${i}`, lat, lon: place.lon },
      new Date(now.getTime() - 60_000),
    );
    if (i % 2 === 0) {
      await ingestPositions(db, device, [{ time: now, lat, lon: place.lon, accuracy: 10 }], now);
    }
  }
  const first = await refreshMapCells(db);
  expect(first.mode).toBe('full');
});

// Every cell row, rounded so a fold and a full build compare equal despite float summation order.
async function cellRows(): Promise<string[]> {
  const rows = await queryRows<Record<string, unknown>>(
    getDb(),
    sql`SELECT zoom, cx, cy, okrug, citizenship, kind, n_pending, n_active, n_interrupted, n_cancelled, n_ended,
          round(sum_lon::numeric, 6) AS sum_lon, round(sum_lat::numeric, 6) AS sum_lat
        FROM map_cells ORDER BY zoom, cx, cy, okrug, citizenship, kind`,
  );
  return rows.map((r) => Object.values(r).map(String).join('|'));
}

describe('map cells', () => {
  const cases: { name: string; who: OfficerContext; query: Record<string, string> }[] = [
    { name: 'everyone', who: supervisor, query: {} },
    { name: 'status filter', who: supervisor, query: { status: 'active' } },
    { name: 'citizenship filter', who: supervisor, query: { citizenship: 'TJ' } },
    { name: 'officer scope', who: officer, query: {} },
  ];
  it.each(cases)('pre-aggregated equals live: $name', async ({ who, query }) => {
    const live = await totals(who, query, 'never');
    const cells = await totals(who, query, 'always');
    expect(live.count).toBeGreaterThan(0);
    expect(cells).toEqual(live);
  });
});

describe('any viewport and zoom', () => {
  const views: { name: string; query: Record<string, string> }[] = [
    { name: 'the world at street zoom', query: { bbox: '-180,-85,180,85', zoom: '17' } },
    { name: 'the world at zoom 2', query: { bbox: '-180,-85,180,85', zoom: '2' } },
    { name: 'a centre far south of the region', query: { bbox: '20,20,60,60', zoom: '6' } },
    { name: 'the region at zoom 14 (above the pre-aggregated zooms)', query: { zoom: '14' } },
  ];
  it.each(views)('pre-aggregated equals live and fits the budget: $name', async ({ query }) => {
    const live = await answerOf(supervisor, query, 'never');
    const cells = await answerOf(supervisor, query, 'always');
    expect(live.sum.count).toBe(40);
    expect(cells.sum).toEqual(live.sum);
    for (const { answer } of [live, cells]) {
      expect(answer.truncated).toBe(false);
      expect(answer.total).toBe(40);
      expect(JSON.stringify(answer).length).toBeLessThan(200_000);
    }
  });
});

describe('incremental upkeep', () => {
  it('folds status changes, new workers and moves into the cells without a rebuild', async () => {
    const db = getDb();
    const now = new Date();
    // New workers with an address (pending), a move to another okrug, and the sweep cancelling
    // every active worker whose phone has gone quiet (a status change for half of them).
    for (let i = 0; i < 6; i++) {
      const device = await enrollDevice(db, {
        worker: {
          fullName: `Late Worker ${i}`,
          citizenship: 'KG',
          documentNumber: `MCL${i}X${Date.now()}`,
          birthDate: '1991-01-01',
          phone: '+79990000001',
        },
        device: { platform: 'android' },
      });
      await declareAddress(db, device.workerId, { text: `late ${i}`, lat: 55.7 + i * 0.01, lon: 37.55 }, now);
    }
    await db.execute(sql`UPDATE worker_status SET declared_lat = 55.9, declared_lon = 37.3, okrug = 'ZelAO'
      WHERE worker_id = (SELECT worker_id FROM worker_status WHERE status = 'pending' ORDER BY worker_id LIMIT 1)`);
    await runSweep(db, new Date(now.getTime() + 6 * 3_600_000));
    const [pending] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM map_cell_deltas`);
    expect(Number(pending?.n)).toBeGreaterThan(0);

    const fold = await refreshMapCells(db);
    expect(fold.mode).toBe('fold');
    const [left] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM map_cell_deltas`);
    expect(Number(left?.n)).toBe(0);
    for (const { who, query } of [
      { who: supervisor, query: {} },
      { who: supervisor, query: { status: 'cancelled' } },
      { who: supervisor, query: { citizenship: 'KG' } },
      { who: officer, query: {} },
    ]) {
      const live = await totals(who, query, 'never');
      expect(live.count).toBeGreaterThan(0);
      expect(await totals(who, query, 'always')).toEqual(live);
    }
    // The open-lapse layer: workers whose phones went quiet, at their last fix, by kind.
    for (const { who, query } of [
      { who: supervisor, query: { layer: 'lapses' } },
      { who: supervisor, query: { layer: 'lapses', kind: 'signal_lost' } },
      { who: supervisor, query: { layer: 'lapses', kind: 'device_off' } },
      { who: supervisor, query: { layer: 'lapses', status: 'cancelled', citizenship: 'UZ' } },
      { who: supervisor, query: { layer: 'lapses', bbox: '-180,-85,180,85', zoom: '3' } },
      { who: officer, query: { layer: 'lapses' } },
    ]) {
      const live = await totals(who, query, 'never');
      expect(await totals(who, query, 'always')).toEqual(live);
    }
    expect((await totals(supervisor, { layer: 'lapses' }, 'never')).signalLost).toBeGreaterThan(0);
    // Cell for cell, the folded table equals a build from scratch.
    const folded = await cellRows();
    const full = await refreshMapCells(db, { full: true });
    expect(full.mode).toBe('full');
    expect(folded).toEqual(await cellRows());
  });
});
