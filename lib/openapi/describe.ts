// Turns JSON Schema fragments into short readable type descriptions for the API docs page. Pure.
import 'server-only';
import type { JsonSchema } from './build';

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

function range(s: JsonSchema): string {
  const min = s.minimum ?? s.exclusiveMinimum ?? s.minLength ?? s.minItems;
  const max = s.maximum ?? s.exclusiveMaximum ?? s.maxLength ?? s.maxItems;
  if (min === undefined && max === undefined) return '';
  return ` ${min ?? ''}..${max ?? ''}`;
}

/** "string (uuid)", "integer 1..200 = 50", "active | pending", "array of object", "… or null". */
export function describeType(s: JsonSchema): string {
  const variants = [...asSchemas(s.anyOf), ...asSchemas(s.oneOf)];
  if (variants.length > 0) {
    const parts = variants.map(describeType);
    return [...new Set(parts)].join(' or ');
  }
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const type = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : 'any';
  let text = type;
  if (type === 'array' && isSchema(s.items)) text = `array of ${describeType(s.items)}`;
  if (typeof s.format === 'string') text += ` (${s.format})`;
  text += range(s);
  if (s.default !== undefined) text += ` = ${JSON.stringify(s.default)}`;
  if (Array.isArray(s.examples) && s.examples.length > 0)
    text += `, e.g. ${s.examples.map(String).join(' or ')}`;
  return text;
}

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description?: string;
}

/** The fields of an object schema, nested objects flattened as a.b, arrays as a[].b, up to `depth`. */
export function listFields(s: JsonSchema, depth = 3, prefix = ''): FieldRow[] {
  const target = unwrapNullable(s);
  const properties = isSchema(target.properties) ? target.properties : null;
  if (!properties) {
    if (target.type === 'array' && isSchema(target.items) && depth > 0)
      return listFields(target.items, depth, `${prefix}[]`);
    return [];
  }
  const required = new Set(Array.isArray(target.required) ? target.required.map(String) : []);
  const rows: FieldRow[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (!isSchema(value)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    rows.push({
      path,
      type: describeType(value),
      required: required.has(name),
      ...(typeof value.description === 'string' ? { description: value.description } : {}),
    });
    if (depth > 1) rows.push(...listFields(value, depth - 1, path));
  }
  return rows;
}

function unwrapNullable(s: JsonSchema): JsonSchema {
  const variants = asSchemas(s.anyOf);
  const nonNull = variants.filter((v) => v.type !== 'null');
  return variants.length > 0 && nonNull.length === 1 && nonNull[0] ? nonNull[0] : s;
}
