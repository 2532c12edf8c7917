// English strings for the map layout and the API reference page (same keys as officer-view-ru.ts).
import type { officerViewRu } from './officer-view-ru';

export const officerViewEn: typeof officerViewRu = {
  apiDocs: {
    title: 'API documentation',
    intro:
      'Officer dashboard API and device API. Times are ISO 8601 with offset. Errors are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for validation, `errors` naming each field. Officer routes use the session cookie and are limited to the caller’s okrugs; state-changing calls from a browser must be same-origin.',
    sourceNote: 'Operation names and descriptions below come from the OpenAPI document itself.',
    sections: 'Sections',
    access: 'Access',
    noSignIn: 'no sign-in',
    anyRole: 'any role',
    officerSession: 'officer session ({roles})',
    deviceToken: 'device token (`{scheme}`)',
    parameters: 'Parameters',
    requestBody: 'Request body',
    responses: 'Responses',
    responseFields: 'Response fields',
    name: 'Name',
    type: 'Type',
    required: 'Required',
    description: 'Description',
    yes: 'yes',
    tags: {
      Workers: { name: 'Workers', description: 'Search and read worker files (audited).' },
      Map: { name: 'Map', description: 'Server-side clusters and the offline basemap.' },
      Lapses: { name: 'Lapses', description: 'Review queue, evidence, decisions and reinstatement.' },
      Statistics: { name: 'Statistics', description: 'Counters and reports.' },
      Policy: { name: 'Policy', description: 'Lapse policy and the what-if simulator.' },
      Audit: { name: 'Audit', description: 'The append-only audit log.' },
      Live: { name: 'Live', description: 'Server-sent events.' },
      Device: { name: 'Device', description: 'The phone app (bearer device token).' },
      'Tracker protocols': { name: 'Tracker protocols', description: 'Standard tracker apps as clients.' },
      Administration: { name: 'Administration', description: 'Officer accounts.' },
      Operations: { name: 'Operations', description: 'Health.' },
    },
  },
  audit: {
    workersShown: {
      one: '{count} worker shown',
      few: '{count} workers shown',
      many: '{count} workers shown',
      other: '{count} workers shown',
    },
  },
  map: {
    badge: 'Number on a group’s rim: open lapses in that group',
  },
};
