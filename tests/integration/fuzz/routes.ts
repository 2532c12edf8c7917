// Every route file under app/api with what the fuzz suite needs to reach its code: the methods it
// serves, who may call it, its query parameters and a body shaped like a real one. A route file that
// is not listed here fails the suite, so new routes are fuzzed from the day they are added.
import { type Rng, fakeUuid, pick } from './values';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
export type Auth = 'officer' | 'device' | 'basic' | 'osmand' | 'none' | 'better-auth';

export interface RouteSpec {
  /** As in app/api, e.g. /api/v1/workers/[id]. */
  path: string;
  methods: Method[];
  auth: Auth;
  query?: string[];
  body?: (rng: Rng) => Record<string, unknown>;
  /** Path ids may be real ones only on routes that change nothing. */
  readOnly?: boolean;
  /** Bodies that must never pass validation (they would change shared state such as the policy). */
  alwaysInvalidBody?: boolean;
}

const iso = () => new Date().toISOString();
const fix = (rng: Rng) => ({
  time: iso(),
  lat: 55.75 + rng() / 100,
  lon: 37.6 + rng() / 100,
  accuracy: 10,
  battery: 50,
  charging: false,
});
const INVALID_INT = ['60', null, 1e39, -5, 1.5, true, [], {}, '\u0000', 5e-324];

export const ROUTES: RouteSpec[] = [
  { path: '/api/health', methods: ['GET'], auth: 'none', readOnly: true },
  { path: '/api/v1/openapi.json', methods: ['GET'], auth: 'none', readOnly: true },
  { path: '/api/[...notfound]', methods: ['GET', 'POST'], auth: 'officer', readOnly: true },
  { path: '/api/auth/[...all]', methods: ['GET', 'POST'], auth: 'better-auth' },
  {
    path: '/api/v1/workers',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: ['q', 'status', 'citizenship', 'okrug', 'cursor', 'limit', 'format'],
  },
  { path: '/api/v1/workers/[id]', methods: ['GET'], auth: 'officer', readOnly: true },
  {
    path: '/api/v1/workers/[id]/trace',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: ['from', 'to', 'reason'],
  },
  {
    path: '/api/v1/lapses',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: [
      'state',
      'kind',
      'cause',
      'citizenship',
      'okrug',
      'worker',
      'from',
      'to',
      'sort',
      'cursor',
      'limit',
      'format',
    ],
  },
  { path: '/api/v1/lapses/[id]', methods: ['GET'], auth: 'officer', readOnly: true },
  {
    path: '/api/v1/lapses/[id]/review',
    methods: ['POST'],
    auth: 'officer',
    body: (rng) => ({
      decision: pick(rng, ['violation', 'not_violation', 'technical']),
      note: 'Checked the evidence.',
    }),
  },
  {
    path: '/api/v1/registrations/[id]/reinstate',
    methods: ['POST'],
    auth: 'officer',
    body: () => ({ note: 'Reinstated after review.' }),
  },
  {
    path: '/api/v1/audit',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: ['actor', 'worker', 'action', 'from', 'to', 'cursor', 'limit', 'format'],
  },
  {
    path: '/api/v1/map/clusters',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: ['bbox', 'zoom', 'layer', 'status', 'citizenship', 'okrug', 'kind', 'from', 'to'],
  },
  {
    path: '/api/v1/stats/lapses',
    methods: ['GET'],
    auth: 'officer',
    readOnly: true,
    query: ['from', 'to', 'groupBy'],
  },
  { path: '/api/v1/stats/summary', methods: ['GET'], auth: 'officer', readOnly: true },
  { path: '/api/v1/stream', methods: ['GET'], auth: 'officer', readOnly: true },
  { path: '/api/v1/region/districts', methods: ['GET'], auth: 'officer', readOnly: true },
  { path: '/api/v1/region/outline', methods: ['GET'], auth: 'officer', readOnly: true },
  {
    path: '/api/v1/policy',
    methods: ['GET', 'PUT'],
    auth: 'officer',
    alwaysInvalidBody: true,
    body: (rng) => ({
      [pick(rng, ['heartbeatSeconds', 'lapseAfterSeconds', 'graceSeconds', 'retentionDays'])]: pick(
        rng,
        INVALID_INT,
      ),
      note: 'fuzz',
    }),
  },
  {
    path: '/api/v1/policy/simulate',
    methods: ['POST'],
    auth: 'officer',
    body: () => ({ lapseAfterSeconds: 600, graceSeconds: 3600, from: '2026-11-20', to: '2026-11-24' }),
  },
  {
    path: '/api/v1/admin/officers',
    methods: ['GET', 'POST'],
    auth: 'officer',
    body: (rng) => ({
      username: `fuzz_${Math.floor(rng() * 1e9)}`,
      name: 'Fuzz Officer',
      password: 'fuzz-password-2026',
      role: pick(rng, ['officer', 'auditor']),
      okrugs: ['TsAO'],
    }),
  },
  {
    path: '/api/v1/admin/officers/[id]',
    methods: ['GET', 'PATCH'],
    auth: 'officer',
    body: () => ({ name: 'Renamed', disabled: true }),
  },
  { path: '/api/v1/admin/officers/[id]/disable', methods: ['POST'], auth: 'officer' },
  { path: '/api/v1/admin/officers/[id]/enable', methods: ['POST'], auth: 'officer' },
  { path: '/api/v1/admin/officers/[id]/revoke-sessions', methods: ['POST'], auth: 'officer' },
  {
    path: '/api/v1/admin/officers/[id]/password',
    methods: ['POST'],
    auth: 'officer',
    body: () => ({ password: 'another-password-2026' }),
  },
  {
    path: '/api/v1/device/enroll',
    methods: ['POST'],
    auth: 'none',
    body: (rng) => ({
      worker: {
        fullName: 'Fuzz Fuzzov',
        citizenship: 'UZ',
        documentNumber: `FZ${fakeUuid(rng).slice(0, 8).toUpperCase()}`,
        birthDate: '1990-01-01',
        phone: '+998901234567',
      },
      device: { platform: 'android', model: 'Pixel 7', appVersion: '1.0.0' },
    }),
  },
  {
    path: '/api/v1/device/positions',
    methods: ['POST'],
    auth: 'device',
    body: (rng) => ({ positions: [fix(rng), fix(rng)] }),
  },
  {
    path: '/api/v1/device/events',
    methods: ['POST'],
    auth: 'device',
    body: () => ({ events: [{ time: iso(), type: 'app_started' }] }),
  },
  {
    path: '/api/v1/device/registrations',
    methods: ['POST'],
    auth: 'device',
    body: () => ({ address: { text: 'Москва, ул. Тверская, д. 7', lat: 55.7606, lon: 37.6093 } }),
  },
  {
    path: '/api/v1/device/registrations/[id]/address',
    methods: ['POST'],
    auth: 'device',
    body: () => ({ address: { text: 'Москва, ул. Арбат, д. 10', lat: 55.7514, lon: 37.5936 } }),
  },
  { path: '/api/v1/device/status', methods: ['GET'], auth: 'device', readOnly: true },
  { path: '/api/v1/device/notifications', methods: ['GET'], auth: 'device', query: ['cursor', 'limit'] },
  {
    path: '/api/v1/device/notifications/ack',
    methods: ['POST'],
    auth: 'device',
    body: (rng) => ({ ids: [fakeUuid(rng)] }),
  },
  {
    path: '/api/v1/ingest/osmand',
    methods: ['GET', 'POST'],
    auth: 'osmand',
    query: ['lat', 'lon', 'timestamp', 'accuracy', 'speed', 'bearing', 'altitude', 'batt', 'charge'],
    body: (rng) => ({
      location: { timestamp: iso(), coords: { latitude: 55.75 + rng() / 100, longitude: 37.6, accuracy: 9 } },
    }),
  },
  {
    path: '/api/v1/ingest/owntracks',
    methods: ['POST'],
    auth: 'basic',
    body: () => ({
      _type: 'location',
      lat: 55.75,
      lon: 37.61,
      tst: Math.floor(Date.now() / 1000),
      acc: 12,
      batt: 70,
    }),
  },
];

