import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAuditEntries } from '@/db/queries/audit';
import { listUsers } from '@/db/queries/users';
import { accounts, apiTokens, auditLog, sessions, users } from '@/db/schema';
import { handleAuthRequest, resolveAuthSecret, type Auth } from '@/lib/auth/auth';
import { authorize, changedByOf, resolveCaller, type Caller } from '@/lib/auth/caller';
import {
  EmailTakenError,
  ForbiddenError,
  InvalidAuthInputError,
  LastAdminError,
  NotAuthenticatedError,
  PasswordChangeRequiredError,
  TokenNotFoundError,
  UserNotFoundError,
  WrongPasswordError,
} from '@/lib/auth/errors';
import { verifyPassword } from '@/lib/auth/passwords';
import { hasPermission, PERMISSIONS, permissionsOf, USER_ROLES, type Permission, type UserRole } from '@/lib/auth/permissions';
import { createApiToken, findActiveApiToken, hashApiToken, listApiTokensWithState, revokeApiToken } from '@/lib/auth/tokens';
import {
  changeOwnPassword,
  createUser,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  disableUser,
  enableUser,
  ensureDemoLogins,
  resetPassword,
  setUserRole,
} from '@/lib/auth/users';
import { changeSettings } from '@/lib/settings/change-settings';
import { safeNextPath } from '@/lib/validation/auth';
import { makeTestAuth, signInRequest } from './helpers/auth-requests';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('auth');
const db = t.db;
const BY = { label: 'test admin', userId: null };
const ORIGIN = 'http://localhost:3000';

async function auditRows(targetId: string) {
  return db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id);
}

async function credentialHash(userId: string): Promise<string> {
  const rows = await db.select({ password: accounts.password }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return rows[0]!.password!;
}

async function addSession(userId: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(sessions).values({ id, userId, token: crypto.randomUUID(), expiresAt: new Date(Date.now() + 3_600_000) });
  return id;
}

async function sessionCount(userId: string): Promise<number> {
  return (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).length;
}

/** The whole database as text, to look for a secret in it. */
async function databaseText(): Promise<string> {
  const tables = await db.execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public'`);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await db.execute<{ row: string }>(sql`select row_to_json(x)::text as row from ${sql.identifier(name)} x`);
    parts.push(...rows.rows.map((r) => r.row));
  }
  return parts.join('\n');
}

describe('the permission table', () => {
  // INTERFACES.md, "Roles", written out cell by cell rather than derived from the table under test.
  const expected: Record<UserRole, Permission[]> = {
    // "make selections of the library's customers and export them".
    manager: ['settings.read', 'policy.read', 'reports.read', 'cleanup.read', 'selection.read', 'selection.export'],
    // "what a manager may except selections and exports"; GET /metrics: "ops, admin (token or session)".
    ops: ['settings.read', 'policy.read', 'reports.read', 'cleanup.read', 'cleanup.control', 'metrics.read'],
    // "look up single actors …, give a customer their retention statement, record a removal
    // request" (placing a legal hold is admin's).
    support: ['actor.lookup', 'actor.request_removal', 'actor.statement'],
    admin: [...PERMISSIONS],
  };

  for (const role of USER_ROLES)
    for (const permission of PERMISSIONS)
      it(`${role} ${expected[role].includes(permission) ? 'may' : 'may not'} ${permission}`, () => {
        expect(hasPermission(role, permission)).toBe(expected[role].includes(permission));
      });

  it('gives admin everything and no other role users, tokens, settings changes or logs', () => {
    expect(permissionsOf('admin')).toEqual([...PERMISSIONS]);
    for (const role of ['manager', 'ops', 'support'] as const)
      for (const p of ['settings.change', 'users.manage', 'tokens.manage', 'logs.read', 'cleanup.acknowledge'] as const) expect(hasPermission(role, p)).toBe(false);
  });
});

