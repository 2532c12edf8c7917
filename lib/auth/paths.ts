// Where sign-in sends the browser afterwards. Only same-site relative paths are accepted, so a crafted
// link cannot turn the sign-in page into an open redirect.

/** Request header set by proxy.ts with the page path and query that was asked for. */
export const PATH_HEADER = 'x-regwatch-path';

export function safeNextPath(value: string | null | undefined): string {
  if (!value || typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(value) || value.includes('\\')) return '/';
  try {
    const url = new URL(value, 'http://same.invalid');
    if (url.origin !== 'http://same.invalid') return '/';
    if (url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/api/')) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

export function signInUrl(returnTo?: string | null): string {
  const next = safeNextPath(returnTo);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}
