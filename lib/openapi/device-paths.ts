// The device API, the tracker protocols, account administration and health, in OpenAPI form.
// Request bodies come from the schemas the routes parse with; answers are described here.
import 'server-only';
import { z } from 'zod';
import {
  deviceEventSchema,
  enrollSchema,
  fixSchema,
  MAX_BATCH_ITEMS,
  registrationSchema,
  CITIZENSHIP_RULE,
  positionsEnvelopeSchema,
  BACKLOG_HOLD_SECONDS,
} from '@/lib/api/device-schemas';
import { createOfficerSchema, resetPasswordSchema, updateOfficerSchema } from '@/lib/auth/officer-schemas';
import { operation, type PathItem, pathParameter, validationError } from './build';
import { notificationPaths } from './notification-paths';
import { addressChangeResultSchema, addressChangeSchema } from '@/lib/api/address-change';

const batchResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

const deviceStatus = z.object({
  workerId: z.guid(),
  registration: z
    .object({
      id: z.guid(),
      status: z.string(),
      since: z.string(),
      address: z
        .object({ text: z.string() })
        .describe('The declared address as typed; home coordinates are never sent to the phone.'),
    })
    .nullable(),
  openLapse: z
    .object({ id: z.guid(), kind: z.string(), startedAt: z.string(), graceEndsAt: z.string().nullable() })
    .nullable(),
  lastLapse: z
    .object({
      id: z.guid(),
      kind: z.string(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      likelyCause: z.string(),
      causedCancellation: z.boolean(),
    })
    .nullable(),
  lastFixAt: z.string().nullable(),
  nextStep: z.object({ code: z.string(), messageRu: z.string(), messageEn: z.string() }),
});

const officerAccount = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: z.string(),
    okrugs: z.array(z.string()),
    disabled: z.boolean(),
  })
  .loose();

const unauthorizedDevice = {
  description: 'Missing, unknown or revoked device token (a phone replaced by a newer enrolment is told so).',
};

