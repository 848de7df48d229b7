import type { Db } from '@/db/client';
import { createAuth, handleAuthRequest, resolveAuthSecret, type Auth } from '@/lib/auth/auth';

/** The origin the auth tests' requests come from (Better Auth's baseURL). */
export const AUTH_TEST_ORIGIN = 'http://localhost:3000';

/** Better Auth on a test database, with a sign-in rate limit of `rateLimitMax` (0: off). */
export async function makeTestAuth(db: Db, rateLimitMax = 0): Promise<Auth> {
  return createAuth(db, { secret: await resolveAuthSecret(db), baseURL: AUTH_TEST_ORIGIN, rateLimit: { max: rateLimitMax, windowSeconds: 60 }, logLevel: 'silent' });
}

/** POST /api/auth/sign-in/email from the client address `ip`, as the product's server passes it on. */
export function signInRequest(auth: Auth, email: string, password: string, ip = '198.51.100.7'): Promise<Response> {
  return handleAuthRequest(
    auth,
    new Request(`${AUTH_TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: AUTH_TEST_ORIGIN, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}
