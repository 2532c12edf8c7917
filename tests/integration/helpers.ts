// Small HTTP helpers for the integration suite: every call goes over real HTTP to `next start`.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, inject } from 'vitest';

export const MOSCOW = { lat: 55.7539, lon: 37.6208 }; // Red Square
export const MOSCOW_HOME = { text: 'Москва, ул. Тверская, д. 7, кв. 12', lat: 55.7606, lon: 37.6093 };
export const TULA = { lat: 54.1931, lon: 37.6173 }; // outside Moscow and Moscow Oblast

const DEVICE_PATHS = /^\/api\/v1\/(device|ingest)\//;

export interface PeerAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** A JSON POST over a socket bound to `from` (a 127.0.0.x address), so the server sees that peer. */
export function postJsonFrom(
  from: string,
  path: string,
  json: unknown,
  headers: Record<string, string> = {},
): Promise<PeerAnswer> {
  const started = Date.now();
  const payload = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url(path),
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Device paths go where a load balancer would send them (the ingest server under INGEST_SERVER=1). */
export function url(path: string): string {
  return `${inject(DEVICE_PATHS.test(path) ? 'deviceBaseUrl' : 'baseUrl')}${path}`;
}

export async function api(
  path: string,
  init: RequestInit & { token?: string; json?: unknown } = {},
): Promise<Response> {
  const { token, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  return fetch(url(path), {
    ...rest,
    method: rest.method ?? (json === undefined ? 'GET' : 'POST'),
    headers,
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
}

export function uniqueDocument(): string {
  return `IT${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

export function workerBody(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Каримов Азиз',
    citizenship: 'UZ',
    documentNumber: uniqueDocument(),
    birthDate: '1991-03-14',
    phone: '+998901234567',
    ...overrides,
  };
}

export interface Enrolled {
  deviceId: string;
  token: string;
}

export async function enroll(worker: Record<string, unknown> = workerBody()): Promise<Enrolled> {
  const res = await api('/api/v1/device/enroll', {
    json: { worker, device: { platform: 'android', model: 'Pixel 7' } },
  });
  expect(res.status).toBe(201);
  const body: unknown = await res.json();
  expect(body).toMatchObject({ deviceId: expect.any(String), token: expect.any(String) });
  return body as Enrolled;
}

export async function declare(token: string, address = MOSCOW_HOME): Promise<string> {
  const res = await api('/api/v1/device/registrations', { token, json: { address } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { registrationId: string; status: string };
  expect(body.status).toBe('pending');
  return body.registrationId;
}

export function fixAt(time: Date, where = MOSCOW, extra: Record<string, unknown> = {}) {
  return {
    time: time.toISOString(),
    lat: where.lat,
    lon: where.lon,
    accuracy: 12,
    battery: 80,
    charging: false,
    ...extra,
  };
}

export async function sendFixes(token: string, positions: unknown[]) {
  const res = await api('/api/v1/device/positions', { token, json: { positions } });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    accepted: number;
    duplicates: number;
    rejected: { index: number; reason: string }[];
  };
}

export interface DeviceStatus {
  workerId: string;
  registration: {
    id: string;
    status: string;
    since: string;
    address: { text: string; lat?: number; lon?: number };
  } | null;
  openLapse: { id: string; kind: string; startedAt: string } | null;
  lastLapse: {
    id: string;
    kind: string;
    startedAt: string;
    endedAt: string | null;
    causedCancellation: boolean;
  } | null;
  lastFixAt: string | null;
  nextStep: { code: string; messageRu: string; messageEn: string };
}

export async function status(token: string): Promise<DeviceStatus> {
  const res = await api('/api/v1/device/status', { token });
  expect(res.status).toBe(200);
  return (await res.json()) as DeviceStatus;
}

/** Polls the device status until `done` holds (the sweep runs every second in tests). */
export async function waitForStatus(token: string, done: (s: DeviceStatus) => boolean, timeoutMs = 12_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await status(token);
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await status(token);
  }
  return last;
}

/** Every error of the API is RFC 9457 problem+json with type, title, status and detail. */
export async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { field: string; message: string }[];
  };
  expect(body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(body.detail.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(js|ts):\d+/); // no stack traces
  return body;
}
