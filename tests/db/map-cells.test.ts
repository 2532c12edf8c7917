// The pre-aggregated map cells must answer exactly what the live GROUP BY answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { clustersParamsSchema } from '@/lib/api/map';
import { enrollDevice } from '@/lib/server/enroll';
import { ingestPositions } from '@/lib/server/ingest';
import { refreshMapCells } from '@/lib/server/map-cells';
import { readClusters } from '@/lib/server/queries/clusters';
import { declareAddress } from '@/lib/server/registration-service';
import type { OfficerContext } from '@/lib/server/officer-context';

const supervisor: OfficerContext = {
  officerId: 's',
  username: 'sup',
  name: 'S',
  role: 'supervisor',
  okrugs: null,
};
const officer: OfficerContext = {
  officerId: 'o',
  username: 'off',
  name: 'O',
  role: 'officer',
  okrugs: ['TsAO'],
};
const places = [
  { lat: 55.7539, lon: 37.6208 },
  { lat: 55.7601, lon: 37.6186 },
  { lat: 55.6512, lon: 37.6089 },
  { lat: 55.8105, lon: 37.4981 },
  { lat: 55.7352, lon: 37.4163 },
];

async function totals(who: OfficerContext, query: Record<string, string>, mode: 'always' | 'never') {
  process.env.MAP_PREAGG = mode;
  const params = clustersParamsSchema.parse({
    bbox: '37.2,55.5,38.0,56.0',
    zoom: '10',
    layer: 'addresses',
    ...query,
  });
  const answer = await readClusters(getDb(), who, params);
  const sum = { count: 0, active: 0, pending: 0 };
  for (const f of answer.features) {
    const props = f.properties;
    if ('cluster' in props && props.cluster) {
      sum.count += props.count;
      sum.active += props.counts.active;
      sum.pending += props.counts.pending;
    } else if ('cluster' in props) {
      sum.count += 1;
      if (props.status === 'active') sum.active += 1;
      if (props.status === 'pending') sum.pending += 1;
    }
  }
  return sum;
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
  await refreshMapCells(db);
});

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
