import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { runtimeSecurityHeaders } from '@/lib/security-headers';
import { REQUEST_PATH_HEADER } from '@/server/request-path';

/**
 * Sets the run-time security headers (lib/security-headers.ts) and passes the requested path on
 * to the pages (REQUEST_PATH_HEADER), overwriting whatever the client sent. A page gets a
 * Content-Security-Policy with a fresh nonce, on the request too (Next reads the nonce there and
 * puts it on its scripts; `x-nonce` carries it for any of ours) and on the response; API answers
 * and /metrics get the static CSP. Strict-Transport-Security when AUTH_URL is https.
 *
 * It is no security boundary for access and makes no decision: every page, server action and
 * API handler checks the caller itself.
 */
export function proxy(request: NextRequest) {
  const security = runtimeSecurityHeaders({
    pathname: request.nextUrl.pathname,
    publicOrigin: getEnv().AUTH_URL,
    // Next inlines NODE_ENV at build time; it is 'development' only under `next dev`.
    // eslint-disable-next-line no-restricted-properties
    isDev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.delete('x-nonce');
  if (security.nonce) {
    headers.set('x-nonce', security.nonce);
    headers.set('Content-Security-Policy', security.contentSecurityPolicy);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', security.contentSecurityPolicy);
  if (security.strictTransportSecurity) response.headers.set('Strict-Transport-Security', security.strictTransportSecurity);
  return response;
}

export const config = {
  // Everything but the hashed build assets, whose CSP next.config.ts sets (keep the two in step:
  // each response must get exactly one CSP).
  matcher: ['/((?!_next/static/|_next/image).*)'],
};
