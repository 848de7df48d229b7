import 'server-only';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies/utils';
import { cookies, headers } from 'next/headers';
import { AUTH_BASE_PATH, handleAuthRequest } from '@/lib/auth/auth';
import { getPublicOrigin } from '@/lib/env';
import { getServerAuth } from '@/server/auth/auth';

/**
 * Calls a Better Auth endpoint over its HTTP handler from a server action, as the browser that
 * sent the action. Unlike `auth.api`, the handler applies Better Auth's rate limiting, which is
 * what sign-in needs; the client's address and user agent are passed on for it (and for the
 * session row). The address is `X-Forwarded-For` as the product's server wrote it (scripts/serve.ts
 * replaces a client's own header, see TRUSTED_PROXIES); nothing else a client sends about its
 * address is passed on. Cookies the endpoint sets are set on the action's response.
 */
export async function callAuthEndpoint(path: string, body: unknown): Promise<Response> {
  const [auth, incoming] = await Promise.all([getServerAuth(), headers()]);
  const origin = getPublicOrigin();
  const forwarded = new Headers({ 'content-type': 'application/json', origin });
  for (const name of ['x-forwarded-for', 'user-agent']) {
    const value = incoming.get(name);
    if (value) forwarded.set(name, value);
  }
  const response = await handleAuthRequest(
    auth,
    new Request(`${origin}${AUTH_BASE_PATH}${path}`, { method: 'POST', headers: forwarded, body: JSON.stringify(body) }),
  );
  const jar = await cookies();
  for (const header of response.headers.getSetCookie())
    for (const [name, attributes] of parseSetCookieHeader(header)) jar.set(name, attributes.value, toCookieOptions(attributes));
  return response;
}
