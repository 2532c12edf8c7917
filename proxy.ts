// Next 16 proxy (formerly middleware), run before every page:
// - hands pages the path they were asked for, so a page that needs a session can send the browser to
//   /sign-in?next=<that path> and back again afterwards;
// - mints a nonce and the Content-Security-Policy that allows only scripts carrying it (on the request,
//   where Next picks the nonce up for its own scripts, and on the response, for the browser).
import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/paths';
import { buildPageCsp, createNonce, tileOriginOf } from '@/lib/security/csp';
import { refuseUndecodablePath } from '@/lib/server/api-path-guard';

const tileOrigin = tileOriginOf(process.env.NEXT_PUBLIC_TILE_URL);

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return refuseUndecodablePath(request.nextUrl.pathname) ?? NextResponse.next();
  }
  const csp = buildPageCsp({
    nonce: createNonce(),
    dev: process.env.NODE_ENV !== 'production',
    tileOrigin,
  });
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // /api/ paths only for the broken-escape guard (see lib/server/api-path-guard.ts).
  matcher: ['/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)', '/api/:path*'],
};
