// The pre-aggregated heat cells must answer exactly what the live GROUP BY over lapses answers: for
// every zoom, filter and scope, for windows of whole and partial local days, after inserts, voids
// and kind changes folded in by the job.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { clustersParamsSchema } from '@/lib/api/map';
import { enrollDevice } from '@/lib/server/enroll';
import { refreshHeatCells } from '@/lib/server/heat-cells';
import { readClusters } from '@/lib/server/queries/clusters';
import { declareAddress } from '@/lib/server/registration-service';
import type { OfficerContext } from '@/lib/server/officer-context';
import { officerOf, supervisor } from './officers';
import { loadRegionPack } from '@/lib/region/load-pack';

const officer = officerOf(['TsAO']);
const zone = loadRegionPack().timezone;
const CITY = '37.2,55.5,38.0,56.0';
let registrationId = '';
let workerId = '';

type Mode = 'always' | 'never' | 'auto';

async function heat(who: OfficerContext, query: Record<string, string>, mode: Mode) {
  process.env.MAP_PREAGG = mode;
  const params = clustersParamsSchema.parse({ bbox: CITY, zoom: '10', layer: 'heat', ...query });
  const answer = await readClusters(getDb(), who, params);
  const counts = answer.features
    .map((f) => ('count' in f.properties ? f.properties.count : 0))
    .sort((a, b) => a - b);
  return { total: answer.total, counts, truncated: answer.truncated };
}

/** Inserts `count` lapses, spread over the centre, nine days, every kind, citizenship and 4 okrugs. */
async function insertLapses(count: number, tag: number, startedAt?: string): Promise<void> {
  await getDb().execute(sql`
    INSERT INTO lapses (worker_id, registration_id, kind, started_at, detected_at, okrug, citizenship,
      last_fix_lat, last_fix_lon, likely_cause, explanation_ru, explanation_en)
    SELECT ${workerId}::uuid, ${registrationId}::uuid,
      (ARRAY['signal_lost','location_disabled','device_off','mock_location','left_region'])[1 + (i + ${tag}) % 5],
      COALESCE(${startedAt ?? null}::timestamptz, now() - make_interval(mins => (i * 7919 + ${tag}) % (9 * 24 * 60))),
      now(),
      CASE WHEN i % 11 = 0 THEN NULL ELSE (ARRAY['TsAO','SAO','YuAO','ZAO'])[1 + i % 4] END,
      (ARRAY['GE','KZ','UZ','AZ','MD','AM','KG','TJ','UA'])[1 + (i * 7 + ${tag}) % 9],
      55.62 + ((i * 53 + ${tag}) % 260) / 1000.0, 37.45 + ((i * 37 + ${tag}) % 300) / 1000.0,
      'unknown', 'x', 'x'
    FROM generate_series(1, ${count}) i`);
}

/** The instant a local day of the region starts, `daysAgo` days before today. */
async function localMidnight(daysAgo: number): Promise<string> {
  const [row] = await queryRows<{ at: string }>(
    getDb(),
    sql`SELECT to_char((((now() AT TIME ZONE ${zone})::date - ${daysAgo}::int)::timestamp AT TIME ZONE ${zone})
          AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`,
  );
  return row!.at;
}

async function cellRows(): Promise<string[]> {
  const rows = await queryRows<Record<string, unknown>>(
    getDb(),
    sql`SELECT day::text, zoom, cx, cy, okrug, n, n_signal_lost, n_device_off, n_uz, n_tj,
          round(sum_lon::numeric, 6) AS sum_lon, round(sum_lat::numeric, 6) AS sum_lat
        FROM heat_cells ORDER BY zoom, cx, cy, day, okrug`,
  );
  return rows.map((r) => Object.values(r).map(String).join('|'));
}

