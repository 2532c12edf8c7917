import { describe, expect, it } from 'vitest';
import { classifyDatabaseError, HttpError, toResponse } from './problem';

const pgError = (code: string) => Object.assign(new Error('db said no'), { code });
// drizzle wraps the driver's error as `cause` of a DrizzleQueryError carrying the SQL and params.
const wrapped = (code: string) => Object.assign(new Error('Failed query: …'), { cause: pgError(code) });

describe('toResponse maps database errors', () => {
  it.each([
    'ECONNREFUSED',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    '57P01',
    '57P03',
    '08006',
    '57014',
    '55P03',
  ])('%s -> 503 problem+json with Retry-After', async (code) => {
    const res = toResponse(wrapped(code));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()) as unknown).toMatchObject({ status: 503 });
  });

  it.each(['22P02', '22021', '22003', '22007', '22008'])('%s (caused by input) -> 400', (code) => {
    expect(toResponse(wrapped(code)).status).toBe(400);
    expect(classifyDatabaseError(pgError(code))).toMatchObject({ kind: 'input', code });
  });

  it('leaves other errors a 500 and HttpError as it is', () => {
    expect(toResponse(pgError('42P01')).status).toBe(500);
    expect(toResponse(new TypeError('x')).status).toBe(500);
    expect(toResponse(new HttpError(409, 'Already reviewed by someone else.')).status).toBe(409);
    expect(classifyDatabaseError('ECONNREFUSED')).toBeNull();
  });
});
