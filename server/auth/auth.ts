import 'server-only';
import { nextCookies } from 'better-auth/next-js';
import { createAuth, resolveAuthSecret, type Auth } from '@/lib/auth/auth';
import { getEnv, getPublicOrigin } from '@/lib/env';
import { getServerDb } from '@/server/db';

const globalForAuth = globalThis as unknown as { retentionAuth?: Promise<Auth> };

/**
 * The web process's Better Auth instance, made on first use with the server's database and the
 * sign-in secret (AUTH_SECRET, or the one kept in the database). Next's cookie plugin lets
 * `auth.api` calls in server actions set and clear cookies.
 */
export function getServerAuth(): Promise<Auth> {
  globalForAuth.retentionAuth ??= (async () => {
    const env = getEnv();
    const db = await getServerDb();
    return createAuth(db, {
      secret: await resolveAuthSecret(db, env.AUTH_SECRET),
      baseURL: getPublicOrigin(),
      rateLimit: { max: env.AUTH_RATE_LIMIT_MAX, windowSeconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS },
      signInFailuresFree: env.SIGN_IN_FAILURES_FREE,
      logLevel: env.LOG_LEVEL,
      plugins: [nextCookies()],
    });
  })().catch((e: unknown) => {
    globalForAuth.retentionAuth = undefined;
    throw e;
  });
  return globalForAuth.retentionAuth;
}