describe('authorize', () => {
  const user = (role: UserRole, mustChangePassword = false): Caller => ({
    kind: 'user',
    userId: 'u',
    email: 'u@x.test',
    name: 'u',
    role,
    mustChangePassword,
    sessionId: 's',
    instanceId: null,
  });

  it('refuses nobody with NotAuthenticatedError (401)', () => {
    expect(() => authorize(null, 'settings.read')).toThrow(NotAuthenticatedError);
  });
  it('refuses a role that may not with ForbiddenError (403)', () => {
    expect(() => authorize(user('support'), 'settings.read')).toThrow(ForbiddenError);
    expect(() => authorize({ kind: 'token', tokenId: 't', name: 'n', role: 'manager', instanceId: null }, 'cleanup.control')).toThrow(ForbiddenError);
  });
  it('refuses everything to a user who must change their password, even an admin', () => {
    expect(() => authorize(user('admin', true), 'settings.read')).toThrow(PasswordChangeRequiredError);
  });
  it('returns the caller when the role may', () => {
    expect(authorize(user('ops'), 'cleanup.control')).toMatchObject({ role: 'ops' });
  });
  it('names the caller in the audit log', () => {
    expect(changedByOf(user('ops'))).toEqual({ label: 'u@x.test', userId: 'u' });
    expect(changedByOf({ kind: 'token', tokenId: 't', name: 'grafana', role: 'ops', instanceId: null })).toEqual({ label: 'token grafana', userId: null });
  });
});

