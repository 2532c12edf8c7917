// Browser side of signing in: plain fetch calls to Better Auth's endpoints, and what their answers
// mean for the form. Sign-out lives in components/shell/sign-out-button.tsx.
import { OIDC_PROVIDER_ID } from './oidc';

export type SignInOutcome =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'disabled' | 'failed' | 'network' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number | null };

/** Reads a Better Auth answer; `code` comes from its JSON body when there is one. */
export function interpretSignInResponse(
  status: number,
  code: string | null,
  retryAfter: string | null,
): SignInOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 401 || status === 422 || status === 400) return { ok: false, reason: 'invalid' };
  if (status === 429) {
    const seconds = Number(retryAfter);
    return {
      ok: false,
      reason: 'locked',
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null,
    };
  }
  if (status === 403 && code === 'ACCOUNT_DISABLED') return { ok: false, reason: 'disabled' };
  return { ok: false, reason: 'failed' };
}

export async function signInWithPassword(username: string, password: string): Promise<SignInOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/auth/sign-in/username', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim(), password }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  const body: unknown = await res.json().catch(() => null);
  const code =
    typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : null;
  return interpretSignInResponse(
    res.status,
    code,
    res.headers.get('retry-after') ?? res.headers.get('x-retry-after'),
  );
}

/** Starts single sign-on; resolves to the provider's URL to navigate to, or null on failure. */
export async function startSingleSignOn(next: string): Promise<string | null> {
  try {
    const res = await fetch('/api/auth/sign-in/social', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        provider: OIDC_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: '/sign-in?error=sso',
        disableRedirect: true,
      }),
      credentials: 'same-origin',
    });
    const body: unknown = await res.json().catch(() => null);
    if (
      !res.ok ||
      typeof body !== 'object' ||
      body === null ||
      !('url' in body) ||
      typeof body.url !== 'string'
    )
      return null;
    return body.url;
  } catch {
    return null;
  }
}
