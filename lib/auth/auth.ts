import crypto from 'node:crypto';
import { APIError, BASE_ERROR_CODES, betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware, isAPIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { accounts, rateLimits, sessions, systemSecrets, users, verifications } from '../../db/schema/auth';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../validation/auth';
import { claimSignInAttempt, clearSignInFailures, DEFAULT_FREE_SIGN_IN_FAILURES, recordSignInFailure } from './sign-in-failures';
import { ONE_TIME_PASSWORD_EXPIRED_CODE, oneTimePasswordExpiredSql } from './users';

/** Where Better Auth's HTTP endpoints are mounted (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = '/api/auth';

/**
 * The Better Auth endpoints reachable over HTTP. Everything else it offers (sign-up, password
 * reset by email, account linking, user updates, …) is answered 404: users, roles and passwords
 * are changed only by our own audited functions (lib/auth/users.ts).
 */
export const AUTH_HTTP_PATHS = ['/sign-in/email', '/sign-out', '/get-session', '/ok', '/error'] as const;

/** Sessions last 12 hours and slide by use, renewed at most once an hour. */
const SESSION_SECONDS = 12 * 60 * 60;
const SESSION_UPDATE_SECONDS = 60 * 60;

export type AuthLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export type CreateAuthOptions = {
  /** Signs the session cookies (resolveAuthSecret). */
  secret: string;
  /** The dashboard's public origin; cookies are Secure when it is https. */
  baseURL: string;
  /** Sign-in attempts per client address and window; `max: 0` turns rate limiting off. */
  rateLimit: { max: number; windowSeconds: number };
  /** Failed sign-ins in a row per e-mail address before each attempt waits (SIGN_IN_FAILURES_FREE). */
  signInFailuresFree?: number;
  logLevel?: AuthLogLevel;
  /** Framework glue (Next's cookie plugin on the server); it must come last. */
  plugins?: BetterAuthPlugin[];
};

const SIGN_IN_PATH = '/sign-in/email';

/** The answer of a refused attempt: the same as Better Auth's rate limit gives (429, X-Retry-After), so the login form says the same. */
function tooManyAttempts(retryAfterSeconds: number): APIError {
  return new APIError(
    'TOO_MANY_REQUESTS',
    { code: 'TOO_MANY_REQUESTS', message: 'Too many requests. Please try again later.' },
    { 'X-Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * The failed-attempt limit per e-mail address (lib/auth/sign-in-failures.ts) on Better Auth's
 * sign-in endpoint itself, so the HTTP endpoint and the sign-in action (which calls it) are both
 * held to it: before the password is checked, an address that must wait is refused; afterwards
 * a wrong password (or an unknown or disabled login: the same 401) counts one failure and a
 * session clears the count.
 */
function signInFailureLimit(db: DbOrTx, free: number): BetterAuthPlugin {
  const isSignIn = (ctx: { path?: string }) => ctx.path === SIGN_IN_PATH;
  const emailOf = (body: unknown): string | null => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' && email.length <= 320 ? email : null;
  };
  return {
    id: 'retention-sign-in-failures',
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (email === null) return;
            const retryAfter = await claimSignInAttempt(db, email, free);
            if (retryAfter !== null) throw tooManyAttempts(retryAfter);
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (email === null) return;
            const returned = ctx.context.returned;
            if (isAPIError(returned)) {
              if (returned.statusCode === 401) await recordSignInFailure(db, email, free);
            } else if (ctx.context.newSession) await clearSignInFailures(db, email);
          }),
        },
      ],
    },
  };
}

/**
 * The Better Auth instance on our database: email and password only (no sign-up: logins are made
 * by admins), database sessions read on every request (no cookie cache, so deleting a session or
 * disabling a user takes effect on the next request), sign-in rate-limited in the database so all
 * web instances share the counts (per client address, and failures per e-mail address), no
 * session for a disabled user, and none with an expired one-time password.
 */
export function createAuth(db: DbOrTx, options: CreateAuthOptions) {
  const { max, windowSeconds } = options.rateLimit;
  const logLevel = options.logLevel ?? 'error';
  return betterAuth({
    appName: 'Retention dashboard',
    baseURL: options.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: options.secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      usePlural: true,
      transaction: true,
      schema: { users, sessions, accounts, verifications, rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      // Ours, read-only through Better Auth (input: false): only lib/auth/users.ts changes them.
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        mustChangePassword: { type: 'boolean', required: false, defaultValue: true, input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: SESSION_UPDATE_SECONDS,
      cookieCache: { enabled: false },
    },
    account: { accountLinking: { enabled: false } },
    rateLimit: {
      enabled: max > 0,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: windowSeconds, max: Math.max(max, 1) } },
    },
    advanced: {
      // The client address is X-Forwarded-For as the product's server wrote it (scripts/serve.ts
      // replaces whatever a client sent: TRUSTED_PROXIES); nothing else a client sends is read.
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      cookiePrefix: 'retention',
      // Better Auth's CSRF defence: a POST with a cookie (sign-out, a second sign-in) must come
      // from a trusted origin, which is only baseURL's (AUTH_URL, or http://localhost:PORT: no
      // trustedOrigins are added); a cross-site sign-in post is refused by its Fetch Metadata
      // check. Switched on explicitly: Better Auth turns it off by itself when NODE_ENV is 'test'
      // or TEST is set.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: options.baseURL.startsWith('https://'),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled login gets no session, whatever the password, and the same answer as a
          // wrong password: the answer must not tell that the password was right.
          before: async (session) => {
            const rows = await db
              .select({ disabled: users.disabled, isOneTimePasswordExpired: oneTimePasswordExpiredSql })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!rows[0] || rows[0].disabled) throw APIError.from('UNAUTHORIZED', BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
            // Only someone who knows the one-time password learns that it expired.
            if (rows[0].isOneTimePasswordExpired)
              throw APIError.from('FORBIDDEN', {
                code: ONE_TIME_PASSWORD_EXPIRED_CODE,
                message: 'This one-time password has expired. Ask an admin for a new one.',
              });
          },
        },
      },
    },
    telemetry: { enabled: false },
    logger: logLevel === 'silent' ? { disabled: true } : { level: logLevel },
    plugins: [signInFailureLimit(db, options.signInFailuresFree ?? DEFAULT_FREE_SIGN_IN_FAILURES), ...(options.plugins ?? [])],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Answers an HTTP request to the auth endpoints: the allowed ones (AUTH_HTTP_PATHS) go to Better
 * Auth, anything else gets 404.
 */
export function handleAuthRequest(auth: Pick<Auth, 'handler'>, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/\/+$/, '');
  const sub = path.startsWith(AUTH_BASE_PATH) ? path.slice(AUTH_BASE_PATH.length) : null;
  if (sub === null || !(AUTH_HTTP_PATHS as readonly string[]).includes(sub))
    return Promise.resolve(Response.json({ error: { code: 'NOT_FOUND', message: 'not found' } }, { status: 404 }));
  return auth.handler(request);
}

const AUTH_SECRET_NAME = 'auth_secret';

/**
 * The secret that signs session cookies: AUTH_SECRET when given, else the one kept in the
 * database, made on first use (concurrent starters agree on the first one written).
 */
export async function resolveAuthSecret(db: DbOrTx, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(systemSecrets)
    .values({ name: AUTH_SECRET_NAME, value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: systemSecrets.name });
  const rows = await db.select({ value: systemSecrets.value }).from(systemSecrets).where(eq(systemSecrets.name, AUTH_SECRET_NAME));
  if (!rows[0]) throw new Error('the sign-in secret could not be stored');
  return rows[0].value;
}