describe('createUser', () => {
  it('makes a login with a readable one-time password, stored only as a hash, and an audit row', async () => {
    const created = await createUser(db, { email: '  Alice@Library.Example ', role: 'manager', by: BY });
    expect(created.email).toBe('alice@library.example');
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const [row] = await db.select().from(users).where(eq(users.id, created.userId));
    expect(row).toMatchObject({ email: 'alice@library.example', role: 'manager', mustChangePassword: true, disabled: false, name: 'alice' });
    const hash = await credentialHash(created.userId);
    expect(hash).not.toContain(created.oneTimePassword);
    expect(await verifyPassword(hash, created.oneTimePassword)).toBe(true);
    expect(await databaseText()).not.toContain(created.oneTimePassword);
    const audit = await auditRows(created.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', changedBy: 'test admin', targetType: 'user', targetLabel: 'alice@library.example', details: { role: 'manager' } });
  });

  it('refuses a taken email address (any case) and writes nothing', async () => {
    await createUser(db, { email: 'bob@library.example', role: 'ops', by: BY });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(createUser(db, { email: 'BOB@library.example', role: 'admin', by: BY })).rejects.toThrow(EmailTakenError);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
    const bobs = await db.select().from(users).where(eq(users.email, 'bob@library.example'));
    expect(bobs.map((b) => b.role)).toEqual(['ops']);
  });

  it.each([
    ['a bad email', { email: 'not-an-email', role: 'manager' }, 'email'],
    ['an unknown role', { email: 'x@library.example', role: 'superuser' }, 'role'],
    ['a blank name', { email: 'y@library.example', role: 'ops', name: '   ' }, 'name'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, input, field) => {
    const error = await createUser(db, { ...input, by: BY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAuthInputError);
    expect(Object.keys((error as InvalidAuthInputError).fieldErrors)).toEqual([field]);
    expect(await db.select().from(users).where(eq(users.email, input.email))).toHaveLength(0);
  });
});

describe('roles, disabling and password resets', () => {
  it('changes a role with an audit row; the same role again writes nothing', async () => {
    const { userId } = await createUser(db, { email: 'carol@library.example', role: 'manager', by: BY });
    expect(await setUserRole(db, { userId, role: 'ops', by: BY })).toEqual({ changed: true });
    expect(await setUserRole(db, { userId, role: 'ops', by: BY })).toEqual({ changed: false });
    const audit = await auditRows(userId);
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['user.create', { role: 'manager', instanceId: null }],
      ['user.role_change', { from: 'manager', to: 'ops' }],
    ]);
    await expect(setUserRole(db, { userId: 'no-such-user', role: 'ops', by: BY })).rejects.toThrow(UserNotFoundError);
  });

  it('never demotes or disables the last enabled admin', async () => {
    const t2 = await setupTestDatabase('auth_admins');
    const a = await createUser(t2.db, { email: 'a@x.test', role: 'admin', by: BY });
    await expect(setUserRole(t2.db, { userId: a.userId, role: 'ops', by: BY })).rejects.toThrow(LastAdminError);
    await expect(disableUser(t2.db, { userId: a.userId, by: BY })).rejects.toThrow(LastAdminError);
    const b = await createUser(t2.db, { email: 'b@x.test', role: 'admin', by: BY });
    await setUserRole(t2.db, { userId: a.userId, role: 'ops', by: BY });
    await expect(disableUser(t2.db, { userId: b.userId, by: BY })).rejects.toThrow(LastAdminError);
    // Demoting the other admin at the same time as this one: exactly one of the two may succeed.
    await setUserRole(t2.db, { userId: a.userId, role: 'admin', by: BY });
    const results = await Promise.allSettled([
      setUserRole(t2.db, { userId: a.userId, role: 'manager', by: BY }),
      setUserRole(t2.db, { userId: b.userId, role: 'manager', by: BY }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))).toEqual([expect.any(LastAdminError)]);
    const admins = await t2.db.select().from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
    expect(admins).toHaveLength(1);
  });

  it('disabling revokes every session; enabling lets them in again', async () => {
    const { userId } = await createUser(db, { email: 'dave@library.example', role: 'support', by: BY });
    await addSession(userId);
    await addSession(userId);
    expect(await disableUser(db, { userId, by: BY })).toEqual({ changed: true, sessionsRevoked: 2 });
    expect(await sessionCount(userId)).toBe(0);
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row).toMatchObject({ disabled: true });
    expect(row!.disabledAt).toBeInstanceOf(Date);
    expect((await disableUser(db, { userId, by: BY })).changed).toBe(false);
    expect(await enableUser(db, { userId, by: BY })).toEqual({ changed: true });
    expect((await auditRows(userId)).map((a) => a.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
  });

  it('a reset gives a new one-time password, revokes sessions, and the old password stops working', async () => {
    const created = await createUser(db, { email: 'erin@library.example', role: 'ops', by: BY });
    await changeOwnPassword(db, { userId: created.userId, currentPassword: created.oneTimePassword, newPassword: 'a long enough password' });
    await addSession(created.userId);
    const reset = await resetPassword(db, { userId: created.userId, by: BY });
    expect(reset.oneTimePassword).not.toBe(created.oneTimePassword);
    expect(reset.sessionsRevoked).toBe(1);
    const hash = await credentialHash(created.userId);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(false);
    expect(await verifyPassword(hash, reset.oneTimePassword)).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, created.userId));
    expect(row!.mustChangePassword).toBe(true);
    const audit = await auditRows(created.userId);
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.password_change', 'user.password_reset']);
    expect(JSON.stringify(audit)).not.toContain(reset.oneTimePassword);
  });

  it('changing one’s own password needs the current one, clears the flag and keeps only the current session', async () => {
    const created = await createUser(db, { email: 'frank@library.example', role: 'manager', by: BY });
    const keep = await addSession(created.userId);
    await addSession(created.userId);
    await expect(
      changeOwnPassword(db, { userId: created.userId, currentPassword: 'wrong wrong wrong', newPassword: 'another good password' }),
    ).rejects.toThrow(WrongPasswordError);
    await expect(changeOwnPassword(db, { userId: created.userId, currentPassword: created.oneTimePassword, newPassword: 'short' })).rejects.toThrow(
      InvalidAuthInputError,
    );
    const result = await changeOwnPassword(db, {
      userId: created.userId,
      currentPassword: created.oneTimePassword,
      newPassword: 'another good password',
      keepSessionId: keep,
    });
    expect(result.sessionsRevoked).toBe(1);
    const left = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, created.userId));
    expect(left.map((s) => s.id)).toEqual([keep]);
    const [row] = await db.select().from(users).where(eq(users.id, created.userId));
    expect(row!.mustChangePassword).toBe(false);
    const audit = await auditRows(created.userId);
    expect(audit.at(-1)).toMatchObject({ action: 'user.password_change', changedBy: 'frank@library.example', changedByUserId: created.userId });
  });
});

