// Steady simulated load through nginx for the failure drills: phones uploading fixes (half as
// /api/v1/device/positions batches, half as single OsmAnd fixes) that keep every unacknowledged fix
// and send it again, officers reading lists, stats and the map, and officers' event streams.
import crypto from 'node:crypto';
import { sleep } from './procs.mjs';

const TIMEOUT_MS = 10_000;

/** The token a seeded device was given (scripts/seed.ts derives them from the seed). */
export function seededToken(seed, index) {
  return crypto.createHash('sha256').update(`sim:${seed}:${index}`).digest('base64url');
}
export const tokenHash = (token) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** Every request's outcome, so each drill can count what happened in its own time window. */
export class Recorder {
  events = [];
  add(kind, ok, status, startedAt) {
    this.events.push({ s: startedAt, t: Date.now(), kind, ok, status });
  }
  /**
   * Requests sent in [from, to], how many failed, and the time from `from` until the first success
   * of a request sent after the last one that failed (a request that hung until the client's
   * timeout counts from when it was sent, not from when the client gave up).
   */
  figures(kind, from, to) {
    const list = this.events.filter((e) => e.kind === kind && e.s >= from && e.s <= to);
    const failed = list.filter((e) => !e.ok);
    const lastFail = Math.max(...failed.map((e) => e.s));
    const okAfter = list.filter((e) => e.ok && e.s > lastFail).map((e) => e.t);
    const recovered = failed.length === 0 ? from : okAfter.length ? Math.min(...okAfter) : undefined;
    return {
      slowestMs: Math.max(0, ...list.map((e) => e.t - e.s)),
      requests: list.length,
      failed: failed.length,
      statuses: [...new Set(failed.map((e) => e.status))].join(' ') || '-',
      recoverMs: recovered === undefined ? null : recovered - from,
    };
  }
}

async function timedFetch(url, init = {}) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
}

function nearMoscow(i) {
  const a = (i * 137.5 * Math.PI) / 180;
  return { lat: 55.75 + 0.1 * Math.sin(a), lon: 37.62 + 0.15 * Math.cos(a) };
}

class Phone {
  pending = [];
  acknowledged = [];
  lastTime = 0;
  constructor(base, token, index, mode, recorder) {
    Object.assign(this, { base, token, index, mode, recorder, place: nearMoscow(index) });
  }

  takeFix() {
    const time = Math.max(Date.now(), this.lastTime + 1);
    this.lastTime = time;
    const jitter = (Math.random() - 0.5) * 0.0004;
    this.pending.push({ time, lat: this.place.lat + jitter, lon: this.place.lon + jitter, accuracy: 12 });
  }

  async upload() {
    if (this.pending.length === 0) return;
    const startedAt = Date.now();
    try {
      if (this.mode === 'batch') await this.uploadBatch(this.pending.slice(0, 100), startedAt);
      else await this.uploadOsmAnd(this.pending[0], startedAt);
    } catch {
      this.recorder.add('phone', false, 'network', startedAt);
    }
  }

  async uploadBatch(fixes, startedAt) {
    const res = await timedFetch(`${this.base}/api/v1/device/positions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ positions: fixes.map((f) => ({ ...f, time: new Date(f.time).toISOString() })) }),
    });
    const body = await res.json().catch(() => null);
    this.recorder.add('phone', res.ok, res.status, startedAt);
    if (!res.ok) return;
    const refused = new Set((body?.rejected ?? []).map((r) => r.index));
    fixes.forEach((f, i) => {
      if (!refused.has(i)) this.acknowledged.push(f.time);
    });
    this.pending.splice(0, fixes.length);
  }

  async uploadOsmAnd(fix, startedAt) {
    const q = new URLSearchParams({
      id: this.token,
      lat: String(fix.lat),
      lon: String(fix.lon),
      timestamp: new Date(fix.time).toISOString(),
      accuracy: String(fix.accuracy),
    });
    const res = await timedFetch(`${this.base}/api/v1/ingest/osmand?${q}`, { method: 'POST' });
    await res.arrayBuffer().catch(() => null);
    this.recorder.add('phone', res.ok, res.status, startedAt);
    if (!res.ok) return;
    if (!res.headers.get('x-regwatch-rejected')) this.acknowledged.push(fix.time);
    this.pending.shift();
  }
}

/** Finds `count` seeded devices the server accepts fixes from (revoked ones answer 401). */
export async function enlistPhones(base, count, recorder) {
  const phones = [];
  for (let index = 0; phones.length < count && index < count * 5; index++) {
    const token = seededToken(42, index);
    const res = await timedFetch(`${base}/api/v1/device/status`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    if (res.ok) phones.push(new Phone(base, token, index, phones.length % 2 ? 'osmand' : 'batch', recorder));
  }
  if (phones.length < count) throw new Error(`only ${phones.length} seeded devices are usable`);
  return phones;
}

export function runPhones(phones, everyMs, stop) {
  return Promise.all(
    phones.map(async (phone, i) => {
      await sleep((everyMs * i) / phones.length);
      while (!stop.done) {
        phone.takeFix();
        const started = Date.now();
        await phone.upload();
        // The OsmAnd phones send one fix per request: catch up on a backlog at once.
        if (phone.mode === 'osmand') while (phone.pending.length > 1 && !stop.done) await phone.upload();
        await sleep(Math.max(50, everyMs - (Date.now() - started)));
      }
    }),
  );
}

export async function signIn(base, username, password) {
  const res = await timedFetch(`${base}/api/auth/sign-in/username`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  await res.arrayBuffer();
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const OFFICER_READS = [
  '/api/v1/stats/summary',
  '/api/v1/map/clusters?bbox=37.2,55.5,38.0,56.0&zoom=10&layer=addresses',
  '/api/v1/workers?limit=20',
  '/api/v1/lapses?limit=20',
];

export function runOfficers(base, cookies, pauseMs, recorder, stop, upstreams) {
  return Promise.all(
    cookies.map(async (cookie, i) => {
      for (let n = i; !stop.done; n++) {
        const path = OFFICER_READS[n % OFFICER_READS.length];
        const startedAt = Date.now();
        try {
          const res = await timedFetch(`${base}${path}`, { headers: { cookie } });
          await res.arrayBuffer();
          recorder.add('officer', res.ok, res.status, startedAt);
          const up = res.headers.get('x-upstream');
          if (up) upstreams.set(up, (upstreams.get(up) ?? 0) + 1);
        } catch {
          recorder.add('officer', false, 'network', startedAt);
        }
        await sleep(pauseMs);
      }
    }),
  );
}

/** An officer's live feed that reconnects like EventSource does; records each outage's length. */
export function runStream(base, cookie, stop) {
  const state = { connects: 0, outages: [], upstream: null, down: null };
  const done = (async () => {
    while (!stop.done) {
      try {
        const res = await fetch(`${base}/api/v1/stream`, {
          headers: { cookie, accept: 'text/event-stream' },
        });
        if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
        state.connects++;
        state.upstream = res.headers.get('x-upstream');
        if (state.down !== null) state.outages.push(Date.now() - state.down);
        state.down = null;
        const reader = res.body.getReader();
        stop.readers.add(reader);
        while (!(await reader.read()).done);
        stop.readers.delete(reader);
      } catch {
        // dropped: reconnect below
      }
      if (stop.done) break;
      state.down ??= Date.now();
      await sleep(500);
    }
  })();
  return { state, done };
}
