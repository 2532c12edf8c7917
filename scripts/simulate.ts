// Drives the live device API like a city of phones:
//   npm run simulate -- --url http://localhost:3000 --workers 300 --speed 60 --seed 42
// Reuses the seeded workers' devices (tokens derive from the seed), enrolls new devices when a
// token is refused, posts positions every heartbeat, sends device events, goes silent, uploads
// late, and declares again after a cancellation. Loopback only. Ctrl-C stops it cleanly.
import { parseArgs } from 'node:util';
import { loadRegionPack } from '../lib/region/load-pack';
import { type LiveAction, LivePhone } from '../lib/sim/live-phone';
import { fetchAndAcknowledge } from '../lib/sim/notification-inbox';
import { createSimContext, deriveDeviceToken, generateWorker, type SimWorker } from '../lib/sim/population';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SIM_URL ?? 'http://localhost:3000' },
    workers: { type: 'string', default: '300' },
    speed: { type: 'string', default: '60' },
    seed: { type: 'string', default: '42' },
    incidents: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '16' },
    duration: { type: 'string', default: '0' },
    keepalive: { type: 'string', default: '0' },
    'upload-every': { type: 'string', default: '15' },
  },
});

function readNumber(name: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`[simulate] --${name} must be a number from ${min} to ${max} (got "${text}")`);
    process.exit(2);
  }
  return n;
}

const base = new URL(values.url ?? '');
if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(base.hostname)) {
  console.error(`[simulate] refusing ${base.hostname}: the simulator only talks to a server on this machine`);
  process.exit(2);
}
const workerCount = readNumber('workers', values.workers, 1, 100_000);
const speed = readNumber('speed', values.speed, 1, 3_600);
const seed = readNumber('seed', values.seed, 0, 2 ** 31 - 1);
const incidentsPerHour = readNumber('incidents', values.incidents, 0, 60);
const concurrency = readNumber('concurrency', values.concurrency, 1, 256);
const durationMs = readNumber('duration', values.duration, 0, 7 * 86_400) * 1000;
// Seeded workers beyond the first --workers: phones living in real time with a 4-5 minute
// heartbeat, so the rest of the seeded city stays tracked instead of lapsing all at once.
const keepalive = readNumber('keepalive', values.keepalive, 0, 1_000_000);
// Fast phones take a fix every simulated heartbeat and upload what they have every few seconds.
const uploadEveryMs = readNumber('upload-every', values['upload-every'], 1, 600) * 1000;

const stats = {
  requests: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  events: 0,
  declared: 0,
  conflicts: 0,
  notices: 0,
  enrolled: 0,
  errors: 0,
};
let lastReport = { at: Date.now(), requests: 0, accepted: 0 };

interface Device {
  phone: LivePhone;
  token: string;
  busy: boolean;
  queue: LiveAction[];
}

async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  stats.requests++;
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

