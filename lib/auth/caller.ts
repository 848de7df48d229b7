import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/auth';
import type { ChangedBy } from './audit';
import { ForbiddenError, NotAuthenticatedError, PasswordChangeRequiredError } from './errors';
import { hasPermission, type Permission, type UserRole } from './permissions';
import { findActiveApiToken } from './tokens';

/** Who makes a request: a signed-in user (session cookie) or an API token (`Authorization: Bearer`). */
export type Caller =
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      role: UserRole;
      mustChangePassword: boolean;
      sessionId: string;
      /** The library instance the login is tied to (selections and exports only); null: any. */
      instanceId: number | null;
    }
  | { kind: 'token'; tokenId: string; name: string; role: UserRole; instanceId: number | null };

/** The part of the Better Auth instance that reads a session from request headers. */
export type SessionReader = {
  api: { getSession: (context: { headers: Headers }) => Promise<{ session: { id: string }; user: { id: string } } | null> };
};

/**
 * Resolves the caller of a request from its headers. An `Authorization` header must carry a valid,
 * unrevoked API token (a bad one is never excused by a cookie); otherwise the session cookie must
 * name a live database session. The user's role, disabled flag and password state are read from
 * the database on every call, so a disabled or demoted user loses access on their next request.
 * Null when there are no valid credentials.
 */
export async function resolveCaller(db: DbOrTx, auth: SessionReader, headers: Headers): Promise<Caller | null> {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
    if (!match) return null;
    const token = await findActiveApiToken(db, match[1]!);
    return token ? { kind: 'token', tokenId: token.tokenId, name: token.name, role: token.role, instanceId: token.instanceId } : null;
  }
  if (!headers.get('cookie')) return null;
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, mustChangePassword: users.mustChangePassword, instanceId: users.instanceId })
    .from(users)
    .where(eq(users.id, found.user.id));
  const user = rows[0];
  if (!user || user.disabled) return null;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    sessionId: found.session.id,
    instanceId: user.instanceId,
  };
}

/**
 * The caller, when they may do what the permission names; otherwise a typed error:
 * NotAuthenticatedError (no valid credentials, HTTP 401), PasswordChangeRequiredError (signed in
 * with a one-time password, 403) or ForbiddenError (the role may not, 403).
 */
export function authorize(caller: Caller | null, permission: Permission): Caller {
  if (!caller) throw new NotAuthenticatedError();
  if (caller.kind === 'user' && caller.mustChangePassword) throw new PasswordChangeRequiredError();
  if (!hasPermission(caller.role, permission)) throw new ForbiddenError();
  return caller;
}

/** How the caller appears in the audit log. */
export function changedByOf(caller: Caller): ChangedBy {
  return caller.kind === 'user' ? { label: caller.email, userId: caller.userId } : { label: `token ${caller.name}`, userId: null };
}
