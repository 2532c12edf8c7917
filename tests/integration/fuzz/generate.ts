// Turns a route spec into one hostile request: a path id, query string, headers and body, each
// mutated with some probability. Deterministic for a given PRNG state.
import type { Method, RouteSpec } from './routes';
import { GOOD_QUERY } from './routes';
import {
  BAD_STRINGS,
  BROKEN_ESCAPES,
  BROKEN_JSON,
  CONTENT_TYPES,
  type Rng,
  badJsonValue,
  chance,
  encodeValue,
  fakeUuid,
  forgedCursor,
  hostileSegment,
  pick,
} from './values';

export interface FuzzContext {
  cookies: Record<string, string>;
  deviceId: string;
  token: string;
  /** Real ids, used only on read-only routes. */
  realIds: string[];
}

export interface FuzzRequest {
  method: Method;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function pathFor(spec: RouteSpec, rng: Rng, ctx: FuzzContext): string {
  const id = () => {
    if (spec.readOnly && ctx.realIds.length > 0 && chance(rng, 0.3)) return pick(rng, ctx.realIds);
    return chance(rng, 0.25) ? fakeUuid(rng) : hostileSegment(rng);
  };
  if (spec.path === '/api/[...notfound]') {
    return pick(rng, [
      '/api/v1/nope',
      '/api/v2/workers',
      `/api/v1/workers/${id()}/x/y`,
      `/api/${hostileSegment(rng)}`,
    ]);
  }
  if (spec.path === '/api/auth/[...all]') {
    return pick(rng, [
      '/api/auth/sign-in/username',
      '/api/auth/get-session',
      '/api/auth/nope',
      `/api/auth/${hostileSegment(rng)}`,
    ]);
  }
  return spec.path.replace('[id]', id);
}

function queryValue(key: string, rng: Rng): string {
  if (key === 'cursor') return forgedCursor(rng);
  if (key === 'worker') return chance(rng, 0.5) ? fakeUuid(rng) : pick(rng, BAD_STRINGS);
  const good = GOOD_QUERY[key];
  return good && chance(rng, 0.4) ? good(rng) : pick(rng, BAD_STRINGS);
}

function queryFor(spec: RouteSpec, rng: Rng, ctx: FuzzContext): string {
  const parts: string[] = [];
  const keys = spec.query ?? [];
  for (const key of keys) {
    if (!chance(rng, 0.35)) continue;
    const value = queryValue(key, rng);
    parts.push(`${key}=${chance(rng, 0.08) ? pick(rng, BROKEN_ESCAPES) : encodeValue(value)}`);
    if (chance(rng, 0.05)) parts.push(`${key}=${encodeValue(pick(rng, BAD_STRINGS))}`); // repeated key
  }
  if (chance(rng, 0.1)) parts.push(`${encodeValue(pick(rng, BAD_STRINGS))}=${pick(rng, BROKEN_ESCAPES)}`);
  if (spec.auth === 'osmand' && chance(rng, 0.7))
    parts.push(`id=${chance(rng, 0.8) ? ctx.token : 'bad%00token'}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of `body` with 1 to 3 leaves replaced, removed or added. */
function mutateBody(body: Record<string, unknown>, rng: Rng): unknown {
  const copy: Record<string, unknown> = structuredClone(body);
  for (let i = 0, n = 1 + Math.floor(rng() * 3); i < n; i++) {
    let target: Record<string, unknown> = copy;
    // Walk down into a nested object or array now and then (positions[0], worker, address…).
    for (let depth = 0; depth < 3 && chance(rng, 0.6); depth++) {
      const key = pick(rng, Object.keys(target).length > 0 ? Object.keys(target) : ['x']);
      const next: unknown = target[key];
      const inner: unknown = Array.isArray(next) ? next[0] : next;
      if (!isRecord(inner)) break;
      target = inner;
    }
    const keys = Object.keys(target);
    const r = rng();
    if (r < 0.7 && keys.length > 0) target[pick(rng, keys)] = badJsonValue(rng);
    else if (r < 0.85 && keys.length > 0) delete target[pick(rng, keys)];
    else target[pick(rng, ['extra', '\u0000', 'constructor', 'x'.repeat(300)])] = badJsonValue(rng);
  }
  return copy;
}

function bodyFor(spec: RouteSpec, rng: Rng): string | undefined {
  const r = rng();
  if (r < 0.1) return pick(rng, BROKEN_JSON);
  if (r < 0.13) return 'x'.repeat(pick(rng, [20_000, 1_100_000]));
  const template = spec.body?.(rng) ?? {};
  const value = spec.alwaysInvalidBody || chance(rng, 0.85) ? mutateBody(template, rng) : template;
  if (r < 0.18) return JSON.stringify([value]);
  return JSON.stringify(value).replace(/"__RAW_([^"]+)__"/g, '$1');
}

function authHeaders(spec: RouteSpec, rng: Rng, ctx: FuzzContext): Record<string, string> {
  const h: Record<string, string> = {};
  const r = rng();
  if (spec.auth === 'officer') {
    if (r < 0.85) h.cookie = pick(rng, Object.values(ctx.cookies));
    else if (r < 0.92) h.cookie = 'better-auth.session_token=forged.%00value';
  } else if (spec.auth === 'device' || spec.auth === 'osmand') {
    if (r < 0.8) h.authorization = `Bearer ${ctx.token}`;
    else if (r < 0.9)
      h.authorization = pick(rng, ['Bearer ', 'Bearer x', 'Basic Og==', `Bearer ${'A'.repeat(300)}`]);
  } else if (spec.auth === 'basic') {
    const pair =
      r < 0.8
        ? `${ctx.deviceId}:${ctx.token}`
        : pick(rng, [':', 'x:y', `${ctx.deviceId}\u0000:${ctx.token}`]);
    h.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  return h;
}

export function generateRequest(spec: RouteSpec, rng: Rng, ctx: FuzzContext): FuzzRequest {
  const method = chance(rng, 0.8) ? pick(rng, spec.methods) : pick(rng, ALL_METHODS);
  const headers = authHeaders(spec, rng, ctx);
  const path = pathFor(spec, rng, ctx) + queryFor(spec, rng, ctx);
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { method, path, headers };
  // Sign-in attempts that parse would count as failures and lock the test client out: only
  // bodies Better Auth refuses before checking a password are sent there.
  const body =
    spec.auth === 'better-auth'
      ? pick(rng, [...BROKEN_JSON.slice(0, 6), JSON.stringify({ username: 1 })])
      : bodyFor(spec, rng);
  const type = pick(rng, CONTENT_TYPES);
  if (type) headers['content-type'] = type;
  return { method, path, headers, body };
}
