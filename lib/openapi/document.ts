// GET /api/v1/openapi.json: the OpenAPI 3.1 document of every v1 route, built once per process.
import 'server-only';
import { jsonSchema, type PathItem } from './build';
import { devicePaths } from './device-paths';
import { officerPaths } from './officer-paths';
import { problemSchema } from '@/lib/api/common';

export const API_TAGS = [
  { name: 'Workers', description: 'Search and read worker files (audited).' },
  { name: 'Map', description: 'Server-side clusters and the offline basemap.' },
  { name: 'Lapses', description: 'Review queue, evidence, decisions and reinstatement.' },
  { name: 'Statistics', description: 'Counters and reports.' },
  { name: 'Policy', description: 'Lapse policy and the what-if simulator.' },
  { name: 'Audit', description: 'The append-only audit log.' },
  { name: 'Live', description: 'Server-sent events.' },
  { name: 'Device', description: 'The phone app (bearer device token).' },
  { name: 'Tracker protocols', description: 'Standard tracker apps as clients.' },
  { name: 'Administration', description: 'Officer accounts.' },
  { name: 'Operations', description: 'Health.' },
] as const;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: readonly { name: string; description: string }[];
  paths: Record<string, PathItem>;
  components: Record<string, unknown>;
}

let cached: OpenApiDocument | null = null;

export function buildOpenApiDocument(): OpenApiDocument {
  if (cached) return cached;
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Registration compliance API',
      version: '1.0.0',
      description:
        'Officer dashboard API and device API. Times are ISO 8601 with offset. Errors are application/problem+json (RFC 9457) with `type`, `title`, `status`, `detail` and, for validation, `errors` naming each field. Officer routes use the session cookie and are limited to the caller\u2019s okrugs; state-changing calls from a browser must be same-origin.',
    },
    servers: [{ url: '/' }],
    tags: API_TAGS,
    paths: { ...officerPaths(), ...devicePaths() },
    components: {
      schemas: { Problem: jsonSchema(problemSchema) },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'regwatch.session_token',
          description: 'Officer session cookie set at sign-in.',
        },
        deviceBearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Device token from /api/v1/device/enroll.',
        },
        deviceBasic: {
          type: 'http',
          scheme: 'basic',
          description: 'Device id as user name, device token as password.',
        },
        deviceQueryToken: {
          type: 'apiKey',
          in: 'query',
          name: 'id',
          description: 'Device token as `id`, `deviceid` or `device_id`.',
        },
      },
    },
  };
  return cached;
}
