import 'server-only';
import { logUnexpectedError } from '@/lib/errors';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authorize, resolveCaller, type Caller } from '@/lib/auth/caller';
import { checkCsrf } from '@/lib/auth/csrf';
import { ForbiddenError, NotAuthenticatedError, PasswordChangeRequiredError } from '@/lib/auth/errors';
import type { Permission } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { safeNextPath } from '@/lib/validation/auth';
import { getServerAuth } from '@/server/auth/auth';
import { getServerDb } from '@/server/db';

/*
 * The security boundary of every page, server action and API handler: each asks for a permission
 * first thing. proxy.ts (if any) only redirects; it is never relied on.
 */

async function callerFrom(requestHeaders: Headers): Promise<Caller | null> {
  const [db, auth] = await Promise.all([getServerDb(), getServerAuth()]);
  return resolveCaller(db, auth, requestHeaders);
}

/**
 * The caller of the current request (session cookie or `Authorization: Bearer`), or null. Read
 * from the database on every request (once per request render), so revocation is immediate.
 */
export const getCaller = cache(async (): Promise<Caller | null> => callerFrom(await headers()));

/** Where to send someone who must sign in, coming back to `returnTo` (a same-site path) afterwards. */
export function loginPath(returnTo?: string): string {
  const next = safeNextPath(returnTo, '');
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

function changePasswordPath(returnTo?: string): string {
  const next = safeNextPath(returnTo, '');
  return next && next !== '/' ? `/change-password?next=${encodeURIComponent(next)}` : '/change-password';
}

/**
 * For pages and server actions: the caller when they may do what the permission names. Otherwise
 * a redirect: to /login without valid credentials, to /change-password for a one-time password,
 * to /forbidden when the role may not. `returnTo` is the page to come back to after signing in.
 */
export async function requirePermission(permission: Permission, options: { returnTo?: string } = {}): Promise<Caller> {
  const caller = await getCaller();
  try {
    return authorize(caller, permission);
  } catch (e) {
    if (e instanceof NotAuthenticatedError) redirect(loginPath(options.returnTo));
    if (e instanceof PasswordChangeRequiredError) redirect(changePasswordPath(options.returnTo));
    if (e instanceof ForbiddenError) redirect('/forbidden');
    throw e;
  }
}

/**
 * For the change-password page and action: a user signed in with a session, whether or not they
 * must change their password (API tokens have no password). Otherwise a redirect to /login.
 */
export async function requireSignedInUser(options: { returnTo?: string } = {}): Promise<Extract<Caller, { kind: 'user' }>> {
  const caller = await getCaller();
  if (!caller || caller.kind !== 'user') redirect(loginPath(options.returnTo));
  return caller;
}

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** A JSON error answer of the API: `{ error: { code, message } }`. */
export function jsonError(status: number, code: string, message: string, extraHeaders: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...extraHeaders } });
}

/**
 * The API answer for an error thrown by a handler: 401 without valid credentials, 403 when the
 * role may not (or the password must be changed first); anything unexpected is logged and
 * answered 500 with a generic message (never its text, a stack or SQL).
 */
export function apiErrorResponse(error: unknown): Response {
  if (error instanceof NotAuthenticatedError) return jsonError(401, error.code, error.message, { 'WWW-Authenticate': 'Bearer' });
  if (error instanceof PasswordChangeRequiredError || error instanceof ForbiddenError) return jsonError(403, error.code, error.message);
  // Only the kind of error: a database error's text can hold values (an actor id) that no log may keep.
  const id = logUnexpectedError('api request', error);
  return jsonError(500, 'INTERNAL', `Something went wrong (error id ${id}).`);
}

/** For route handlers: the caller of this request when they may do what the permission names; typed errors otherwise. */
export async function authorizeRequest(request: Request, permission: Permission): Promise<Caller> {
  return authorize(await callerFrom(request.headers), permission);
}

/**
 * The 403 `csrf` answer for a cookie-authenticated POST, PUT, PATCH or DELETE from another origin
 * or without a JSON body (lib/auth/csrf.ts), or null when the request may go on. Decided from the
 * headers alone, before the caller is resolved (reading the session may write to it) and before
 * the handler runs.
 */
export function csrfRefusal(request: Request): Response | null {
  const decision = checkCsrf(request, getEnv().AUTH_URL);
  return decision.ok ? null : jsonError(403, 'csrf', decision.message);
}

/**
 * Wraps a route handler so that it runs only for a caller with the permission, and so that its
 * typed errors become JSON answers (apiErrorResponse):
 * `export const GET = withPermission('settings.read', async (request, { caller }) => …)`.
 * A cookie-authenticated unsafe request must pass the CSRF check first (csrfRefusal).
 */
export function withPermission<C extends object>(
  permission: Permission,
  handler: (request: Request, context: C & { caller: Caller }) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      const refusal = csrfRefusal(request);
      if (refusal) return refusal;
      const caller = await authorizeRequest(request, permission);
      return await handler(request, { ...context, caller });
    } catch (e) {
      return apiErrorResponse(e);
    }
  };
}

/**
 * For the dashboard shell (app/(dashboard)/layout.tsx): any signed-in caller who may use the
 * dashboard, whatever their role. Without valid credentials a redirect to /login, with a one-time
 * password to /change-password. Each page still asks for its own permission.
 */
export async function requireDashboardCaller(options: { returnTo?: string } = {}): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect(loginPath(options.returnTo));
  if (caller.kind === 'user' && caller.mustChangePassword) redirect(changePasswordPath(options.returnTo));
  return caller;
}
