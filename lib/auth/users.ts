import crypto from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { accounts, sessions, users, type UserRole } from '../../db/schema/auth';
import { instances } from '../../db/schema/library';
import { createUserSchema, newPasswordSchema, setUserInstanceSchema, setUserRoleSchema, userIdSchema } from '../validation/auth';
import { writeAuditEntry, type ChangedBy } from './audit';
import { getTieInstanceName } from './instance-tie';
import { EmailTakenError, LastAdminError, OneTimePasswordExpiredError, parseAuthInput, UserNotFoundError, WrongPasswordError } from './errors';
import { generateOneTimePassword, hashPassword, verifyPassword } from './passwords';

/** Better Auth's provider id for email and password credentials. */
const CREDENTIAL_PROVIDER = 'credential';

/** How long a one-time password works: it is shown to an admin, who passes it on; after that, an admin makes a new one. */
export const ONE_TIME_PASSWORD_HOURS = 72;

/** The code of Better Auth's answer to a sign-in with an expired one-time password (lib/auth/auth.ts). */
export const ONE_TIME_PASSWORD_EXPIRED_CODE = 'ONE_TIME_PASSWORD_EXPIRED';

/** When a one-time password made now stops working (the database's clock, as every check uses it). */
const oneTimePasswordExpiry = sql`now() + make_interval(hours => ${ONE_TIME_PASSWORD_HOURS})`;

/**
 * True (in SQL, on the users row) when the login's password is a one-time password that no
 * longer works. A one-time password without an expiry was made before expiries existed
 * (migration 0007). When it was made is not known: `updated_at` also moves with role changes and
 * enabling, so it could make an old password look fresh. The privacy-protective reading is taken:
 * such a password has expired, and an admin resets it to give a new one.
 */
export const oneTimePasswordExpiredSql = sql<boolean>`(${users.mustChangePassword} and (${users.oneTimePasswordExpiresAt} is null or ${users.oneTimePasswordExpiresAt} <= now()))`;

export type CreatedUser = { userId: string; email: string; role: UserRole; instanceId: number | null; oneTimePassword: string };

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pg = err.cause ?? err;
  return pg.code === '23505' && pg.constraint === constraint;
}

/** Inserts a user and their email-and-password credentials; the caller's transaction writes the audit row. */
async function insertUserWithPassword(
  tx: DbOrTx,
  user: { email: string; role: UserRole; name: string; passwordHash: string; mustChangePassword: boolean; instanceId: number | null },
): Promise<string | null> {
  const userId = crypto.randomUUID();
  const inserted = await tx
    .insert(users)
    .values({
      id: userId,
      email: user.email,
      name: user.name,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      instanceId: user.instanceId,
      oneTimePasswordExpiresAt: user.mustChangePassword ? oneTimePasswordExpiry : null,
      emailVerified: true,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted.length === 0) return null;
  await tx.insert(accounts).values({
    id: crypto.randomUUID(),
    accountId: userId,
    providerId: CREDENTIAL_PROVIDER,
    userId,
    password: user.passwordHash,
  });
  return userId;
}

const nameFromEmail = (email: string) => email.slice(0, email.indexOf('@'));

/**
 * Creates a login with a one-time password (returned once, stored only as Better Auth's hash) that
 * must be changed at the first sign-in and works for ONE_TIME_PASSWORD_HOURS. With `instanceId`,
 * the login is tied to that library instance (INTERFACES.md, Roles), which must exist
 * (UnknownInstanceError otherwise). One transaction with its audit row; a taken email address
 * throws EmailTakenError and writes nothing.
 */
export async function createUser(
  db: DbOrTx,
  params: { email: string; role: string; name?: string; instanceId?: number | null; by: ChangedBy },
): Promise<CreatedUser> {
  const input = parseAuthInput(createUserSchema, {
    email: params.email,
    role: params.role,
    ...(params.name !== undefined ? { name: params.name } : {}),
    ...(params.instanceId !== undefined ? { instanceId: params.instanceId } : {}),
  });
  const instanceId = input.instanceId ?? null;
  const oneTimePassword = generateOneTimePassword();
  // Hash before the transaction: scrypt takes a while and needs no lock.
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const userId = await db.transaction(async (tx) => {
      const instanceName = instanceId === null ? null : await getTieInstanceName(tx, instanceId);
      const id = await insertUserWithPassword(tx, {
        email: input.email,
        role: input.role,
        name: input.name ?? nameFromEmail(input.email),
        passwordHash,
        mustChangePassword: true,
        instanceId,
      });
      if (!id) throw new EmailTakenError(input.email);
      await writeAuditEntry(tx, {
        action: 'user.create',
        by: params.by,
        target: { type: 'user', id, label: input.email },
        details: { role: input.role, instanceId, ...(instanceName !== null ? { instanceName } : {}) },
      });
      return id;
    });
    return { userId, email: input.email, role: input.role, instanceId, oneTimePassword };
  } catch (e) {
    if (isUniqueViolation(e, 'users_email_unique')) throw new EmailTakenError(input.email);
    throw e;
  }
}

