import { describe, expect, test } from 'vitest';
import { withoutTokens } from './auth-route';

describe('withoutTokens', () => {
  test('removes tokens at any depth and keeps everything else', () => {
    expect(
      withoutTokens({
        redirect: false,
        token: 'secret',
        user: { id: 'u1', name: 'A' },
        session: { token: 'secret', expiresAt: 'x' },
        sessions: [{ token: 's', id: 1 }],
      }),
    ).toEqual({
      redirect: false,
      user: { id: 'u1', name: 'A' },
      session: { expiresAt: 'x' },
      sessions: [{ id: 1 }],
    });
    expect(withoutTokens(null)).toBeNull();
    expect(withoutTokens('token')).toBe('token');
  });
});