export function devicePaths(): Record<string, PathItem> {
  const admin = (
    summary: string,
    operationId: string,
    extra: Partial<Parameters<typeof operation>[0]> = {},
  ) =>
    operation({
      tag: 'Administration',
      summary,
      operationId,
      security: 'session',
      roles: ['admin'],
      parameters: [pathParameter('id', 'Officer account id')],
      responses: { 204: { description: 'Done.' }, 404: { description: 'No such account.' } },
      ...extra,
    });
  return {
    '/api/v1/device/enroll': {
      post: operation({
        tag: 'Device',
        operationId: 'enrollDevice',
        summary: 'Enroll a phone',
        description: `Creates (or finds, by citizenship and document) the worker and issues a device token. ${CITIZENSHIP_RULE} Enrolling a known person again must repeat the same full name, birth date and phone; the new phone then replaces the old one, whose token is revoked (401 from then on), and the replacement is audited and shown in the worker file.`,
        security: 'none',
        body: { schema: enrollSchema },
        responses: {
          201: { description: 'Enrolled.', schema: z.object({ deviceId: z.guid(), token: z.string() }) },
          400: validationError,
          409: {
            description:
              'A worker with this citizenship and document is enrolled and the full name, birth date or phone does not match (which one is not said).',
          },
          422: { description: 'Citizenship outside the nine countries the rule applies to.' },
          429: {
            description:
              'Too many refused re-enrolments (409) for this person from this address, or from this address overall; Retry-After says when to try again.',
          },
        },
      }),
    },
    '/api/v1/device/registrations': {
      post: operation({
        tag: 'Device',
        operationId: 'declareAddress',
        summary: 'Declare a residential address (new registration)',
        security: 'device',
        body: { schema: registrationSchema },
        responses: {
          201: {
            description: 'Registration created.',
            schema: z.object({ registrationId: z.guid(), status: z.literal('pending') }),
          },
          400: validationError,
          401: unauthorizedDevice,
          409: { description: 'Another registration of the worker is pending, active or interrupted.' },
          422: { description: 'The address is outside the region.' },
        },
      }),
    },
    '/api/v1/device/registrations/{id}/address': {
      post: operation({
        parameters: [pathParameter('id', 'Registration id returned when the address was declared')],
        tag: 'Device',
        operationId: 'changeAddress',
        summary: 'Declare a new address without losing the registration',
        description:
          'The registration stays pending, active or interrupted; the change is recorded with its time. A change is due within 3 working days of the move (`movedAt`, production calendar, Europe/Moscow); a later one is accepted and flagged `late`.',
        security: 'device',
        body: { schema: addressChangeSchema },
        responses: {
          200: { description: 'The address is changed.', schema: addressChangeResultSchema },
          400: validationError,
          401: unauthorizedDevice,
          404: { description: 'The device has no registration with this id.' },
          409: { description: 'The registration is cancelled or ended: declare a new one instead.' },
          422: { description: 'The address is outside the region, or `movedAt` is in the future.' },
        },
      }),
    },
    '/api/v1/device/positions': {
      post: operation({
        tag: 'Device',
        operationId: 'postPositions',
        summary: 'Send fixes',
        description: `1..${MAX_BATCH_ITEMS} fixes in any order, possibly hours late. Idempotent on (device, time): repeats count as duplicates. Bad items (including numbers the storage cannot hold and text with NUL bytes) are rejected one by one in \`rejected\`; the good ones are stored. A phone uploading a backlog sends \`backlog\` (fixes still queued): while it is above zero the server waits up to ${BACKLOG_HOLD_SECONDS} s after each batch before judging the phone's silence. Late fixes void a lapse only when the track is plausible (at most 70 m/s between fixes, no two fixes at one instant, none recorded after it was received or before the phone was enrolled); each such void is audited and marked for officer review.`,
        security: 'device',
        body: {
          schema: z.object({
            positions: z.array(fixSchema).min(1).max(MAX_BATCH_ITEMS),
            backlog: positionsEnvelopeSchema.shape.backlog,
          }),
        },
        responses: {
          200: { description: 'What was stored.', schema: batchResult },
          400: validationError,
          401: unauthorizedDevice,
        },
      }),
    },
    '/api/v1/device/events': {
      post: operation({
        tag: 'Device',
        operationId: 'postDeviceEvents',
        summary: 'Send device events',
        security: 'device',
        body: { schema: z.object({ events: z.array(deviceEventSchema).min(1).max(MAX_BATCH_ITEMS) }) },
        responses: {
          200: { description: 'What was stored.', schema: batchResult },
          400: validationError,
          401: unauthorizedDevice,
        },
      }),
    },
    '/api/v1/device/status': {
      get: operation({
        tag: 'Device',
        operationId: 'getDeviceStatus',
        summary: "The worker's registration status and what to do next",
        security: 'device',
        responses: { 200: { description: 'Status.', schema: deviceStatus }, 401: unauthorizedDevice },
      }),
    },
    ...notificationPaths(unauthorizedDevice),
    '/api/v1/ingest/osmand': {
      get: operation({
        tag: 'Tracker protocols',
        operationId: 'osmandGet',
        summary: 'OsmAnd protocol (Traccar Client), query string',
        description:
          '`id`/`deviceid`/`device_id` carries the device token; `lat`, `lon`, `timestamp`, `speed` (knots), `accuracy`, `batt`, `charge`.',
        security: 'deviceToken',
        responses: { 200: { description: 'Stored.' }, 400: validationError, 401: unauthorizedDevice },
      }),
      post: operation({
        tag: 'Tracker protocols',
        operationId: 'osmandPost',
        summary: 'OsmAnd protocol, form body or JSON',
        security: 'deviceToken',
        body: { schema: { type: 'object' }, contentType: 'application/x-www-form-urlencoded' },
        responses: { 200: { description: 'Stored.' }, 400: validationError, 401: unauthorizedDevice },
      }),
    },
    '/api/v1/ingest/owntracks': {
      post: operation({
        tag: 'Tracker protocols',
        operationId: 'owntracks',
        summary: 'OwnTracks HTTP mode',
        description:
          'HTTP Basic auth with the device id and token. `_type: "location"` messages are stored; others are acknowledged.',
        security: 'deviceBasic',
        body: { schema: { type: 'object', properties: { _type: { type: 'string' } } } },
        responses: {
          200: { description: 'Always `[]`.', schema: { type: 'array', maxItems: 0 } },
          400: validationError,
          401: unauthorizedDevice,
        },
      }),
    },
    '/api/v1/admin/officers': {
      get: operation({
        tag: 'Administration',
        operationId: 'listOfficers',
        summary: 'Officer accounts',
        security: 'session',
        roles: ['admin'],
        responses: {
          200: { description: 'Accounts.', schema: z.object({ items: z.array(officerAccount) }) },
        },
      }),
      post: operation({
        tag: 'Administration',
        operationId: 'createOfficer',
        summary: 'Create an officer account',
        security: 'session',
        roles: ['admin'],
        body: { schema: createOfficerSchema },
        responses: {
          201: { description: 'Created.', schema: officerAccount },
          400: validationError,
          409: { description: 'Username taken.' },
        },
      }),
    },
    '/api/v1/admin/officers/{id}': {
      get: admin('One officer account', 'getOfficer', {
        responses: {
          200: { description: 'The account.', schema: officerAccount },
          404: { description: 'No such account.' },
        },
      }),
      patch: admin('Change name, role, okrugs or disable', 'updateOfficer', {
        body: { schema: updateOfficerSchema },
        responses: {
          200: { description: 'The account.', schema: officerAccount },
          400: validationError,
          404: { description: 'No such account.' },
        },
      }),
    },
    '/api/v1/admin/officers/{id}/disable': {
      post: admin('Disable an account (ends its sessions)', 'disableOfficer'),
    },
    '/api/v1/admin/officers/{id}/enable': { post: admin('Enable an account', 'enableOfficer') },
    '/api/v1/admin/officers/{id}/revoke-sessions': {
      post: admin('Sign the account out everywhere', 'revokeOfficerSessions'),
    },
    '/api/v1/admin/officers/{id}/password': {
      post: admin('Set a new password', 'resetOfficerPassword', { body: { schema: resetPasswordSchema } }),
    },
    '/api/health': {
      get: operation({
        tag: 'Operations',
        operationId: 'health',
        summary: 'Liveness and database reachability',
        security: 'none',
        responses: {
          200: {
            description: 'Up.',
            schema: z.object({
              status: z.literal('ok'),
              database: z.string(),
              dbReachable: z.boolean(),
              databaseStatus: z.literal('up'),
              latencyMs: z.number().describe('round trip of SELECT 1, in milliseconds'),
              time: z.string(),
            }),
          },
          503: {
            description:
              'The database cannot be reached (problem+json with databaseStatus "down", latencyMs and a Retry-After header).',
          },
        },
      }),
    },
  };
}