type LockedUser = { id: string; email: string; role: UserRole; disabled: boolean; instanceId: number | null };

async function lockUser(tx: DbOrTx, userId: string): Promise<LockedUser> {
  const rows = await tx
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled, instanceId: users.instanceId })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  const row = rows[0];
  if (!row) throw new UserNotFoundError();
  return row;
}

/** Transaction-scoped advisory lock key that serialises role changes and disabling. */
const ADMIN_CHANGE_LOCK = 7325101;

/**
 * Serialises the changes that can take a user out of the enabled admins, so two admins demoting
 * or disabling each other at once cannot both succeed (row locks alone would deadlock instead).
 */
async function lockAdminChanges(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`);
}

/** Refuses a change that takes `user` out of the enabled admins when no other enabled admin is left. */
async function assertNotLastAdmin(tx: DbOrTx, user: LockedUser): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, user.id)));
  if (others.length === 0) throw new LastAdminError();
}

async function revokeSessions(tx: DbOrTx, userId: string, keepSessionId?: string): Promise<number> {
  const where = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  const deleted = await tx.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

/**
 * Changes a user's role. The user keeps their sessions: every request re-reads the role, so a
 * demoted user loses access on their next request. Refuses to demote the last enabled admin.
 * Setting the role they have changes nothing and writes nothing.
 */
export async function setUserRole(db: DbOrTx, params: { userId: string; role: string; by: ChangedBy }): Promise<{ changed: boolean }> {
  const input = parseAuthInput(setUserRoleSchema, { userId: params.userId, role: params.role });
  return db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const user = await lockUser(tx, input.userId);
    if (user.role === input.role) return { changed: false };
    if (input.role !== 'admin') await assertNotLastAdmin(tx, user);
    await tx.update(users).set({ role: input.role, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await writeAuditEntry(tx, {
      action: 'user.role_change',
      by: params.by,
      target: { type: 'user', id: user.id, label: user.email },
      details: { from: user.role, to: input.role },
    });
    return { changed: true };
  });
}

/**
 * Ties a login to one library instance (which must exist: UnknownInstanceError), or unties it with
 * null (INTERFACES.md, Roles). Effective on their next request: every request re-reads the tie.
 * Audited as `user.instance_change` with the instances before and after (ids, and names where the
 * instance exists).
 * Setting the tie they have changes nothing and writes nothing.
 */
export async function setUserInstance(db: DbOrTx, params: { userId: string; instanceId: number | null; by: ChangedBy }): Promise<{ changed: boolean }> {
  const input = parseAuthInput(setUserInstanceSchema, { userId: params.userId, instanceId: params.instanceId });
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.instanceId === input.instanceId) return { changed: false };
    const instanceName = input.instanceId === null ? null : await getTieInstanceName(tx, input.instanceId);
    // The old tie's name, for the audit log, when its instance still exists.
    const instanceFromName = user.instanceId === null ? null : await getTieInstanceName(tx, user.instanceId).catch(() => null);
    await tx.update(users).set({ instanceId: input.instanceId, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await writeAuditEntry(tx, {
      action: 'user.instance_change',
      by: params.by,
      target: { type: 'user', id: user.id, label: user.email },
      details: {
        instanceFrom: user.instanceId,
        instanceTo: input.instanceId,
        ...(instanceFromName !== null ? { instanceFromName } : {}),
        ...(instanceName !== null ? { instanceName } : {}),
      },
    });
    return { changed: true };
  });
}

/**
 * Disables a login: no sign-in, and every session of theirs is deleted, so they are signed out on
 * their next request. Refuses to disable the last enabled admin. A disabled user stays disabled.
 */
export async function disableUser(db: DbOrTx, params: { userId: string; by: ChangedBy }): Promise<{ changed: boolean; sessionsRevoked: number }> {
  const userId = parseAuthInput(userIdSchema, params.userId);
  return db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const user = await lockUser(tx, userId);
    if (user.disabled) return { changed: false, sessionsRevoked: await revokeSessions(tx, user.id) };
    await assertNotLastAdmin(tx, user);
    await tx.update(users).set({ disabled: true, disabledAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    const sessionsRevoked = await revokeSessions(tx, user.id);
    await writeAuditEntry(tx, {
      action: 'user.disable',
      by: params.by,
      target: { type: 'user', id: user.id, label: user.email },
      details: { sessionsRevoked },
    });
    return { changed: true, sessionsRevoked };
  });
}

/** Enables a disabled login again; they sign in with the password they had. */
export async function enableUser(db: DbOrTx, params: { userId: string; by: ChangedBy }): Promise<{ changed: boolean }> {
  const userId = parseAuthInput(userIdSchema, params.userId);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user.disabled) return { changed: false };
    await tx.update(users).set({ disabled: false, disabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await writeAuditEntry(tx, { action: 'user.enable', by: params.by, target: { type: 'user', id: user.id, label: user.email } });
    return { changed: true };
  });
}

async function setCredentialPassword(tx: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  const updated = await tx
    .update(accounts)
    .set({ password: passwordHash, updatedAt: sql`now()` })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)))
    .returning({ id: accounts.id });
  if (updated.length === 0)
    await tx.insert(accounts).values({ id: crypto.randomUUID(), accountId: userId, providerId: CREDENTIAL_PROVIDER, userId, password: passwordHash });
}

/**
 * An admin's password reset: a new one-time password (returned once) that must be changed at the
 * next sign-in and works for ONE_TIME_PASSWORD_HOURS; every session of the user is deleted.
 */
export async function resetPassword(db: DbOrTx, params: { userId: string; by: ChangedBy }): Promise<{ oneTimePassword: string; sessionsRevoked: number }> {
  const userId = parseAuthInput(userIdSchema, params.userId);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await setCredentialPassword(tx, user.id, passwordHash);
    await tx
      .update(users)
      .set({ mustChangePassword: true, oneTimePasswordExpiresAt: oneTimePasswordExpiry, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    const sessionsRevoked = await revokeSessions(tx, user.id);
    await writeAuditEntry(tx, {
      action: 'user.password_reset',
      by: params.by,
      target: { type: 'user', id: user.id, label: user.email },
      details: { sessionsRevoked },
    });
    return { oneTimePassword, sessionsRevoked };
  });
}

/**
 * A user chooses their own password: the current one must be right (WrongPasswordError
 * otherwise) and, when it is a one-time password, not expired (OneTimePasswordExpiredError: a
 * session made just before it expired does not stretch it). Clears "must change password" and the
 * expiry, signs out their other sessions and keeps `keepSessionId` (the one they use now).
 */
export async function changeOwnPassword(
  db: DbOrTx,
  params: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string },
): Promise<{ sessionsRevoked: number }> {
  const userId = parseAuthInput(userIdSchema, params.userId);
  const newPassword = parseAuthInput(newPasswordSchema, params.newPassword);
  const current = await db
    .select({ hash: accounts.password, email: users.email, disabled: users.disabled, isOneTimePasswordExpired: oneTimePasswordExpiredSql })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, CREDENTIAL_PROVIDER)))
    .where(eq(users.id, userId));
  const row = current[0];
  if (!row || row.disabled) throw new UserNotFoundError();
  if (!row.hash || !(await verifyPassword(row.hash, params.currentPassword))) throw new WrongPasswordError();
  if (row.isOneTimePasswordExpired) throw new OneTimePasswordExpiredError();
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    // Only if the password is still the one just verified (no reset or change came in between).
    const updated = await tx
      .update(accounts)
      .set({ password: passwordHash, updatedAt: sql`now()` })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER), eq(accounts.password, row.hash!)))
      .returning({ id: accounts.id });
    if (updated.length === 0) throw new WrongPasswordError();
    await tx.update(users).set({ mustChangePassword: false, oneTimePasswordExpiresAt: null, updatedAt: sql`now()` }).where(eq(users.id, userId));
    const sessionsRevoked = await revokeSessions(tx, userId, params.keepSessionId);
    await writeAuditEntry(tx, {
      action: 'user.password_change',
      by: { label: row.email, userId },
      target: { type: 'user', id: userId, label: row.email },
      details: { sessionsRevoked },
    });
    return { sessionsRevoked };
  });
}

/**
 * The demo logins of INTERFACES.md, one per role, all with the password `demo-password`. The
 * manager is tied to the demo library's first instance (`isTiedToFirstInstance`), so the demo shows
 * a selection limited to one instance; the others may choose any.
 */
export const DEMO_LOGINS: readonly { email: string; role: UserRole; name: string; isTiedToFirstInstance: boolean }[] = [
  { email: 'manager@demo.test', role: 'manager', name: 'Demo manager', isTiedToFirstInstance: true },
  { email: 'ops@demo.test', role: 'ops', name: 'Demo ops', isTiedToFirstInstance: false },
  { email: 'support@demo.test', role: 'support', name: 'Demo support', isTiedToFirstInstance: false },
  { email: 'admin@demo.test', role: 'admin', name: 'Demo admin', isTiedToFirstInstance: false },
];
export const DEMO_PASSWORD = 'demo-password';

/**
 * Creates the demo logins that do not exist yet (an existing one is left as it is: its role,
 * password, tie and state). Only for demo data: `demo` and the first `npm start` of an embedded
 * database call it, after the demo library is loaded, never a database given by DATABASE_URL
 * otherwise. The manager is tied to the instance with the lowest id (untied when there is none).
 * Returns the emails created.
 */
export async function ensureDemoLogins(db: DbOrTx, params: { by?: ChangedBy } = {}): Promise<string[]> {
  const by = params.by ?? { label: 'demo', userId: null };
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, DEMO_LOGINS.map((l) => l.email)));
  const have = new Set(existing.map((r) => r.email));
  const missing = DEMO_LOGINS.filter((l) => !have.has(l.email));
  if (missing.length === 0) return [];
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    const [first] = await tx.select({ id: sql<number | null>`min(${instances.id})` }).from(instances);
    const firstInstanceId = first?.id ?? null;
    const created: string[] = [];
    for (const [i, { isTiedToFirstInstance, ...login }] of missing.entries()) {
      const instanceId = isTiedToFirstInstance ? firstInstanceId : null;
      // A concurrent caller may have made it meanwhile: then it is skipped, not duplicated.
      const id = await insertUserWithPassword(tx, { ...login, passwordHash: hashes[i]!, mustChangePassword: false, instanceId });
      if (!id) continue;
      await writeAuditEntry(tx, {
        action: 'user.create',
        by,
        target: { type: 'user', id, label: login.email },
        details: { role: login.role, instanceId, demo: true },
      });
      created.push(login.email);
    }
    return created;
  });
}
