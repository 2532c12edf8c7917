// The OpenAPI document covers every route handler under app/api/v1 with each method it exports,
// and the docs page helpers read its schemas.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_METHODS } from './build';
import { describeType, listFields } from './describe';
import { buildOpenApiDocument } from './document';

const root = path.resolve(import.meta.dirname, '../..');

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === 'route.ts' ? [full] : [];
  });
}

function toApiPath(file: string): string {
  const rel = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep);
  return `/${rel.map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/')}`;
}

function exportedMethods(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return HTTP_METHODS.filter((m) =>
    new RegExp(`export (const|async function|function) ${m.toUpperCase()}\\b`).test(text),
  );
}

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('is OpenAPI 3.1 with a Problem schema', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components).toHaveProperty('schemas.Problem');
  });

  const files = routeFiles(path.join(root, 'app/api/v1')).filter((f) => !f.includes('openapi.json'));
  it.each(files.map((f) => [toApiPath(f), f]))('documents %s', (apiPath, file) => {
    const item = doc.paths[apiPath];
    expect(item, `${apiPath} is missing from lib/openapi`).toBeDefined();
    for (const method of exportedMethods(file)) expect(item).toHaveProperty(method);
  });

  it('gives every operation an id, a tag that exists and at least one response', () => {
    const tags = new Set(doc.tags.map((t) => t.name));
    const ids = new Set<string>();
    for (const item of Object.values(doc.paths)) {
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!op) continue;
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(tags.has(op.tags[0] ?? '')).toBe(true);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
  });

  it('marks the trace reason as a required query parameter', () => {
    const reason = doc.paths['/api/v1/workers/{id}/trace']?.get?.parameters?.find((p) => p.name === 'reason');
    expect(reason).toMatchObject({ in: 'query', required: true });
  });
});

describe('describeType / listFields', () => {
  it.each([
    [{ type: 'string', format: 'uuid' }, 'string (uuid)'],
    [{ type: 'integer', minimum: 1, maximum: 200, default: 50 }, 'integer 1..200 = 50'],
    [{ enum: ['a', 'b'] }, '"a" | "b"'],
    [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, 'string or null'],
    [{ type: 'array', items: { type: 'number' } }, 'array of number'],
  ])('%j -> %s', (schema, text) => {
    expect(describeType(schema)).toBe(text);
  });

  it('flattens nested objects and arrays', () => {
    const rows = listFields({
      type: 'object',
      required: ['items'],
      properties: {
        items: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        },
        next: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
    });
    expect(rows.map((r) => [r.path, r.required])).toEqual([
      ['items', true],
      ['items[].id', true],
      ['next', false],
    ]);
  });
});
