// Next 16 proxy (formerly middleware): hands pages the path they were asked for, so a page that needs
// a session can send the browser to /sign-in?next=<that path> and back again afterwards.
import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/paths';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)'],
};
