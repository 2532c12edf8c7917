// Small builders that turn zod schemas into OpenAPI 3.1 pieces (JSON Schema 2020-12), so the
// document is written by hand but its shapes come from the very schemas the routes parse with.
import 'server-only';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const out: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  delete out.$schema;
  return out;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** Each property of a zod object as a query parameter (input side: what a client sends). */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}): Parameter[] {
  const js = jsonSchema(schema, 'input');
  const properties = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    const text = descriptions[name] ?? (typeof description === 'string' ? description : undefined);
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(text ? { description: text } : {}),
      schema: rest,
    };
  });
}

export function pathParameter(name: string, description: string): Parameter {
  return { name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } };
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType | JsonSchema;
  contentType?: string;
}

export interface OperationSpec {
  tag: string;
  summary: string;
  description?: string;
  operationId: string;
  security: 'session' | 'device' | 'deviceBasic' | 'deviceToken' | 'none';
  roles?: string[];
  parameters?: Parameter[];
  body?: { schema: z.ZodType | JsonSchema; description?: string; contentType?: string };
  responses: Record<number, ResponseSpec>;
}

function toSchema(s: z.ZodType | JsonSchema, io: 'input' | 'output'): JsonSchema {
  return s instanceof z.ZodType ? jsonSchema(s, io) : s;
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const STANDARD_ERRORS: Record<number, string> = {
  401: 'Not signed in, or the session expired or was revoked.',
  403: 'The role or okrug scope does not allow this, or a cross-site request.',
};

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface OpenApiOperation {
  tags: string[];
  summary: string;
  operationId: string;
  description?: string;
  'x-roles'?: string[];
  security: Record<string, never[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type PathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export function operation(spec: OperationSpec): OpenApiOperation {
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const isError = Number(status) >= 400;
    const contentType = r.contentType ?? (isError ? 'application/problem+json' : 'application/json');
    const schema = r.schema ? toSchema(r.schema, 'output') : isError ? PROBLEM_REF : undefined;
    responses[status] = {
      description: r.description,
      ...(schema || !isError ? { content: { [contentType]: { schema: schema ?? {} } } } : {}),
    };
  }
  if (spec.security === 'session') {
    for (const [status, text] of Object.entries(STANDARD_ERRORS)) {
      responses[status] ??= {
        description: text,
        content: { 'application/problem+json': { schema: PROBLEM_REF } },
      };
    }
  }
  const security: Record<string, never[]>[] =
    spec.security === 'none'
      ? []
      : spec.security === 'session'
        ? [{ session: [] }]
        : spec.security === 'device'
          ? [{ deviceBearer: [] }]
          : spec.security === 'deviceBasic'
            ? [{ deviceBasic: [] }]
            : [{ deviceQueryToken: [] }];
  const roles = spec.roles?.length ? `\n\nRoles: ${spec.roles.join(', ')}.` : '';
  return {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: spec.operationId,
    ...(spec.description || roles ? { description: `${spec.description ?? ''}${roles}`.trim() } : {}),
    ...(spec.roles ? { 'x-roles': spec.roles } : {}),
    security,
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            ...(spec.body.description ? { description: spec.body.description } : {}),
            content: {
              [spec.body.contentType ?? 'application/json']: { schema: toSchema(spec.body.schema, 'input') },
            },
          },
        }
      : {}),
    responses,
  };
}

export const validationError: ResponseSpec = {
  description: 'Validation failed: `errors` names each bad field.',
};
export const notFound = (what: string): ResponseSpec => ({
  description: `No ${what} with this id in your okrugs.`,
});
