// Reads a request body with a size cap and parses it with zod, turning every failure into a
// problem answer a client can act on (wrong content type, too large, broken JSON, bad fields).
import 'server-only';
import { z } from 'zod';
import { HttpError, zodFieldErrors } from './problem';

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export async function readTextBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    `The request body is larger than ${maxBytes} bytes. Send fewer items per request.`,
  );
}

export function isJsonContentType(req: Request): boolean {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

export async function readJson(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(req)) {
    throw new HttpError(415, 'Send the body as JSON with the header Content-Type: application/json.');
  }
  const text = await readTextBody(req, maxBytes);
  if (!text.trim()) throw new HttpError(400, 'The request body is empty; a JSON object was expected.');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(
      400,
      `The request body is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`,
    );
  }
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where = 'request body',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = zodFieldErrors(result.error);
    const first = errors[0];
    throw new HttpError(
      400,
      `The ${where} is not valid: ${first ? `${first.field}: ${first.message}` : 'see errors'}.`,
      {
        type: 'https://regwatch.example/problems/validation',
        title: 'Validation failed',
        errors,
      },
    );
  }
  return result.data;
}

export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  const body = await readJson(req, maxBytes);
  assertNoNul(body);
  return parseWith(schema, body);
}

/**
 * PostgreSQL text cannot hold a NUL character, so a body that has one anywhere (value or key) is
 * refused as a whole with the field named. Batch routes (positions, events) do not use this: they
 * reject a bad item on its own. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function assertNoNul(value: unknown, where = 'request body'): void {
  const field = findNul(value);
  if (field === null) return;
  throw new HttpError(400, `The ${where} is not valid: ${field} contains a NUL character.`, {
    type: 'https://regwatch.example/problems/validation',
    title: 'Validation failed',
    errors: [{ field, message: 'Remove the NUL (\\u0000) character.' }],
  });
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

/** The path of the first string or key holding a NUL, or null when there is none. */
function findNul(root: unknown): string | null {
  const stack: Visit[] = [{ value: root, key: '', parent: null }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return pathOf(item);
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, value] of Object.entries(item.value)) {
        const child = { value, key, parent: item };
        if (key.includes('\u0000')) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return null;
}

// Built only for the offending value, so a deeply nested body costs no path strings.
function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(v.key.replaceAll('\u0000', '\\u0000'));
  return keys.reverse().join('.').slice(0, 200) || '(body)';
}