describe('API tokens', () => {
  it('stores only the SHA-256 of the token; the plaintext is nowhere in the database', async () => {
    const created = await createApiToken(db, { role: 'ops', name: 'grafana', by: BY });
    expect(created.token).toMatch(/^rdt_[A-Za-z0-9_-]{43}$/);
    expect(created.hint).toBe(created.token.slice(0, 8));
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.tokenId));
    expect(row).toMatchObject({ name: 'grafana', role: 'ops', tokenHash: hashApiToken(created.token), revokedAt: null, lastUsedAt: null });
    expect(await databaseText()).not.toContain(created.token.slice(8));
    const audit = await auditRows(created.tokenId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'token.create', targetType: 'token', targetLabel: 'grafana', details: { role: 'ops' } });
  });

  it('finds an active token by its hash, notes its use at most once a minute, and forgets it when revoked', async () => {
    const created = await createApiToken(db, { role: 'support', by: BY });
    expect(created.name).toBe('support token');
    expect(await findActiveApiToken(db, created.token)).toEqual({ tokenId: created.tokenId, name: 'support token', role: 'support', instanceId: null });
    const [first] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.tokenId));
    expect(first!.at).toBeInstanceOf(Date);
    await findActiveApiToken(db, created.token);
    const [second] = await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, created.tokenId));
    expect(second!.at!.getTime()).toBe(first!.at!.getTime());

    expect(await findActiveApiToken(db, `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(await findActiveApiToken(db, 'rdt_short')).toBeUndefined();
    expect(await revokeApiToken(db, { tokenId: created.tokenId, by: BY })).toEqual({ changed: true });
    expect(await revokeApiToken(db, { tokenId: created.tokenId, by: BY })).toEqual({ changed: false });
    expect(await findActiveApiToken(db, created.token)).toBeUndefined();
    expect((await auditRows(created.tokenId)).map((a) => a.action)).toEqual(['token.create', 'token.revoke']);
    await expect(revokeApiToken(db, { tokenId: crypto.randomUUID(), by: BY })).rejects.toThrow(TokenNotFoundError);
    await expect(revokeApiToken(db, { tokenId: 'not-a-uuid', by: BY })).rejects.toThrow(InvalidAuthInputError);
  });

  it('refuses to change a token’s hash or role, or to un-revoke it', async () => {
    const created = await createApiToken(db, { role: 'manager', by: BY });
    await expect(db.update(apiTokens).set({ role: 'admin' }).where(eq(apiTokens.id, created.tokenId))).rejects.toThrow();
    await expect(db.update(apiTokens).set({ tokenHash: 'a'.repeat(64) }).where(eq(apiTokens.id, created.tokenId))).rejects.toThrow();
    await revokeApiToken(db, { tokenId: created.tokenId, by: BY });
    await expect(db.update(apiTokens).set({ revokedAt: null }).where(eq(apiTokens.id, created.tokenId))).rejects.toThrow();
  });
});

describe('the audit log', () => {
  it('is append-only: no update, delete or truncate', async () => {
    const { userId } = await createUser(db, { email: 'gina@library.example', role: 'manager', by: BY });
    await expect(db.update(auditLog).set({ changedBy: 'someone else' }).where(eq(auditLog.targetId, userId))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.targetId, userId))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await auditRows(userId)).toHaveLength(1);
  });
});

describe('demo logins', () => {
  it('creates the four demo logins once, with the demo password and no forced change', async () => {
    const t3 = await setupTestDatabase('auth_demo');
    // One exists already with another role: it is left as it is.
    await createUser(t3.db, { email: 'ops@demo.test', role: 'support', by: BY });
    expect(await ensureDemoLogins(t3.db)).toEqual(['manager@demo.test', 'support@demo.test', 'admin@demo.test']);
    expect(await ensureDemoLogins(t3.db)).toEqual([]);
    const rows = await t3.db.select().from(users).orderBy(users.email);
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ['admin@demo.test', 'admin'],
      ['manager@demo.test', 'manager'],
      ['ops@demo.test', 'support'],
      ['support@demo.test', 'support'],
    ]);
    for (const login of DEMO_LOGINS.filter((l) => l.email !== 'ops@demo.test')) {
      const [row] = await t3.db.select().from(users).where(eq(users.email, login.email));
      expect(row!.mustChangePassword).toBe(false);
      const [account] = await t3.db.select().from(accounts).where(eq(accounts.userId, row!.id));
      expect(await verifyPassword(account!.password!, DEMO_PASSWORD)).toBe(true);
    }
    const audit = await t3.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(audit.filter((a) => a.details.demo === true)).toHaveLength(3);
  });
});

describe('the sign-in secret', () => {
  it('uses AUTH_SECRET when given, else makes one once and keeps it in the database', async () => {
    expect(await resolveAuthSecret(db, 'x'.repeat(40))).toBe('x'.repeat(40));
    const first = await resolveAuthSecret(db);
    expect(first.length).toBeGreaterThanOrEqual(43);
    const again = await Promise.all([resolveAuthSecret(db), resolveAuthSecret(db)]);
    expect(again).toEqual([first, first]);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/settings', '/settings'],
    ['/reports?from=2024-01-01#top', '/reports?from=2024-01-01#top'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/x', '/'],
    ['/api/auth/sign-out', '/'],
    ['', '/'],
  ])('%j goes to %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('Better Auth on our database', () => {
  const makeAuth = (rateLimitMax = 0): Promise<Auth> => makeTestAuth(db, rateLimitMax);
  const signIn = signInRequest;

  const cookieOf = (response: Response): string =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');

  it('signs in with email and password; the cookie names a database session that disabling revokes', async () => {
    const auth = await makeAuth();
    const created = await createUser(db, { email: 'hank@library.example', role: 'manager', by: BY });
    const response = await signIn(auth, 'Hank@Library.example', created.oneTimePassword);
    expect(response.status).toBe(200);
    const cookie = cookieOf(response);
    expect(cookie).toMatch(/^retention\.session_token=/);
    const setCookie = response.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const headers = new Headers({ cookie });

    // One-time password: signed in, but nothing is open until the password is changed.
    const caller = await resolveCaller(db, auth, headers);
    expect(caller).toMatchObject({ kind: 'user', email: 'hank@library.example', role: 'manager', mustChangePassword: true });
    expect(() => authorize(caller, 'settings.read')).toThrow(PasswordChangeRequiredError);

    await changeOwnPassword(db, {
      userId: created.userId,
      currentPassword: created.oneTimePassword,
      newPassword: 'hank chose this one',
      keepSessionId: caller!.kind === 'user' ? caller!.sessionId : undefined,
    });
    const afterChange = await resolveCaller(db, auth, headers);
    expect(authorize(afterChange, 'settings.read')).toMatchObject({ role: 'manager' });
    expect(() => authorize(afterChange, 'cleanup.control')).toThrow(ForbiddenError);

    // Promoted and demoted: the same cookie gets the new role on the next request.
    await setUserRole(db, { userId: created.userId, role: 'ops', by: BY });
    expect(authorize(await resolveCaller(db, auth, headers), 'cleanup.control')).toMatchObject({ role: 'ops' });
    await setUserRole(db, { userId: created.userId, role: 'support', by: BY });
    const demoted = await resolveCaller(db, auth, headers);
    expect(() => authorize(demoted, 'settings.read')).toThrow(ForbiddenError);

    // Disabled: the same cookie is refused at once, and signing in again is refused like a wrong password.
    await disableUser(db, { userId: created.userId, by: BY });
    expect(await resolveCaller(db, auth, headers)).toBeNull();
    const again = await signIn(auth, 'hank@library.example', 'hank chose this one');
    const wrong = await signIn(auth, 'hank@library.example', 'not the password at all');
    const unknown = await signIn(auth, 'nobody@library.example', 'not the password at all');
    expect([again.status, wrong.status, unknown.status]).toEqual([401, 401, 401]);
    const bodies = await Promise.all([again.json(), wrong.json(), unknown.json()]);
    expect(bodies.map((b: { code?: string }) => b.code)).toEqual(['INVALID_EMAIL_OR_PASSWORD', 'INVALID_EMAIL_OR_PASSWORD', 'INVALID_EMAIL_OR_PASSWORD']);
    expect(again.headers.getSetCookie()).toEqual([]);

    // Enabled again: the old session stays revoked; a new sign-in works.
    await enableUser(db, { userId: created.userId, by: BY });
    expect(await resolveCaller(db, auth, headers)).toBeNull();
    expect((await signIn(auth, 'hank@library.example', 'hank chose this one')).status).toBe(200);
  });

  it('signs out by deleting the session', async () => {
    const auth = await makeAuth();
    const created = await createUser(db, { email: 'ivy@library.example', role: 'ops', by: BY });
    const cookie = cookieOf(await signIn(auth, 'ivy@library.example', created.oneTimePassword));
    expect(await sessionCount(created.userId)).toBe(1);
    const out = await handleAuthRequest(auth, new Request(`${ORIGIN}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: ORIGIN } }));
    expect(out.status).toBe(200);
    expect(await sessionCount(created.userId)).toBe(0);
    expect(await resolveCaller(db, auth, new Headers({ cookie }))).toBeNull();
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const auth = await makeAuth(2);
    const ip = '203.0.113.9';
    expect((await signIn(auth, 'nobody@library.example', 'guess number one!', ip)).status).toBe(401);
    expect((await signIn(auth, 'nobody@library.example', 'guess number two!', ip)).status).toBe(401);
    const limited = await signIn(auth, 'nobody@library.example', 'guess number three', ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);
    // Another address is not held back by this one's attempts.
    expect((await signIn(auth, 'nobody@library.example', 'guess number one!', '203.0.113.10')).status).toBe(401);
  });

  it('answers 404 for the Better Auth endpoints we do not offer (sign-up, password reset, user updates)', async () => {
    const auth = await makeAuth();
    for (const path of ['sign-up/email', 'request-password-reset', 'update-user', 'change-password', 'change-email', 'delete-user', 'list-accounts']) {
      const response = await handleAuthRequest(
        auth,
        new Request(`${ORIGIN}/api/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: '{}' }),
      );
      expect(response.status, path).toBe(404);
    }
  });

  it('resolves an API token from Authorization: Bearer, and refuses forged, revoked or malformed ones even with a valid cookie', async () => {
    const auth = await makeAuth();
    const { token, tokenId } = await createApiToken(db, { role: 'ops', name: 'monitor', by: BY });
    const bearer = (value: string, extra: Record<string, string> = {}) => resolveCaller(db, auth, new Headers({ authorization: value, ...extra }));
    expect(await bearer(`Bearer ${token}`)).toEqual({ kind: 'token', tokenId, name: 'monitor', role: 'ops', instanceId: null });
    expect(await bearer(`bearer ${token}`)).toMatchObject({ kind: 'token' });

    const created = await createUser(db, { email: 'jill@library.example', role: 'admin', by: BY });
    const cookie = cookieOf(await signIn(auth, 'jill@library.example', created.oneTimePassword));
    const forged = `rdt_${crypto.randomBytes(32).toString('base64url')}`;
    expect(await bearer(`Bearer ${forged}`, { cookie })).toBeNull();
    expect(await bearer(`Basic ${Buffer.from('a:b').toString('base64')}`, { cookie })).toBeNull();
    expect(await bearer('Bearer', { cookie })).toBeNull();
    expect(await bearer(`Bearer ${token} extra`)).toBeNull();
    await revokeApiToken(db, { tokenId, by: BY });
    expect(await bearer(`Bearer ${token}`)).toBeNull();
    expect(await resolveCaller(db, auth, new Headers({ cookie: 'retention.session_token=forged.value' }))).toBeNull();
    expect(await resolveCaller(db, auth, new Headers())).toBeNull();
  });
});

describe('admin lists', () => {
  it('lists logins and tokens without secrets, and every settings, user and token change newest first', async () => {
    const t4 = await setupTestDatabase('auth_lists');
    const u = await createUser(t4.db, { email: 'kim@library.example', role: 'ops', by: BY });
    const tok = await createApiToken(t4.db, { role: 'manager', name: 'report bot', by: BY });
    await changeSettings(t4.db, { changes: [{ name: 'historyMonths', value: 24 }], reason: 'policy', by: 'kim@library.example' });
    await revokeApiToken(t4.db, { tokenId: tok.tokenId, by: { label: 'kim@library.example', userId: u.userId } });

    const listed = await listUsers(t4.db);
    expect(listed).toEqual([expect.objectContaining({ email: 'kim@library.example', role: 'ops', disabled: false, mustChangePassword: true })]);
    expect(Object.keys(listed[0]!)).not.toContain('password');
    const tokens = await listApiTokensWithState(t4.db);
    expect(tokens).toEqual([expect.objectContaining({ name: 'report bot', role: 'manager', hint: tok.hint })]);
    expect(JSON.stringify(tokens)).not.toContain(hashApiToken(tok.token));

    const entries = await getAuditEntries(t4.db, { limit: 10 });
    expect(entries.map((e) => [e.kind, e.action, e.target])).toEqual([
      ['token', 'token.revoke', 'report bot'],
      ['settings', 'settings.change', 'historyMonths'],
      ['token', 'token.create', 'report bot'],
      ['user', 'user.create', 'kim@library.example'],
    ]);
    expect(entries[1]!.details).toEqual({ oldValue: 0, newValue: 24, reason: 'policy' });
    expect(await getAuditEntries(t4.db, { limit: 10, beforeAt: entries[1]!.at })).toHaveLength(2);
  });
});
