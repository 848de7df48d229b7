/**
 * The cross-site request forgery defence of the API's route handlers (server/auth/require-permission.ts
 * `withPermission`, which every handler of app/api/v1 and app/metrics goes through). Plain Node: no
 * Next, no database, so that it is checked before any work and can be unit-tested.
 *
 * A browser attaches the session cookie to a request another site makes it send (a form post, a
 * `fetch` with `credentials: 'include'`), so a cookie-authenticated POST, PUT, PATCH or DELETE is
 * only accepted when
 *   - its `Origin` is the dashboard's own origin (AUTH_URL when set, else the scheme and `Host` of
 *     the request itself); without `Origin`, `Sec-Fetch-Site` must be `same-origin`; with neither,
 *     or with `Origin: null` (sandboxed frames, some redirects), it is refused; and
 *   - it carries no body or a JSON body (`Content-Type: application/json`): an HTML form can only
 *     send `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`, and a
 *     cross-site `fetch` with a JSON content type needs a CORS preflight this server never grants.
 * A request with `Authorization` is authenticated by its token alone (lib/auth/caller.ts ignores
 * cookies then) and a browser never adds that header by itself, so such calls are not affected; nor
 * are requests without a cookie (they have no credentials to abuse and are answered 401).
 *
 * Better Auth's endpoints (app/api/auth) are not wrapped: Better Auth checks `Origin` against its
 * trusted origins (lib/auth/auth.ts) itself. Server actions are not wrapped either: Next 16.4
 * (node_modules/next/dist/server/app-render/action-handler.js, handleAction) compares the `Origin`
 * host of every server action with `X-Forwarded-Host`, else `Host`, and aborts the action (500,
 * nothing run) when they differ, `Origin: null` included, unless `serverActions.allowedOrigins`
 * lists it (this app lists none). It lets a request *without* `Origin` through with a warning, as
 * browsers always send `Origin` on a POST; and it does not run url-encoded form posts as actions at
 * all. That is the same rule as here, minus the `Sec-Fetch-Site` fallback, so nothing more is built.
 */

/** The methods that change something; GET, HEAD and OPTIONS never do in this app. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type CsrfRequest = {
  method: string;
  /** The request's URL; its scheme (and, without a `Host` header, its host) make the own origin. */
  url: string;
  headers: Headers;
};

export type CsrfDecision = { ok: true } | { ok: false; message: string };

const OK: CsrfDecision = { ok: true };
const refuse = (message: string): CsrfDecision => ({ ok: false, message });

/** The origin of an absolute http(s) URL, lower-cased by the URL parser; null for anything else. */
function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The dashboard's own origin for this request: `publicOrigin` (AUTH_URL) when set, else its scheme and Host. */
export function ownOrigin(request: CsrfRequest, publicOrigin: string | undefined): string | null {
  if (publicOrigin) return originOf(publicOrigin);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  const host = request.headers.get('host')?.trim() || url.host;
  return originOf(`${url.protocol}//${host}`);
}

/** True when the request has a body (RFC 9112 §6.3: a non-zero `Content-Length`, or `Transfer-Encoding`). */
export function hasBody(headers: Headers): boolean {
  if (headers.has('transfer-encoding')) return true;
  const length = headers.get('content-length');
  return length !== null && length.trim() !== '' && length.trim() !== '0';
}

/** True for `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** True when the request is authenticated by the session cookie (as lib/auth/caller.ts resolves it). */
export function isCookieAuthenticated(headers: Headers): boolean {
  return headers.get('authorization') === null && Boolean(headers.get('cookie')?.trim());
}

/**
 * Whether a route handler may act on this request (see the top of this file). `publicOrigin` is
 * AUTH_URL (lib/env.ts), undefined when unset.
 */
export function checkCsrf(request: CsrfRequest, publicOrigin: string | undefined): CsrfDecision {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return OK;
  const { headers } = request;
  if (!isCookieAuthenticated(headers)) return OK;

  const expected = ownOrigin(request, publicOrigin);
  const origin = headers.get('origin');
  if (origin !== null) {
    if (origin.trim() === 'null') return refuse('A request from an opaque origin (Origin: null) may not use the session cookie.');
    const actual = originOf(origin.trim());
    if (!expected || actual !== expected) return refuse('Cross-origin requests may not use the session cookie: Origin is not this dashboard.');
  } else {
    const site = headers.get('sec-fetch-site');
    if (site === null) return refuse('A request with the session cookie must send Origin (or Sec-Fetch-Site: same-origin).');
    if (site.trim().toLowerCase() !== 'same-origin') return refuse('Cross-site requests may not use the session cookie (Sec-Fetch-Site is not same-origin).');
  }

  const contentType = headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) return refuse('The request body must be JSON (Content-Type: application/json).');
  if (hasBody(headers) && contentType === null) return refuse('The request body must be JSON (Content-Type: application/json).');
  return OK;
}
