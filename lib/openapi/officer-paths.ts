// The officer API (DESIGN.md section 5) in OpenAPI form. Session cookie; every answer is limited
// to the caller's okrug scope.
import 'server-only';
import { z } from 'zod';
import { auditPageSchema, auditParamsSchema } from '@/lib/api/audit';
import { clustersParamsSchema, clustersResponseSchema, geoJsonSchema } from '@/lib/api/map';
import {
  lapseDetailSchema,
  lapseItemSchema,
  lapsesPageSchema,
  lapsesParamsSchema,
  reviewBodySchema,
} from '@/lib/api/lapses';
import { policySchema, policyUpdateSchema, simulateBodySchema, simulateResultSchema } from '@/lib/api/policy';
import { reinstateBodySchema, reinstateResultSchema } from '@/lib/api/registrations';
import { lapseEventSchema, statusEventSchema } from '@/lib/api/stream';
import { lapseStatsParamsSchema, lapseStatsSchema, summarySchema } from '@/lib/api/stats';
import {
  traceParamsSchema,
  traceSchema,
  workerDetailSchema,
  workersPageSchema,
  workersParamsSchema,
} from '@/lib/api/workers';
import { notFound, operation, type PathItem, pathParameter, queryParameters, validationError } from './build';

const overTimeLimit = {
  description:
    'Over the time limit (problem+json with timeLimitSeconds and what to ask instead): choose a shorter period.',
};

const CASE_ROLES = ['officer', 'supervisor'];

