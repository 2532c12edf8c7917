// Cross-site request check for our own state-changing routes (Better Auth checks its own endpoints).
// Rule: a browser always sends Origin, and modern ones Sec-Fetch-Site, on POST/PUT/PATCH/DELETE, so
// whenever either header is present it must say same-origin. When both are absent the caller is not
// a browser (curl, scripts, tests): such a client cannot ride on a victim's cookies, so it passes.
// The session cookie is SameSite=Lax as well, so a cross-site POST never carries it.
import 'server-only';
import { allowedOrigins } from '@/lib/auth/origins';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reason to refuse the request as cross-site, or null when it may proceed. */
export function checkCrossSite(method: string, headers: Headers, ownOrigin?: string): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return 'Cross-site request refused: changes can only be made from the dashboard itself.';
  }
  const origin = headers.get('origin');
  if (origin !== null && !allowedOrigins(headers, ownOrigin).includes(origin)) {
    return 'Cross-site request refused: the Origin header does not match this site.';
  }
  return null;
}