async function enroll(w: SimWorker): Promise<string> {
  const res = await fetch(new URL('/api/v1/device/enroll', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      worker: {
        fullName: w.nameLatin,
        citizenship: w.citizenship,
        documentNumber: w.documentNumber,
        birthDate: w.birthDate,
        phone: w.phone,
      },
      device: { platform: w.device.platform, model: w.device.model, appVersion: w.device.appVersion },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  stats.requests++;
  if (res.status !== 201) throw new Error(`enrollment answered ${res.status}`);
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error('enrollment returned no token');
  stats.enrolled++;
  return body.token;
}

function readStatus(json: unknown): string {
  const reg = (json as { registration?: { status?: string } | null } | null)?.registration;
  return reg?.status ?? 'none';
}

async function perform(d: Device, action: LiveAction): Promise<void> {
  const now = Date.now();
  if (action.kind === 'positions') {
    const r = await call(d.token, 'POST', '/api/v1/device/positions', { positions: action.fixes });
    if (r.status === 401) return reenroll(d);
    const body = r.json as { accepted?: number; duplicates?: number; rejected?: unknown[] } | null;
    stats.accepted += body?.accepted ?? 0;
    stats.duplicates += body?.duplicates ?? 0;
    stats.rejected += body?.rejected?.length ?? 0;
    if (r.status >= 400) stats.errors++;
  } else if (action.kind === 'events') {
    const r = await call(d.token, 'POST', '/api/v1/device/events', { events: action.events });
    if (r.status === 401) return reenroll(d);
    if (r.status < 300) stats.events += action.events.length;
    else stats.errors++;
  } else if (action.kind === 'declare') {
    const r = await call(d.token, 'POST', '/api/v1/device/registrations', { address: action.address });
    if (r.status === 201) {
      stats.declared++;
      d.phone.setStatus('pending', now);
    } else if (r.status === 409) {
      stats.conflicts++;
      d.phone.setStatus('active', now);
    } else stats.errors++;
  } else if (action.kind === 'notifications') {
    const r = await fetchAndAcknowledge(call, d.token);
    if (r.status === 401) return reenroll(d);
    stats.notices += r.acknowledged;
    if (r.status >= 400) stats.errors++;
  } else {
    const r = await call(d.token, 'GET', '/api/v1/device/status');
    if (r.status === 401) return reenroll(d);
    if (r.status === 200) d.phone.setStatus(readStatus(r.json), now);
  }
}

async function reenroll(d: Device): Promise<void> {
  d.token = await enroll(d.phone.worker);
}

async function drain(d: Device): Promise<void> {
  d.busy = true;
  try {
    while (d.queue.length && !stopping) await perform(d, d.queue.shift()!);
  } catch {
    stats.errors++;
    d.queue.length = 0;
  } finally {
    d.busy = false;
  }
}

let stopping = false;
let inFlight = 0;

async function main(): Promise<void> {
  const pack = loadRegionPack();
  const now = Date.now();
  const ctx = createSimContext(pack, seed, new Date(now));
  const background = Math.max(0, keepalive - workerCount);
  const devices: Device[] = Array.from({ length: workerCount + background }, (_, i) => {
    const worker = generateWorker(ctx, i);
    const phone =
      i < workerCount
        ? new LivePhone(ctx, worker, {
            speed,
            realStart: now,
            simStart: now,
            incidentsPerHour,
            uploadEveryMs,
          })
        : new LivePhone(ctx, worker, {
            speed: 1,
            realStart: now,
            simStart: now,
            incidentsPerHour: incidentsPerHour / 20,
            // A fix every 4 minutes sent in pairs: never 15 minutes without news, half the requests.
            heartbeatMs: 240_000,
            uploadEveryMs: 480_000,
            statusEveryMs: [600_000, 1_200_000],
            redeclareMinutes: [5, 120],
          });
    return { phone, token: deriveDeviceToken(seed, i), busy: false, queue: [] };
  });
  console.log(
    `[simulate] ${workerCount} phones → ${base.origin}, speed ${speed}×, ${incidentsPerHour} incidents per phone-hour` +
      (background ? `; ${background} more seeded phones kept alive in real time` : ''),
  );
  const started = Date.now();
  let last = started;
  let cursor = 0;
  const timer = setInterval(() => {
    const t = Date.now();
    const dt = t - last;
    last = t;
    for (const d of devices) {
      d.queue.push(...d.phone.step(t, dt));
      // A server that falls behind should not make the simulator's memory grow without bound.
      if (d.queue.length > 50) d.queue.splice(0, d.queue.length - 50);
    }
    // Round robin, so a slow server delays every phone a little rather than some phones forever.
    for (let scanned = 0; scanned < devices.length && inFlight < concurrency; scanned++) {
      const d = devices[cursor]!;
      cursor = (cursor + 1) % devices.length;
      if (d.busy || !d.queue.length) continue;
      inFlight++;
      void drain(d).finally(() => inFlight--);
    }
    if (t - lastReport.at >= 10_000) {
      const secs = (t - lastReport.at) / 1000;
      console.log(
        `[simulate] ${((stats.requests - lastReport.requests) / secs).toFixed(1)} req/s, ${stats.accepted - lastReport.accepted} fixes accepted` +
          ` (total ${stats.accepted}, dup ${stats.duplicates}, rejected ${stats.rejected}), events ${stats.events}, declared ${stats.declared}, messages read ${stats.notices}` +
          `${stats.conflicts ? ` (409 ${stats.conflicts})` : ''}, enrolled ${stats.enrolled}, errors ${stats.errors}`,
      );
      lastReport = { at: t, requests: stats.requests, accepted: stats.accepted };
    }
    if (durationMs && t - started >= durationMs) void stop('duration reached');
  }, 250);
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    const deadline = Date.now() + 10_000;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    console.log(
      `[simulate] stopped (${why}): ${stats.requests} requests, ${stats.accepted} fixes accepted, ${stats.events} events, ${stats.declared} declarations`,
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