export function officerPaths(): Record<string, PathItem> {
  return {
    '/api/v1/workers': {
      get: operation({
        tag: 'Workers',
        operationId: 'listWorkers',
        summary: 'Search workers',
        description:
          '`q` matches the Latin or Cyrillic name (contains, case-insensitive), the document number (prefix) or the phone (digits). Keyset pagination: pass `nextCursor` back as `cursor`. `format=csv` streams the whole filtered list (up to 100 000 rows). Each request is one audit entry (`worker.list` / `worker.export`).',
        security: 'session',
        roles: CASE_ROLES,
        parameters: queryParameters(workersParamsSchema),
        responses: {
          200: { description: 'One page of workers.', schema: workersPageSchema },
          400: validationError,
        },
      }),
    },
    '/api/v1/workers/{id}': {
      get: operation({
        tag: 'Workers',
        operationId: 'getWorker',
        summary: "A worker's file",
        description:
          'Identity, current status and the event that caused it, registrations with their events, lapses and devices. Audited (`worker.read`). A worker outside your okrugs is a 404.',
        security: 'session',
        roles: CASE_ROLES,
        parameters: [pathParameter('id', 'Worker id')],
        responses: {
          200: { description: 'The worker.', schema: workerDetailSchema },
          404: notFound('worker'),
        },
      }),
    },
    '/api/v1/workers/{id}/trace': {
      get: operation({
        tag: 'Workers',
        operationId: 'getWorkerTrace',
        summary: 'Movement trace (needs a reason)',
        description:
          'Fixes between `from` and `to` (default: the last 24 hours), clamped to the retention window, at most 5000 (`truncated` says when more exist). `reason` is required and recorded in the audit log (`worker.trace`).',
        security: 'session',
        roles: CASE_ROLES,
        parameters: [pathParameter('id', 'Worker id'), ...queryParameters(traceParamsSchema)],
        responses: {
          200: { description: 'The trace.', schema: traceSchema },
          400: { description: 'No reason given, or bad times.' },
          404: notFound('worker'),
        },
      }),
    },
    '/api/v1/map/clusters': {
      get: operation({
        tag: 'Map',
        operationId: 'getClusters',
        summary: 'Clusters for a viewport',
        description:
          'GeoJSON FeatureCollection computed on the server: grid cells about 64 px wide for the zoom. A cell with several members is a cluster (`count`, `counts` per status, `bbox` of the members); a cell with one member, or any member from zoom 16 when few enough, is a single point (`workerId`, `status`, `openLapseKind`). `layer=addresses` uses declared addresses, `layer=lapses` the last known fix of open lapses, `layer=heat` counts lapses started in `from`..`to` per cell. At most 3000 features. No names or addresses; not audited per call.',
        security: 'session',
        roles: CASE_ROLES,
        parameters: queryParameters(clustersParamsSchema),
        responses: {
          200: {
            description: 'Features for the viewport.',
            schema: clustersResponseSchema,
            contentType: 'application/geo+json',
          },
          400: validationError,
        },
      }),
    },
    '/api/v1/lapses': {
      get: operation({
        tag: 'Lapses',
        operationId: 'listLapses',
        summary: 'Lapse queue',
        description:
          '`state=open|unreviewed|reviewed|voided` (default: every lapse that was not voided). Sort by `startedAt` or `duration` (prefix `-` for descending; default `-startedAt`). `total` is given on the first page. `format=csv` streams the filtered list. Audited (`lapse.list` / `lapse.export`).',
        security: 'session',
        roles: CASE_ROLES,
        parameters: queryParameters(lapsesParamsSchema),
        responses: {
          200: { description: 'One page of lapses.', schema: lapsesPageSchema },
          400: validationError,
        },
      }),
    },
    '/api/v1/lapses/{id}': {
      get: operation({
        tag: 'Lapses',
        operationId: 'getLapse',
        summary: 'A lapse with its evidence',
        description:
          'Last fix, battery and charging, device events within an hour of the start, fix counts around the gap, the nearest station, likely cause and explanations, the registration and whether it can be reinstated. Audited (`lapse.read`).',
        security: 'session',
        roles: CASE_ROLES,
        parameters: [pathParameter('id', 'Lapse id')],
        responses: { 200: { description: 'The lapse.', schema: lapseDetailSchema }, 404: notFound('lapse') },
      }),
    },
    '/api/v1/lapses/{id}/review': {
      post: operation({
        tag: 'Lapses',
        operationId: 'reviewLapse',
        summary: 'Record a review decision',
        description:
          'Decision `technical`, `violation` or `excused` with a note of at least 10 characters. A lapse is reviewed once: a second review is 409, except that a supervisor may revise a review (the audit log keeps the earlier one) unless a registration was already reinstated on it and the new decision is `violation`. Voided lapses cannot be reviewed (409). Audited (`lapse.review`).',
        security: 'session',
        roles: CASE_ROLES,
        parameters: [pathParameter('id', 'Lapse id')],
        body: { schema: reviewBodySchema },
        responses: {
          200: { description: 'The updated lapse.', schema: lapseItemSchema },
          400: validationError,
          404: notFound('lapse'),
          409: { description: 'Already reviewed, or voided.' },
        },
      }),
    },
    '/api/v1/registrations/{id}/reinstate': {
      post: operation({
        tag: 'Lapses',
        operationId: 'reinstateRegistration',
        summary: 'Reinstate a registration cancelled by a lapse',
        description:
          'Only for a cancelled registration whose cancelling lapse was reviewed as `technical` or `excused`, and while the worker has no other live registration. Sets it back to `active`, records a `reinstated` event and gives the worker a full lapse-after window. Audited (`registration.reinstate`).',
        security: 'session',
        roles: ['supervisor'],
        parameters: [pathParameter('id', 'Registration id')],
        body: { schema: reinstateBodySchema },
        responses: {
          200: { description: 'Reinstated.', schema: reinstateResultSchema },
          400: validationError,
          404: notFound('registration'),
          409: { description: 'Not reinstatable; `detail` says why.' },
        },
      }),
    },
    '/api/v1/stats/summary': {
      get: operation({
        tag: 'Statistics',
        operationId: 'getSummary',
        summary: 'Live counters',
        description:
          '"Today" is the Moscow calendar day; the rate, cause, review and reinstatement figures cover the last `periodDays` days. Limited to REPORT_TIME_LIMIT_MS (15 s).',
        security: 'session',
        responses: {
          200: { description: 'Counters in your okrugs.', schema: summarySchema },
          503: overTimeLimit,
        },
      }),
    },
    '/api/v1/stats/lapses': {
      get: operation({
        tag: 'Statistics',
        operationId: 'getLapseStats',
        summary: 'Lapse counts by day, kind, citizenship, okrug or cause',
        description:
          'Default period: the 30 days before `to` (default now); at most 366 days. Day keys are Moscow dates; empty days are listed with zero. Limited to REPORT_TIME_LIMIT_MS (15 s).',
        security: 'session',
        parameters: queryParameters(lapseStatsParamsSchema),
        responses: {
          200: { description: 'Rows per group.', schema: lapseStatsSchema },
          400: validationError,
          503: overTimeLimit,
        },
      }),
    },
    '/api/v1/policy': {
      get: operation({
        tag: 'Policy',
        operationId: 'getPolicy',
        summary: 'Current policy',
        security: 'session',
        responses: { 200: { description: 'The newest policy version.', schema: policySchema } },
      }),
      put: operation({
        tag: 'Policy',
        operationId: 'updatePolicy',
        summary: 'Publish a new policy version',
        description:
          'Fields left out keep their current value. Bounds: heartbeat 10–3600 s, lapseAfter 60–86400 s (not below heartbeat), grace 0–604800 s, low battery 0–50 %, accuracy 5–5000 m, retention 1–90 days. Audited (`policy.update`) with old and new values.',
        security: 'session',
        roles: ['supervisor'],
        body: { schema: policyUpdateSchema },
        responses: { 200: { description: 'The new version.', schema: policySchema }, 400: validationError },
      }),
    },
    '/api/v1/policy/simulate': {
      post: operation({
        tag: 'Policy',
        operationId: 'simulatePolicy',
        summary: 'Replay history under other rules',
        description:
          'Replays the stored history of the workers in your okrugs (fixes, device events, declarations and reinstatements, in the order they arrived) through the same lifecycle code the engine runs, under the given thresholds (`given`), the current policy (`current`), the strict and 121-FZ presets (`presets`) and the policy versions in force at the time (`inForce`), beside what the engine recorded for the same workers and hours (`recorded`), in total and per Moscow day (`days`). `from`..`to` is at most 14 days, clamped to the retention window; only the part with full-density data is replayed (`coverage`: a seeded database keeps every fix only for its last hours). Bounded by a time budget (SIMULATE_BUDGET_MS, 30 s): over it the answer is a 503 problem.',
        security: 'session',
        roles: CASE_ROLES,
        body: { schema: simulateBodySchema },
        responses: {
          200: { description: 'Every outcome, in total and per day.', schema: simulateResultSchema },
          400: validationError,
          503: {
            description:
              'Over the time budget (problem+json with timeLimitSeconds): choose a shorter period.',
          },
        },
      }),
    },
    '/api/v1/audit': {
      get: operation({
        tag: 'Audit',
        operationId: 'listAudit',
        summary: 'Audit log',
        description:
          'Newest first. `actor` is an officer id or name; `action` may end in `*` for a prefix (`worker.*`). `format=csv` streams the filtered log. Reading the log is itself audited (`audit.read` / `audit.export`).',
        security: 'session',
        roles: ['auditor', 'admin'],
        parameters: queryParameters(auditParamsSchema),
        responses: {
          200: { description: 'One page of entries.', schema: auditPageSchema },
          400: validationError,
        },
      }),
    },
    '/api/v1/stream': {
      get: operation({
        tag: 'Live',
        operationId: 'stream',
        summary: 'Server-sent events',
        description:
          'text/event-stream in your okrugs: `event: status` (registration transitions), `event: lapse` (new lapses), `event: summary` (the /stats/summary counters, on connect and after changes), and a comment heartbeat every 15 s. Polls every 2 s; closes after 10 minutes (the browser reconnects). No personal data.',
        security: 'session',
        roles: CASE_ROLES,
        responses: {
          200: {
            description: 'An event stream.',
            contentType: 'text/event-stream',
            schema: {
              type: 'string',
              'x-events': {
                status: z.toJSONSchema(statusEventSchema),
                lapse: z.toJSONSchema(lapseEventSchema),
                summary: z.toJSONSchema(summarySchema),
              },
            },
          },
        },
      }),
    },
    '/api/v1/region/districts': {
      get: operation({
        tag: 'Map',
        operationId: 'getDistricts',
        summary: 'District polygons for the basemap',
        description: '© OpenStreetMap contributors (ODbL). Cacheable for a day; ETag.',
        security: 'session',
        responses: {
          200: { description: 'GeoJSON.', schema: geoJsonSchema, contentType: 'application/geo+json' },
        },
      }),
    },
    '/api/v1/region/outline': {
      get: operation({
        tag: 'Map',
        operationId: 'getRegionOutline',
        summary: 'City and oblast outlines for the basemap',
        description: '© OpenStreetMap contributors (ODbL). Cacheable for a day; ETag.',
        security: 'session',
        responses: {
          200: { description: 'GeoJSON.', schema: geoJsonSchema, contentType: 'application/geo+json' },
        },
      }),
    },
  };
}
