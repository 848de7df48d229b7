/**
 * The Content Security Policy and Strict-Transport-Security of the dashboard's responses, set at
 * run time by proxy.ts (AUTH_URL is read when the server starts, not when it was built). The
 * other security headers (nosniff, Referrer-Policy, …) never change and stay in next.config.ts,
 * as does the CSP of the few paths proxy.ts does not see (hashed build assets). Every response
 * gets exactly one CSP: proxy.ts and next.config.ts set it on disjoint paths.
 */

/**
 * The CSP of everything that is no page: API answers (JSON, CSV, Prometheus text) and build assets.
 * Nothing in them is ever to be run, styled or framed.
 */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for two years, subdomains included; only sent when the public URL is https. */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

/**
 * The CSP of a page, with this request's nonce. Next reads the nonce from the request's CSP header
 * and puts it on its own scripts (the pages are rendered per request: they read the session and
 * the language cookie); 'strict-dynamic' lets the scripts those load run too, so no host list and
 * no 'unsafe-inline' for scripts. React's dev tooling needs 'unsafe-eval' and the dev server's
 * websocket, but only under `next dev`.
 *
 * style-src keeps 'unsafe-inline': React renders `style` attributes (Recharts sizes and colours
 * its SVG with them, the timeline positions its bars with them) and nonces cannot allow style
 * attributes; style injection cannot run script, and every script still needs the nonce.
 */
export function pageContentSecurityPolicy(nonce: string, options: { isDev: boolean }): string {
  const { isDev } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh nonce: 128 random bits, base64 (the characters a CSP nonce source allows). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** True for the paths of route handlers that answer data, not pages: /api/… and /metrics. */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname === '/metrics' || pathname.startsWith('/metrics/');
}

/** Strict-Transport-Security for a public origin: the value when it is https, else null (never on plain http). */
export function strictTransportSecurity(publicOrigin: string | undefined): string | null {
  return publicOrigin?.startsWith('https://') ? HSTS_VALUE : null;
}

export type RuntimeSecurityHeaders = {
  /** The CSP for the response (and, on pages, for the request, where Next reads the nonce). */
  contentSecurityPolicy: string;
  /** The nonce of a page; null on an API path. */
  nonce: string | null;
  strictTransportSecurity: string | null;
};

/**
 * The run-time security headers of a request to `pathname`: a page gets the nonce CSP, an API
 * path the static one; HSTS when AUTH_URL (`publicOrigin`) is https.
 */
export function runtimeSecurityHeaders(options: { pathname: string; publicOrigin: string | undefined; isDev: boolean; nonce?: string }): RuntimeSecurityHeaders {
  const hsts = strictTransportSecurity(options.publicOrigin);
  if (isApiPath(options.pathname)) return { contentSecurityPolicy: STATIC_CONTENT_SECURITY_POLICY, nonce: null, strictTransportSecurity: hsts };
  const nonce = options.nonce ?? makeNonce();
  return { contentSecurityPolicy: pageContentSecurityPolicy(nonce, { isDev: options.isDev }), nonce, strictTransportSecurity: hsts };
}
