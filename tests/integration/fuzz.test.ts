// Seeded, bounded fuzzing of every route in app/api over real HTTP: broken JSON, wrong types, huge
// numbers, NUL, broken %-escapes, long strings, wrong methods and content types, forged cursors,
// as every role, without a session and with a real device token. Asserts that no answer is a 5xx
// and that every 4xx is problem+json. FUZZ_SEED and FUZZ_REQUESTS replay or widen a run.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, declare, enroll, fixAt, MOSCOW_HOME, sendFixes, status, url, workerBody } from './helpers';
import { type FuzzContext, type FuzzRequest, generateRequest } from './fuzz/generate';
import { ROUTES } from './fuzz/routes';
import { seededRng } from './fuzz/values';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_500);
const CONCURRENCY = 8;
const TIMEOUT_MS = 15_000;
// Better Auth answers its own errors as JSON with `code` and `message`; the sign-in page reads that
// shape, so those routes are held to "no 5xx, JSON errors" rather than problem+json.
const OWN_ERROR_FORMAT = /^\/api\/auth\//;

interface Outcome {
  request: FuzzRequest;
  status: number;
  contentType: string;
  ms: number;
}

const ctx: FuzzContext = { cookies: {}, deviceId: '', token: '', realIds: [] };

async function signIn(username: string): Promise<string> {
  const res = await api('/api/auth/sign-in/username', { json: { username, password: 'demo-password-2026' } });
  expect(res.status).toBe(200);
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.includes('session_token='))
      ?.split(';')[0] ?? ''
  );
}

async function send(request: FuzzRequest): Promise<Outcome> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url(request.path), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // A hang or a dropped connection is as bad as a 500.
    return { request, status: 599, contentType: String(error), ms: performance.now() - started };
  }
  const contentType = res.headers.get('content-type') ?? '';
  // The event stream stays open for minutes; everything else is read to the end.
  if (contentType.startsWith('text/event-stream')) await res.body?.cancel();
  else await res.arrayBuffer();
  return { request, status: res.status, contentType, ms: performance.now() - started };
}

function listRouteFiles(dir = path.resolve(import.meta.dirname, '../../app/api')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === 'route.ts'
      ? [path.relative(path.resolve(import.meta.dirname, '../../app'), dir)]
      : [];
  });
}

describe('fuzz: malformed requests over every route', () => {
  beforeAll(async () => {
    for (const role of ['officer', 'supervisor', 'auditor', 'admin']) ctx.cookies[role] = await signIn(role);
    const device = await enroll(workerBody({ fullName: 'Fuzz Target' }));
    ctx.deviceId = device.deviceId;
    ctx.token = device.token;
    const registrationId = await declare(device.token, MOSCOW_HOME);
    await sendFixes(device.token, [fixAt(new Date(), MOSCOW_HOME)]);
    ctx.realIds = [(await status(device.token)).workerId, registrationId];
  });

  it('covers every route file in app/api', () => {
    const fuzzed = new Set(ROUTES.map((r) => r.path));
    const missing = listRouteFiles().filter((p) => !fuzzed.has(`/${p}`));
    expect(missing).toEqual([]);
  });

  it(
    `answers ${REQUESTS} hostile requests with no 5xx and problem+json on every 4xx`,
    { timeout: 1_200_000 },
    async () => {
      const rng = seededRng(SEED);
      const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
      const routes = only ? ROUTES.filter((r) => only.test(r.path)) : ROUTES;
      const requests = Array.from({ length: REQUESTS }, (_, i) =>
        generateRequest(routes[i % routes.length]!, rng, ctx),
      );
      const outcomes: Outcome[] = [];
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < requests.length) outcomes.push(await send(requests[next++]!));
        }),
      );
      const seconds = (performance.now() - started) / 1000;

      const byStatus = new Map<number, number>();
      for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
      const serverErrors = outcomes.filter((o) => o.status >= 500);
      const notProblem = outcomes.filter(
        (o) =>
          o.status >= 400 &&
          o.status < 500 &&
          !(OWN_ERROR_FORMAT.test(o.request.path)
            ? /^application\/(problem\+)?json/.test(o.contentType)
            : o.contentType.startsWith('application/problem+json')),
      );
      const slowest = Math.max(...outcomes.map((o) => o.ms));
      console.log(
        `[fuzz] seed ${SEED}: ${outcomes.length} requests in ${seconds.toFixed(1)} s over ${ROUTES.length} routes; ` +
          `status counts ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}; ` +
          `5xx ${serverErrors.length}; 4xx without problem+json ${notProblem.length}; slowest ${slowest.toFixed(0)} ms`,
      );
      if (process.env.FUZZ_DUMP) {
        fs.writeFileSync(process.env.FUZZ_DUMP, JSON.stringify([...serverErrors, ...notProblem], null, 1));
      }
      const show = (list: Outcome[]) =>
        list
          .slice(0, 15)
          .map((o) => `${o.status} ${o.request.method} ${o.request.path.slice(0, 160)} [${o.contentType}]`);
      expect(show(serverErrors)).toEqual([]);
      expect(show(notProblem)).toEqual([]);
      expect(outcomes.length).toBe(REQUESTS);
    },
  );
});
