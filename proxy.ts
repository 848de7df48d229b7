import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/server/request-path';

/**
 * Only passes the requested path on to the pages (REQUEST_PATH_HEADER), overwriting whatever the
 * client sent. It is no security boundary and makes no decision: every page, server action and
 * API handler checks the caller itself.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, the auth endpoints or static files.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|metrics).*)'],
};