beforeAll(async () => {
  const db = getDb();
  await migrate(db);
  const device = await enrollDevice(db, {
    worker: {
      fullName: 'Heat Worker',
      citizenship: 'UZ',
      documentNumber: `HC${Date.now()}`,
      birthDate: '1990-01-01',
      phone: '+79990000000',
    },
    device: { platform: 'android' },
  });
  workerId = device.workerId;
  await declareAddress(db, workerId, { text: 'addr', lat: 55.75, lon: 37.6 }, new Date(Date.now() - 60_000));
  const [reg] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM registrations WHERE worker_id = ${workerId}`,
  );
  registrationId = reg!.id;
  await insertLapses(600, 0);
  // Voided and positionless lapses are never counted.
  await db.execute(sql`UPDATE lapses SET voided_at = now() WHERE ctid IN (SELECT ctid FROM lapses LIMIT 40)`);
  const first = await refreshHeatCells(db);
  expect(first.mode).toBe('full');
});

const zooms = ['2', '8', '10', '12', '13', '14', '15', '16', '17', '19'];
const filters: { name: string; who: OfficerContext; query: Record<string, string> }[] = [
  { name: 'everything', who: supervisor, query: {} },
  { name: 'kind', who: supervisor, query: { kind: 'device_off,left_region' } },
  { name: 'citizenship', who: supervisor, query: { citizenship: 'UZ,TJ' } },
  { name: 'okrug filter', who: supervisor, query: { okrug: 'SAO,YuAO' } },
  { name: 'officer scope', who: officer, query: {} },
  { name: 'officer scope and kind', who: officer, query: { kind: 'signal_lost' } },
];

describe('heat cells equal the live query', () => {
  it.each(filters)('every zoom, default window: $name', async ({ who, query }) => {
    for (const zoom of zooms) {
      const live = await heat(who, { ...query, zoom }, 'never');
      expect(live.total, `zoom ${zoom}`).toBeGreaterThan(0);
      expect(await heat(who, { ...query, zoom }, 'always'), `zoom ${zoom}`).toEqual(live);
    }
  });

  it('a world-sized box at a street zoom, and a street view above the cells (live on their grid)', async () => {
    for (const query of [
      { bbox: '-180,-85,180,85', zoom: '17' },
      { bbox: '37.547,55.718,37.553,55.722', zoom: '17' },
    ]) {
      const live = await heat(supervisor, query, 'never');
      expect(live.total).toBeGreaterThan(0);
      expect((await heat(supervisor, query, 'always')).total).toBe(live.total);
    }
  });

  it('a viewport inside the city counts the whole cells it touches', async () => {
    const query = { bbox: '37.5,55.7,37.7,55.8', zoom: '13' };
    const cells = await heat(supervisor, query, 'always');
    const live = await heat(supervisor, query, 'never');
    expect(cells.total).toBeGreaterThan(live.total);
    // The same viewport widened to the cells' edges, live, counts the same lapses in the same cells.
    process.env.MAP_PREAGG = 'always';
    const params = clustersParamsSchema.parse({ ...query, layer: 'heat' });
    const { cellDegrees: lon } = await readClusters(getDb(), supervisor, params);
    const lat = lon * Math.cos((55 * Math.PI) / 180);
    const edge = (v: number, size: number, end: boolean) =>
      (Math.floor(v / size) + (end ? 1 : 0)) * size - (end ? 1e-9 : 0);
    const aligned = [
      edge(37.5, lon, false),
      edge(55.7, lat, false),
      edge(37.7, lon, true),
      edge(55.8, lat, true),
    ];
    expect(await heat(supervisor, { ...query, bbox: aligned.join(',') }, 'never')).toEqual(cells);
  });

  it('windows of partial local days: whole days from cells, the edges live', async () => {
    const windows: Record<string, string>[] = [
      { from: await localMidnight(8), to: await localMidnight(1) },
      { from: '2020-01-01T00:00:00Z', to: new Date(Date.now() - 5 * 3_600_000).toISOString() },
      {
        from: new Date(Date.now() - 50 * 3_600_000).toISOString(),
        to: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      },
      {
        from: new Date(Date.now() - 6 * 3_600_000).toISOString(),
        to: new Date(Date.now() - 3_600_000).toISOString(),
      },
      { from: new Date(Date.now() - 80 * 3_600_000).toISOString() },
      { to: new Date(Date.now() - 26 * 3_600_000).toISOString() },
    ];
    for (const window of windows) {
      for (const { who, query } of filters) {
        const live = await heat(who, { ...query, ...window, zoom: '12' }, 'never');
        expect(
          await heat(who, { ...query, ...window, zoom: '12' }, 'always'),
          JSON.stringify(window),
        ).toEqual(live);
      }
    }
  });
});

describe('the default window', () => {
  it('is the last 7 local days with today', async () => {
    const [row] = await queryRows<{ n: number }>(
      getDb(),
      sql`SELECT count(*)::int AS n FROM lapses WHERE voided_at IS NULL
            AND started_at >= (((now() AT TIME ZONE ${zone})::date - 6)::timestamp AT TIME ZONE ${zone})`,
    );
    expect((await heat(supervisor, {}, 'never')).total).toBe(Number(row!.n));
    expect((await heat(supervisor, {}, 'always')).total).toBe(Number(row!.n));
  });

  it("equals the map page's request: from = the local date 6 days ago, no to", async () => {
    const [row] = await queryRows<{ day: string }>(
      getDb(),
      sql`SELECT ((now() AT TIME ZONE ${zone})::date - 6)::text AS day`,
    );
    const fromDay = await heat(supervisor, { from: row!.day }, 'always');
    expect(fromDay.total).toBeGreaterThan(0);
    expect(fromDay).toEqual(await heat(supervisor, {}, 'always'));
  });
});

describe('incremental upkeep', () => {
  it('folds inserts, voids and kind and okrug changes; the folded cells equal a full build', async () => {
    const db = getDb();
    await insertLapses(120, 3);
    await db.execute(
      sql`UPDATE lapses SET voided_at = now() WHERE ctid IN (SELECT ctid FROM lapses WHERE voided_at IS NULL LIMIT 25)`,
    );
    await db.execute(sql`UPDATE lapses SET kind = 'mock_location', okrug = 'TsAO'
      WHERE ctid IN (SELECT ctid FROM lapses WHERE voided_at IS NULL AND kind <> 'mock_location' LIMIT 30)`);
    await db.execute(
      sql`UPDATE lapses SET ended_at = now() WHERE ctid IN (SELECT ctid FROM lapses LIMIT 50)`,
    );
    await db.execute(
      sql`DELETE FROM lapses WHERE ctid IN (SELECT ctid FROM lapses WHERE voided_at IS NULL LIMIT 5)`,
    );
    const [pending] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM heat_cell_deltas`,
    );
    // 120 inserted, 25 voided, 30 × 2 changed, 5 deleted; ending a lapse appends nothing.
    expect(Number(pending?.n)).toBe(120 + 25 + 60 + 5);

    const fold = await refreshHeatCells(db);
    expect(fold.mode).toBe('fold');
    for (const { who, query } of filters) {
      for (const zoom of ['8', '13', '16']) {
        const live = await heat(who, { ...query, zoom }, 'never');
        expect(await heat(who, { ...query, zoom }, 'always')).toEqual(live);
      }
    }
    const folded = await cellRows();
    expect((await refreshHeatCells(db, { full: true })).mode).toBe('full');
    expect(folded).toEqual(await cellRows());
  });
});

