// Officer sessions for suites that check what an officer sees of device-side changes.
import { expect } from 'vitest';
import { api } from './helpers';

export const DEMO_PASSWORD = 'demo-password-2026';
export type Role = 'officer' | 'officer2' | 'supervisor' | 'auditor' | 'admin';

export async function signIn(username: Role): Promise<string> {
  const res = await api('/api/auth/sign-in/username', { json: { username, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** GET (or a JSON call) with the session cookie; throws with the body on an unexpected status. */
export async function officerJson<T>(
  cookie: string,
  path: string,
  init: Parameters<typeof api>[1] = {},
  expected = 200,
): Promise<T> {
  const res = await api(path, { ...init, headers: { ...(init.headers as object), cookie } });
  if (res.status !== expected)
    throw new Error(`expected ${expected}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
