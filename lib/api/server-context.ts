// Server components prefetch through the same route handlers as the browser: this builds the
// absolute base URL and forwards the caller's cookie so the handler sees the same session.
import 'server-only';
import { headers } from 'next/headers';
import type { ApiContext } from './fetch';

export async function getServerApiContext(): Promise<ApiContext> {
  const h = await headers();
  const host = h.get('host') ?? `127.0.0.1:${process.env.PORT ?? '3000'}`;
  // Next itself speaks plain HTTP; TLS ends at a proxy. INTERNAL_API_URL overrides when the
  // public host is not reachable from the server.
  const baseUrl = process.env.INTERNAL_API_URL ?? `http://${host}`;
  const forwarded: Record<string, string> = {};
  const cookie = h.get('cookie');
  if (cookie) forwarded.cookie = cookie;
  const language = h.get('accept-language');
  if (language) forwarded['accept-language'] = language;
  return { baseUrl, headers: forwarded };
}
