// The live feed: one reader per instance fanned out to every stream in scope. Database reads do not
// grow with the number of open streams, a burst larger than a page arrives whole, and a transaction
// that commits late is still delivered (PostgreSQL, where transactions really overlap).
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getHandle, queryRows } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { enrollDevice } from '@/lib/server/enroll';
import { FeedHub } from '@/lib/server/feed/feed-hub';
import type { OfficerContext } from '@/lib/server/officer-context';
import { declareAddress } from '@/lib/server/registration-service';
import { createEventStream } from '@/lib/server/queries/stream';

const supervisor: OfficerContext = {
  officerId: 's',
  username: 's',
  name: 'S',
  role: 'supervisor',
  okrugs: null,
};
const tsao: OfficerContext = {
  officerId: 'o1',
  username: 'o1',
  name: 'O1',
  role: 'officer',
  okrugs: ['TsAO'],
};
const yuao: OfficerContext = {
  officerId: 'o2',
  username: 'o2',
  name: 'O2',
  role: 'officer',
  okrugs: ['YuAO'],
};

const TVERSKAYA = { text: 'Москва, ул. Тверская, 7', lat: 55.7606, lon: 37.6093 };
const YUAO_HOME = { text: 'Москва, Варшавское ш., 87', lat: 55.6467, lon: 37.6206 };

interface Registration {
  registrationId: string;
  workerId: string;
}
let inTsao: Registration;
let inYuao: Registration;

async function register(name: string, home: typeof TVERSKAYA): Promise<Registration> {
  const db = getDb();
  const e = await enrollDevice(db, {
    worker: {
      fullName: name,
      citizenship: 'UZ',
      documentNumber: `FD${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
      birthDate: '1990-01-01',
      phone: '+998901112233',
    },
    device: { platform: 'android' },
  });
  const reg = await declareAddress(db, e.workerId, home, new Date());
  return { registrationId: reg.registrationId, workerId: e.workerId };
}

const insertEvents = (r: Registration, n: number) =>
  sql`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor)
      SELECT ${r.registrationId}::uuid, ${r.workerId}::uuid, now(), 'feed_test', 'pending', 'active', 'test', 'test'
      FROM generate_series(1, ${n})`;

interface Collected {
  text: string;
  controller: AbortController;
}

function open(hub: FeedHub, officer: OfficerContext): Collected {
  const controller = new AbortController();
  const out: Collected = { text: '', controller };
  const stream = createEventStream(getDb(), officer, controller.signal, { hub });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      out.text += decoder.decode(chunk.value, { stream: true });
    }
  })();
  return out;
}

// Lets enqueued chunks reach the readers; the feed itself is stepped by hand with hub.tick().
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const count = (c: Collected, event: string) =>
  (c.text.match(new RegExp(`^event: ${event}$`, 'gm')) ?? []).length;
const ids = (c: Collected) => [...c.text.matchAll(/^id: (\S+)$/gm)].map((m) => m[1]);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settle();
}

beforeAll(async () => {
  await migrate(getDb());
  inTsao = await register('Feed Tsao', TVERSKAYA);
  inYuao = await register('Feed Yuao', YUAO_HOME);
});

describe('live feed', () => {
  const hub = new FeedHub(getDb(), { pollMs: 3_600_000, pageSize: 50 });
  const streams: Collected[] = [];
  afterAll(() => streams.forEach((s) => s.controller.abort()));

  it('reads the same number of queries per tick for 1 stream and for 500', async () => {
    const first = open(hub, supervisor);
    streams.push(first);
    await until(() => count(first, 'summary') > 0);
    await getDb().execute(insertEvents(inTsao, 3));
    let before = hub.stats.queries;
    await hub.tick();
    const oneStream = hub.stats.queries - before;

    for (let i = 0; i < 499; i++) streams.push(open(hub, i % 2 ? tsao : yuao));
    await until(() => streams.every((s) => count(s, 'summary') > 0));
    const summariesBefore = hub.stats.summaries;
    await getDb().execute(insertEvents(inTsao, 3));
    before = hub.stats.queries;
    await hub.tick();
    const manyStreams = hub.stats.queries - before;
    await settle();
    console.log(`[feed] queries per tick: 1 stream ${oneStream}, 500 streams ${manyStreams}`);
    expect(oneStream).toBeGreaterThan(0);
    expect(manyStreams).toBe(oneStream);
    // One summary read per okrug scope that received events (supervisor and TsAO), not per stream.
    expect(hub.stats.summaries - summariesBefore).toBeLessThanOrEqual(2);
    const idle = hub.stats.queries;
    await hub.tick();
    expect(hub.stats.queries - idle).toBeLessThanOrEqual(oneStream);
  });

  it('delivers a burst larger than one page whole, in scope only', async () => {
    const marks = streams.map((s) => s.text.length);
    await getDb().execute(insertEvents(inTsao, 130));
    await getDb().execute(insertEvents(inYuao, 7));
    await hub.tick();
    await until(() => count(streams[0]!, 'status') >= 6 + 137);
    const since = (i: number) => ({ ...streams[i]!, text: streams[i]!.text.slice(marks[i]) });
    expect(count(since(0), 'status')).toBe(137);
    expect(count(since(2), 'status')).toBe(130); // TsAO officer
    expect(count(since(1), 'status')).toBe(7); // YuAO officer
    expect(since(2).text).not.toContain(inYuao.workerId);
    const all = ids(streams[0]!);
    expect(new Set(all).size).toBe(all.length);
  });

  it.runIf(getHandle().kind === 'postgres')(
    'delivers a transaction that commits after later ones',
    async () => {
      const url = process.env.DATABASE_URL ?? '';
      const other = postgres(url, { max: 1, onnotice: () => {} });
      const stream = streams[0]!;
      const mark = stream.text.length;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted: () => void = () => {};
      const wrote = new Promise<void>((resolve) => (inserted = resolve));
      const slow = other.begin(async (tx) => {
        await tx`INSERT INTO registration_events (registration_id, worker_id, at, type, from_status, to_status, cause, actor)
        VALUES (${inTsao.registrationId}, ${inTsao.workerId}, now(), 'slow_tx', 'pending', 'active', 'test', 'test')`;
        inserted();
        await held;
      });
      try {
        await wrote;
        await getDb().execute(insertEvents(inTsao, 2)); // later ids, committed first
        await hub.tick();
        await until(() => count({ ...stream, text: stream.text.slice(mark) }, 'status') >= 2);
        expect(stream.text.slice(mark)).not.toContain('slow_tx');
        release();
        await slow;
        await hub.tick();
        await until(() => stream.text.slice(mark).includes('slow_tx'));
        expect(stream.text.slice(mark)).toContain('"type":"slow_tx"');
        expect(count({ ...stream, text: stream.text.slice(mark) }, 'status')).toBe(3);
      } finally {
        release();
        await other.end();
      }
    },
  );

  it('stops reading when the last stream closes', async () => {
    streams.forEach((s) => s.controller.abort());
    await settle();
    expect(hub.stats.subscribers).toBe(0);
    const [row] = await queryRows<{ n: number }>(
      getDb(),
      sql`SELECT count(*)::int AS n FROM registration_events WHERE feed_xid IS NOT NULL`,
    );
    expect(Number(row?.n)).toBeGreaterThan(140);
  });
});
