// Next 16 proxy (formerly middleware): hands pages the path they were asked for, so a page that needs
// a session can send the browser to /sign-in?next=<that path> and back again afterwards.
import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/paths';
import { refuseUndecodablePath } from '@/lib/server/api-path-guard';

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return refuseUndecodablePath(request.nextUrl.pathname) ?? NextResponse.next();
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // /api/ paths only for the broken-escape guard (see lib/server/api-path-guard.ts).
  matcher: ['/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)', '/api/:path*'],
};