/** Good-looking values for query parameters, which the fuzzer then mutates. */
export const GOOD_QUERY: Record<string, (rng: Rng) => string> = {
  q: () => 'Каримов',
  status: (rng) => pick(rng, ['active', 'cancelled,interrupted', 'pending']),
  citizenship: (rng) => pick(rng, ['UZ', 'TJ,KG']),
  okrug: (rng) => pick(rng, ['TsAO', 'TsAO,ZAO']),
  limit: (rng) => pick(rng, ['1', '50', '200']),
  format: (rng) => pick(rng, ['json', 'csv']),
  from: () => '2026-11-01',
  to: () => new Date().toISOString(),
  reason: () => 'Checking a reported absence',
  state: (rng) => pick(rng, ['open', 'unreviewed', 'reviewed', 'voided']),
  kind: (rng) => pick(rng, ['silence', 'outside']),
  cause: () => 'unknown',
  sort: (rng) => pick(rng, ['-startedAt', 'startedAt', '-duration', 'duration']),
  actor: () => 'admin',
  action: () => 'worker.*',
  bbox: () => '37.3,55.5,37.9,55.9',
  zoom: (rng) => pick(rng, ['8', '12', '17']),
  layer: (rng) => pick(rng, ['addresses', 'lapses', 'heat']),
  groupBy: (rng) => pick(rng, ['day', 'kind', 'okrug']),
  lat: () => '55.75',
  lon: () => '37.61',
  timestamp: () => String(Math.floor(Date.now() / 1000)),
  accuracy: () => '10',
  speed: () => '1.5',
  bearing: () => '90',
  altitude: () => '150',
  batt: () => '80',
  charge: () => 'false',
};
