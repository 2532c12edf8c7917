import { describe, expect, test } from 'vitest';
import { interpretSignInResponse } from './client';

describe('interpretSignInResponse', () => {
  test.each([
    { status: 200, code: null, retry: null, expected: { ok: true } },
    {
      status: 401,
      code: 'INVALID_USERNAME_OR_PASSWORD',
      retry: null,
      expected: { ok: false, reason: 'invalid' },
    },
    { status: 422, code: 'INVALID_USERNAME', retry: null, expected: { ok: false, reason: 'invalid' } },
    {
      status: 429,
      code: 'TOO_MANY_FAILED_SIGN_INS',
      retry: '120',
      expected: { ok: false, reason: 'locked', retryAfterSeconds: 120 },
    },
    {
      status: 429,
      code: null,
      retry: null,
      expected: { ok: false, reason: 'locked', retryAfterSeconds: null },
    },
    { status: 403, code: 'ACCOUNT_DISABLED', retry: null, expected: { ok: false, reason: 'disabled' } },
    { status: 403, code: 'INVALID_ORIGIN', retry: null, expected: { ok: false, reason: 'failed' } },
    { status: 500, code: null, retry: null, expected: { ok: false, reason: 'failed' } },
  ])('$status $code → $expected.reason', ({ status, code, retry, expected }) => {
    expect(interpretSignInResponse(status, code, retry)).toEqual(expected);
  });
});