describe('local days', () => {
  it("counts a lapse on its start's date in the region's time zone", async () => {
    const db = getDb();
    const midnight = await localMidnight(2);
    const before = new Date(Date.parse(midnight) - 1000).toISOString();
    await insertLapses(1, 7, before);
    await insertLapses(2, 8, midnight);
    await refreshHeatCells(db);
    const [days] = await queryRows<{ before: string; at: string }>(
      db,
      sql`SELECT ((${before}::timestamptz AT TIME ZONE ${zone})::date)::text AS before,
            ((${midnight}::timestamptz AT TIME ZONE ${zone})::date)::text AS at`,
    );
    expect(days!.before).not.toBe(days!.at);
    const onDay = async (day: string) =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`SELECT COALESCE(sum(n), 0)::int AS n FROM heat_cells WHERE zoom = 0 AND okrug = '*' AND day = ${day}::date`,
        )
      )[0]!.n;
    const [live] = await queryRows<{ before: number; at: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE started_at < ${midnight}::timestamptz)::int AS before,
            count(*) FILTER (WHERE started_at >= ${midnight}::timestamptz)::int AS at
          FROM lapses WHERE voided_at IS NULL
            AND started_at >= ${midnight}::timestamptz - interval '1 day' AND started_at < ${midnight}::timestamptz + interval '1 day'`,
    );
    expect(Number(await onDay(days!.before))).toBe(Number(live!.before));
    expect(Number(await onDay(days!.at))).toBe(Number(live!.at));
    // A window that starts exactly at local midnight is a whole day; one a second earlier is not.
    for (const from of [midnight, before]) {
      const query = { from, to: await localMidnight(1) };
      expect(await heat(supervisor, query, 'always')).toEqual(await heat(supervisor, query, 'never'));
    }
  });
});

describe('fallbacks to the live query', () => {
  it('kind and citizenship together, and a server whose cells were never built', async () => {
    const db = getDb();
    await db.execute(sql`DELETE FROM heat_cells`);
    const both = { kind: 'signal_lost,device_off', citizenship: 'UZ,KG' };
    const live = await heat(supervisor, both, 'never');
    expect(live.total).toBeGreaterThan(0);
    expect(await heat(supervisor, both, 'always')).toEqual(live);
    // The emptied cells answer nothing, so a matching answer came from lapses.
    expect((await heat(supervisor, { kind: 'signal_lost' }, 'always')).total).toBe(0);
    const everything = await heat(supervisor, {}, 'never');
    expect(await heat(supervisor, {}, 'auto')).toEqual(everything);
    await refreshHeatCells(db, { full: true });
  });
});
