/*
 * Runs server actions (and server/data functions) in vitest as if Next had received a request:
 * stand-ins for `next/headers` (the request's headers and cookies), `next/navigation` (redirect
 * and notFound throw signals the test can read) and `next/cache` (revalidatePath is recorded),
 * and the server's database pointed at a test database.
 *
 * In a test file (vi.mock is hoisted above the imports, so the factories import this module):
 *
 *   vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
 *   vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
 *   vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);
 *
 *   const t = await setupTestDatabase('actions');
 *   pointServerAtDatabase(t.url);
 *   const outcome = await runAs({ cookie }, () => createUser(null, form({ email, role })));
 */
import crypto from 'node:crypto';
import { afterAll } from 'vitest';

/** Thrown by the stand-in of `redirect()`: the action or page sent the browser to `url`. */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

/** Thrown by the stand-in of `notFound()`. */
export class NotFoundSignal extends Error {
  constructor() {
    super('not found');
  }
}

type CookieOptions = { path?: string; maxAge?: number; httpOnly?: boolean; secure?: boolean; sameSite?: unknown; expires?: unknown };

type RequestState = {
  headers: Headers;
  /** Cookies the request came with, then as changed by the action. */
  cookies: Map<string, string>;
  /** Cookies the action set (name → value and options); a deleted cookie has the value ''. */
  setCookies: Map<string, { value: string; options: CookieOptions }>;
  revalidated: string[];
};

let current: RequestState | undefined;

function state(): RequestState {
  if (!current) throw new Error('next/headers was used outside runAs(): wrap the call in runAs()');
  return current;
}

function parseCookieHeader(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return jar;
}

const cookieStore = {
  get(name: string) {
    const value = state().cookies.get(name);
    return value === undefined ? undefined : { name, value };
  },
  getAll() {
    return [...state().cookies].map(([name, value]) => ({ name, value }));
  },
  has(name: string) {
    return state().cookies.has(name);
  },
  set(nameOrCookie: string | ({ name: string; value: string } & CookieOptions), value?: string, options: CookieOptions = {}) {
    const cookie = typeof nameOrCookie === 'string' ? { name: nameOrCookie, value: value ?? '', ...options } : nameOrCookie;
    const { name, value: v, ...rest } = cookie;
    state().cookies.set(name, v);
    state().setCookies.set(name, { value: v, options: rest });
    return cookieStore;
  },
  delete(name: string) {
    state().cookies.delete(name);
    state().setCookies.set(name, { value: '', options: { maxAge: 0 } });
    return cookieStore;
  },
  toString() {
    return [...state().cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  },
};

/** Stand-in for the `next/headers` module. */
export const nextHeadersMock = {
  headers: async () => state().headers,
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

/** Stand-in for the `next/navigation` module (server side). */
export const nextNavigationMock = {
  redirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  permanentRedirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  notFound: (): never => {
    throw new NotFoundSignal();
  },
  RedirectType: { push: 'push', replace: 'replace' },
};

/** Stand-in for the `next/cache` module. */
export const nextCacheMock = {
  revalidatePath: (path: string) => {
    state().revalidated.push(path);
  },
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_noStore: () => undefined,
};

/** The credentials a request carries. */
export type Credentials = {
  /** A `Cookie` header, e.g. the session cookie from signInCookie(). */
  cookie?: string;
  /** An API token, sent as `Authorization: Bearer <token>`. */
  bearer?: string;
  acceptLanguage?: string;
};

/** How a call ended: a value, a redirect, notFound(), or a thrown error. */
export type Outcome<T> =
  | { kind: 'value'; value: T }
  | { kind: 'redirect'; url: string }
  | { kind: 'notFound' }
  | { kind: 'error'; error: unknown };

export type RunResult<T> = {
  outcome: Outcome<T>;
  /** Cookies the call set. */
  setCookies: Map<string, { value: string; options: CookieOptions }>;
  /** Paths passed to revalidatePath. */
  revalidated: string[];
};

/** Runs `fn` as a request with these credentials (one request: headers and cookies are fresh). */
export async function runAs<T>(credentials: Credentials, fn: () => Promise<T>): Promise<RunResult<T>> {
  const headers = new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '127.0.0.1' });
  if (credentials.cookie) headers.set('cookie', credentials.cookie);
  if (credentials.bearer !== undefined) headers.set('authorization', `Bearer ${credentials.bearer}`);
  if (credentials.acceptLanguage) headers.set('accept-language', credentials.acceptLanguage);
  const request: RequestState = { headers, cookies: parseCookieHeader(credentials.cookie ?? null), setCookies: new Map(), revalidated: [] };
  const previous = current;
  current = request;
  try {
    let outcome: Outcome<T>;
    try {
      outcome = { kind: 'value', value: await fn() };
    } catch (e) {
      if (e instanceof RedirectSignal) outcome = { kind: 'redirect', url: e.url };
      else if (e instanceof NotFoundSignal) outcome = { kind: 'notFound' };
      else outcome = { kind: 'error', error: e };
    }
    return { outcome, setCookies: request.setCookies, revalidated: request.revalidated };
  } finally {
    current = previous;
  }
}

/** FormData from plain fields (what a browser would post). */
export function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) data.set(name, value);
  // Next adds its own fields to an action's form data; the actions must ignore them.
  data.set('$ACTION_ID_0123456789abcdef', '');
  return data;
}

/**
 * Points the server's database (server/db.ts reads DATABASE_URL through lib/env) at a test
 * database, with sign-in unlimited and quiet. Call it before the first action runs; the server's
 * pool is closed after the file's tests.
 */
export function pointServerAtDatabase(url: string): void {
  process.env.DATABASE_URL = url;
  process.env.AUTH_RATE_LIMIT_MAX = '0';
  process.env.LOG_LEVEL = 'silent';
  process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString('base64url');
  afterAll(async () => {
    const { getServerConnection } = await import('@/server/db');
    await (await getServerConnection()).close();
  });
}

/**
 * Signs in through Better Auth's HTTP handler (the same one the sign-in page uses) and returns the
 * `Cookie` header of the new session.
 */
export async function signInCookie(email: string, password: string): Promise<string> {
  const [{ getServerAuth }, { handleAuthRequest }, { getPublicOrigin }] = await Promise.all([
    import('@/server/auth/auth'),
    import('@/lib/auth/auth'),
    import('@/lib/env'),
  ]);
  const origin = getPublicOrigin();
  const response = await handleAuthRequest(
    await getServerAuth(),
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
