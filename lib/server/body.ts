// Reads a request body with a size cap and parses it with zod, turning every failure into a
// problem answer a client can act on (wrong content type, too large, broken JSON, bad fields).
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
  return parseWith(schema, await readJson(req, maxBytes));
}
