// Calls to the account-management API from the admin page. Errors come back as the problem+json
// `detail`, which is written for a person to act on.
import type { OfficerAccount } from '@/lib/auth/officer-account';

export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> };

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, message: '', fields: {} };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  const problem = (json ?? {}) as { detail?: unknown; errors?: { field?: unknown; message?: unknown }[] };
  const fields: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    if (typeof e.field === 'string' && typeof e.message === 'string') fields[e.field] = e.message;
  }
  return {
    ok: false,
    message: typeof problem.detail === 'string' ? problem.detail : `HTTP ${res.status}`,
    fields,
  };
}

const BASE = '/api/v1/admin/officers';

export const officerApi = {
  list: () => call<{ items: OfficerAccount[] }>('GET', BASE),
  create: (body: { username: string; name: string; password: string; role: string; okrugs: string[] }) =>
    call<OfficerAccount>('POST', BASE, body),
  update: (id: string, body: { name?: string; role?: string; okrugs?: string[] }) =>
    call<OfficerAccount>('PATCH', `${BASE}/${encodeURIComponent(id)}`, body),
  setDisabled: (id: string, disabled: boolean) =>
    call<OfficerAccount>('POST', `${BASE}/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`),
  revokeSessions: (id: string) =>
    call<{ revoked: number }>('POST', `${BASE}/${encodeURIComponent(id)}/revoke-sessions`),
  setPassword: (id: string, password: string) =>
    call<null>('POST', `${BASE}/${encodeURIComponent(id)}/password`, { password }),
};
