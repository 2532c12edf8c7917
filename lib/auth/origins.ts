// Which origins may send state-changing requests: the site's own (from BETTER_AUTH_URL, or from the
// Host header the browser addressed) plus any listed in TRUSTED_ORIGINS (comma separated).
import 'server-only';

import type { EnvVars } from './env';

export function configuredOrigins(env: EnvVars = process.env): string[] {
  const values = [env.BETTER_AUTH_URL, ...(env.TRUSTED_ORIGINS ?? '').split(',')];
  const origins: string[] = [];
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    try {
      origins.push(new URL(trimmed).origin);
    } catch {
      // A malformed entry is ignored rather than trusted.
    }
  }
  return origins;
}

/** The origin the client addressed, as seen through a reverse proxy when one sets X-Forwarded-*. */
export function requestOrigin(headers: Headers, fallbackProtocol = 'http'): string | null {
  const host = firstValue(headers.get('x-forwarded-host')) ?? headers.get('host');
  if (!host) return null;
  const proto = firstValue(headers.get('x-forwarded-proto')) ?? fallbackProtocol;
  return `${proto.replace(/:$/, '')}://${host}`;
}

export function allowedOrigins(headers: Headers, ownOrigin?: string): string[] {
  const list = new Set(configuredOrigins());
  if (ownOrigin) list.add(ownOrigin);
  const fromHost = requestOrigin(headers, ownOrigin ? new URL(ownOrigin).protocol : 'http');
  if (fromHost) list.add(fromHost);
  return [...list];
}

function firstValue(header: string | null): string | null {
  const first = header?.split(',')[0]?.trim();
  return first ? first : null;
}
