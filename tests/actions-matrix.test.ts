/*
 * Every server action × every kind of caller, against a real database: the documented outcome in
 * every cell (INTERFACES.md "Roles"; lib/auth/permissions.ts). A refused call is redirected
 * (to /login, /change-password or /forbidden) and changes nothing: no login, password, session,
 * token, setting, removal request, legal hold, access-log or audit row differs afterwards. An allowed call does what it says.
 */
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { getSettings, getSettingsAudit } from '@/db/queries/settings';
import { accounts, apiTokens, auditLog, sessions, users } from '@/db/schema';
import { setLegalHold } from '@/lib/requests/requests';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { USER_ROLES, type UserRole } from '@/lib/auth/permissions';
import { SETTING_NAMES, TYPICAL_SETTINGS, type RetentionSettings } from '@/lib/retention/settings';
import { createApiToken as createToken, findActiveApiToken, hashApiToken, revokeApiToken as revokeToken } from '@/lib/auth/tokens';
import { createUser as createLogin, disableUser as disableLogin, setUserRole } from '@/lib/auth/users';
import type { ActionResult } from '@/lib/validation/result';
import { changePassword } from '@/server/actions/change-password';
import { changeUserInstance } from '@/server/actions/change-user-instance';
import { changeUserRole } from '@/server/actions/change-user-role';
import { createApiToken } from '@/server/actions/create-api-token';
import { createUser } from '@/server/actions/create-user';
import { disableUser } from '@/server/actions/disable-user';
import { enableUser } from '@/server/actions/enable-user';
import { placeLegalHold } from '@/server/actions/place-legal-hold';
import { previewSettingsChange } from '@/server/actions/preview-settings-change';
import { releaseLegalHold } from '@/server/actions/release-legal-hold';
import { requestRemoval } from '@/server/actions/request-removal';
import { resetUserPassword } from '@/server/actions/reset-user-password';
import { revokeApiToken } from '@/server/actions/revoke-api-token';
import { saveSettingsChange } from '@/server/actions/save-settings-change';
import { setLocale } from '@/server/actions/set-locale';
import { signIn } from '@/server/actions/sign-in';
import { signOut } from '@/server/actions/sign-out';
import { setupTestDatabase } from './helpers/db';
import { form, runAs, signInCookie, pointServerAtDatabase, type Credentials, type RunResult } from './helpers/next-request';

const t = await setupTestDatabase('actions');
const db = t.db;
pointServerAtDatabase(t.url);

const BY = { label: 'matrix setup', userId: null };
const run = crypto.randomBytes(3).toString('hex');
let seq = 0;
const uniqueEmail = (label: string) => `${label}-${run}-${++seq}@library.example`;
const NEW_PASSWORD = 'a brand new long password';

type Login = { userId: string; email: string; password: string; cookie: string };

/** A login of the role, signed in through Better Auth; with `oneTimePassword` it must still change its password. */
async function newLogin(role: UserRole, options: { oneTimePassword?: boolean } = {}): Promise<Login> {
  const created = await createLogin(db, { email: uniqueEmail(role), role, by: BY });
  if (!options.oneTimePassword) await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  const cookie = await signInCookie(created.email, created.oneTimePassword);
  return { userId: created.userId, email: created.email, password: created.oneTimePassword, cookie };
}

// At least one admin stays enabled whatever the cells do (the last admin cannot be demoted or disabled).
await newLogin('admin');

// Actors for the requests about one customer: active members, one fresh actor per cell.
const FIRST_ACTOR = 9001;
const ACTOR_COUNT = 120;
await loadScenario(
  db,
  parseScenarioText(
    JSON.stringify({
      settings: TYPICAL_SETTINGS,
      instances: [
        { id: 1, name: 'Matrix library' },
        { id: 2, name: 'Second library' },
      ],
      actors: Array.from({ length: ACTOR_COUNT }, (_, i) => ({
        actorId: FIRST_ACTOR + i,
        registeredOn: '2015-01-01',
        roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
      })),
    }),
  ),
  { replace: true, by: 'test', reason: 'actions matrix' },
);
let nextActor = FIRST_ACTOR;
const freshActor = () => {
  if (nextActor >= FIRST_ACTOR + ACTOR_COUNT) throw new Error('out of matrix actors');
  return nextActor++;
};
const IN_A_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

// ---------------------------------------------------------------------------------------------
// The callers
// ---------------------------------------------------------------------------------------------

type Caller = { credentials: Credentials; login?: Login; label: string };

const IDENTITIES = {
  manager: async (): Promise<Caller> => {
    const login = await newLogin('manager');
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  ops: async (): Promise<Caller> => {
    const login = await newLogin('ops');
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  support: async (): Promise<Caller> => {
    const login = await newLogin('support');
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  admin: async (): Promise<Caller> => {
    const login = await newLogin('admin');
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  /** A valid API token of the admin role (Authorization: Bearer). */
  'admin token': async (): Promise<Caller> => {
    const token = await createToken(db, { role: 'admin', name: `admin ${++seq}`, by: BY });
    return { credentials: { bearer: token.token }, label: `token ${token.name}` };
  },
  /** A valid API token of a role that may not manage anything. */
  'support token': async (): Promise<Caller> => {
    const token = await createToken(db, { role: 'support', name: `support ${++seq}`, by: BY });
    return { credentials: { bearer: token.token }, label: `token ${token.name}` };
  },
  nobody: async (): Promise<Caller> => ({ credentials: {}, label: 'nobody' }),
  /** A token of the right shape that was never issued. */
  'forged token': async (): Promise<Caller> => ({ credentials: { bearer: `rdt_${crypto.randomBytes(32).toString('base64url')}` }, label: 'forged' }),
  /** A session cookie that was never issued (not signed with the server's secret). */
  'forged cookie': async (): Promise<Caller> => ({
    credentials: { cookie: `retention.session_token=${crypto.randomBytes(24).toString('base64url')}.${crypto.randomBytes(32).toString('base64url')}` },
    label: 'forged',
  }),
  /** An admin who signed in and was then disabled: the same cookie is refused on the next request. */
  'disabled admin': async (): Promise<Caller> => {
    const login = await newLogin('admin');
    await disableLogin(db, { userId: login.userId, by: BY });
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  /** An admin who signed in and was then demoted to support: the same cookie has support's rights. */
  'demoted admin': async (): Promise<Caller> => {
    const login = await newLogin('admin');
    await setUserRole(db, { userId: login.userId, role: 'support', by: BY });
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
  /** An admin signed in with a one-time password that was not changed yet. */
  'one-time password': async (): Promise<Caller> => {
    const login = await newLogin('admin', { oneTimePassword: true });
    return { credentials: { cookie: login.cookie }, login, label: login.email };
  },
} satisfies Record<string, () => Promise<Caller>>;

type Identity = keyof typeof IDENTITIES;
const IDENTITY_NAMES = Object.keys(IDENTITIES) as Identity[];

/** What happens in a cell: it works, or the caller is sent to sign in, to change their password, or to "not allowed". */
type Expected = 'allowed' | 'login' | 'change-password' | 'forbidden';

// ---------------------------------------------------------------------------------------------
// The documented outcomes, written out rather than derived from the permission table under test
// ---------------------------------------------------------------------------------------------

/** users.manage and tokens.manage: admin only (INTERFACES.md: admin manages users and API tokens). */
const ADMIN_ONLY: Record<Identity, Expected> = {
  manager: 'forbidden',
  ops: 'forbidden',
  support: 'forbidden',
  admin: 'allowed',
  'admin token': 'allowed',
  'support token': 'forbidden',
  nobody: 'login',
  'forged token': 'login',
  'forged cookie': 'login',
  'disabled admin': 'login',
  'demoted admin': 'forbidden',
  'one-time password': 'change-password',
};

/** Changing one's own password: any signed-in login (a one-time password included); a token has no password. */
const SIGNED_IN_LOGIN: Record<Identity, Expected> = {
  manager: 'allowed',
  ops: 'allowed',
  support: 'allowed',
  admin: 'allowed',
  'admin token': 'login',
  'support token': 'login',
  nobody: 'login',
  'forged token': 'login',
  'forged cookie': 'login',
  'disabled admin': 'login',
  'demoted admin': 'allowed',
  'one-time password': 'allowed',
};

/** actor.request_removal: support and admin (INTERFACES.md; RETENTION.md "Removal on request"). */
const SUPPORT_OR_ADMIN: Record<Identity, Expected> = {
  manager: 'forbidden',
  ops: 'forbidden',
  support: 'allowed',
  admin: 'allowed',
  'admin token': 'allowed',
  'support token': 'allowed',
  nobody: 'login',
  'forged token': 'login',
  'forged cookie': 'login',
  'disabled admin': 'login',
  'demoted admin': 'allowed',
  'one-time password': 'change-password',
};

/** Sign-in and the language switch are open to everyone: the credentials in the form are the check. */
const EVERYONE: Record<Identity, Expected> = Object.fromEntries(IDENTITY_NAMES.map((i) => [i, 'allowed'])) as Record<Identity, Expected>;

// ---------------------------------------------------------------------------------------------
// The actions: what each needs, how it is called, and what "it worked" means
// ---------------------------------------------------------------------------------------------

type Cell = { caller: Caller; identity: Identity };
type ActionCase<C> = {
  expected: Record<Identity, Expected>;
  prepare: (cell: Cell) => Promise<C>;
  call: (context: C, cell: Cell) => Promise<unknown>;
  /** Checks an allowed call's answer and effect. */
  verify: (result: RunResult<unknown>, context: C, cell: Cell) => Promise<void>;
};

function okData<T>(result: RunResult<unknown>): T {
  expect(result.outcome, JSON.stringify(result.outcome)).toMatchObject({ kind: 'value', value: { ok: true } });
  return ((result.outcome as { value: ActionResult<T> }).value as { data: T }).data;
}

async function userRow(userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

async function passwordHash(userId: string): Promise<string> {
  const [row] = await db.select({ password: accounts.password }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  return row!.password!;
}

async function sessionCount(userId: string): Promise<number> {
  return (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).length;
}

async function lastAuditFor(targetId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(sql`${auditLog.id} desc`).limit(1);
  return rows[0];
}

/** A manager login to act on, signed in once (so a disable or reset has a session to revoke). */
async function target(): Promise<Login> {
  return newLogin('manager');
}

const ACTIONS: Record<string, ActionCase<any>> = {
  createUser: {
    expected: ADMIN_ONLY,
    prepare: async () => ({ email: uniqueEmail('created') }),
    call: (c: { email: string }) => createUser(null, form({ email: c.email, role: 'ops', name: 'New Person' })),
    verify: async (result, c: { email: string }, cell) => {
      const data = okData<{ email: string; oneTimePassword: string }>(result);
      expect(data.email).toBe(c.email);
      expect(data.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      const [row] = await db.select().from(users).where(eq(users.email, c.email));
      expect(row).toMatchObject({ role: 'ops', name: 'New Person', mustChangePassword: true, disabled: false });
      expect(await verifyPassword(await passwordHash(row!.id), data.oneTimePassword)).toBe(true);
      expect(await lastAuditFor(row!.id)).toMatchObject({ action: 'user.create', changedBy: cell.caller.label });
      expect(result.revalidated).toContain('/admin/users');
    },
  },
  changeUserRole: {
    expected: ADMIN_ONLY,
    prepare: target,
    call: (c: Login) => changeUserRole(null, form({ userId: c.userId, role: 'ops' })),
    verify: async (result, c: Login, cell) => {
      expect(okData(result)).toEqual({ changed: true, role: 'ops' });
      expect((await userRow(c.userId)).role).toBe('ops');
      expect(await lastAuditFor(c.userId)).toMatchObject({ action: 'user.role_change', changedBy: cell.caller.label, details: { from: 'manager', to: 'ops' } });
      expect(result.revalidated).toContain('/admin/users');
    },
  },
  // A login's instance tie (INTERFACES.md, Roles): an admin's change, like a role change.
  changeUserInstance: {
    expected: ADMIN_ONLY,
    prepare: target,
    call: (c: Login) => changeUserInstance(null, form({ userId: c.userId, instanceId: '2' })),
    verify: async (result, c: Login, cell) => {
      expect(okData(result)).toEqual({ changed: true, instanceId: 2 });
      expect((await userRow(c.userId)).instanceId).toBe(2);
      expect(await lastAuditFor(c.userId)).toMatchObject({
        action: 'user.instance_change',
        changedBy: cell.caller.label,
        details: { instanceFrom: null, instanceTo: 2, instanceName: 'Second library' },
      });
      expect(result.revalidated).toContain('/admin/users');
    },
  },
  disableUser: {
    expected: ADMIN_ONLY,
    prepare: target,
    call: (c: Login) => disableUser(null, form({ userId: c.userId })),
    verify: async (result, c: Login, cell) => {
      expect(okData(result)).toEqual({ changed: true });
      expect((await userRow(c.userId)).disabled).toBe(true);
      expect(await sessionCount(c.userId)).toBe(0);
      expect(await lastAuditFor(c.userId)).toMatchObject({ action: 'user.disable', changedBy: cell.caller.label });
    },
  },
  enableUser: {
    expected: ADMIN_ONLY,
    prepare: async () => {
      const login = await target();
      await disableLogin(db, { userId: login.userId, by: BY });
      return login;
    },
    call: (c: Login) => enableUser(null, form({ userId: c.userId })),
    verify: async (result, c: Login, cell) => {
      expect(okData(result)).toEqual({ changed: true });
      expect((await userRow(c.userId)).disabled).toBe(false);
      expect(await lastAuditFor(c.userId)).toMatchObject({ action: 'user.enable', changedBy: cell.caller.label });
    },
  },
  resetUserPassword: {
    expected: ADMIN_ONLY,
    prepare: target,
    call: (c: Login) => resetUserPassword(null, form({ userId: c.userId })),
    verify: async (result, c: Login, cell) => {
      const data = okData<{ oneTimePassword: string }>(result);
      expect(await verifyPassword(await passwordHash(c.userId), data.oneTimePassword)).toBe(true);
      expect(await verifyPassword(await passwordHash(c.userId), c.password)).toBe(false);
      expect((await userRow(c.userId)).mustChangePassword).toBe(true);
      expect(await sessionCount(c.userId)).toBe(0);
      expect(await lastAuditFor(c.userId)).toMatchObject({ action: 'user.password_reset', changedBy: cell.caller.label });
    },
  },
  createApiToken: {
    expected: ADMIN_ONLY,
    prepare: async () => ({ name: `made ${++seq}` }),
    call: (c: { name: string }) => createApiToken(null, form({ name: c.name, role: 'ops' })),
    verify: async (result, c: { name: string }, cell) => {
      const data = okData<{ name: string; token: string }>(result);
      expect(data.name).toBe(c.name);
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, c.name));
      expect(row).toMatchObject({ role: 'ops', tokenHash: hashApiToken(data.token), revokedAt: null, createdBy: cell.caller.label });
      expect(await findActiveApiToken(db, data.token)).toMatchObject({ role: 'ops' });
      expect(result.revalidated).toContain('/admin/tokens');
    },
  },
  revokeApiToken: {
    expected: ADMIN_ONLY,
    prepare: () => createToken(db, { role: 'manager', name: `to revoke ${++seq}`, by: BY }),
    call: (c: { tokenId: string }) => revokeApiToken(null, form({ tokenId: c.tokenId })),
    verify: async (result, c: { tokenId: string; token: string }, cell) => {
      expect(okData(result)).toEqual({ changed: true });
      expect(await findActiveApiToken(db, c.token)).toBeUndefined();
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, c.tokenId));
      expect(row!.revokedBy).toBe(cell.caller.label);
    },
  },
  // settings.change: admin only (RETENTION.md, "Changing settings"). The what-if changes nothing.
  previewSettingsChange: {
    expected: ADMIN_ONLY,
    prepare: async () => getSettings(db),
    call: (c: RetentionSettings) => previewSettingsChange(null, form({ historyMonths: String(c.historyMonths + 1) })),
    verify: async (result, c: RetentionSettings) => {
      const data = okData<{ changes: unknown[]; newlyDue: { actors: number } }>(result);
      expect(data.changes).toEqual([{ name: 'historyMonths', oldValue: c.historyMonths, newValue: c.historyMonths + 1 }]);
      expect(await getSettings(db)).toEqual(c);
      expect(result.revalidated).toEqual([]);
    },
  },
  saveSettingsChange: {
    expected: ADMIN_ONLY,
    prepare: async () => getSettings(db),
    call: (c: RetentionSettings) =>
      saveSettingsChange(
        null,
        form({
          historyMonths: String(c.historyMonths + 1),
          ...Object.fromEntries(SETTING_NAMES.map((n) => [`expected_${n}`, String(c[n])])),
          reason: 'matrix',
          confirmed: 'yes',
        }),
      ),
    verify: async (result, c: RetentionSettings, cell) => {
      okData(result);
      expect((await getSettings(db)).historyMonths).toBe(c.historyMonths + 1);
      const [row] = await getSettingsAudit(db, { setting: 'historyMonths', limit: 1 });
      expect(row).toMatchObject({ changedBy: cell.caller.label, oldValue: c.historyMonths, newValue: c.historyMonths + 1, reason: 'matrix' });
      expect(result.revalidated).toContain('/settings');
    },
  },
  // Requests about one customer: a removal request (support, admin), a legal hold (admin only).
  requestRemoval: {
    expected: SUPPORT_OR_ADMIN,
    prepare: async () => ({ actorId: freshActor() }),
    call: (c: { actorId: number }) => requestRemoval(null, form({ actorId: String(c.actorId), reason: 'letter ref 42', confirmed: 'yes' })),
    verify: async (result, c: { actorId: number }, cell) => {
      const data = okData<{ stage: string; requestedOn: string }>(result);
      expect(data.stage).toBe('saved');
      const rows = await db.execute<{ id: string; requested_on: string; reason: string }>(sql`select id, requested_on::text, reason from removal_requests where actor_id = ${c.actorId}`);
      expect(rows.rows).toEqual([{ id: expect.any(String), requested_on: data.requestedOn, reason: 'letter ref 42' }]);
      expect(await lastAuditFor(rows.rows[0]!.id)).toMatchObject({ action: 'removal_request.create', changedBy: cell.caller.label });
      expect(result.revalidated).toContain(`/actors/${c.actorId}`);
    },
  },
  placeLegalHold: {
    expected: ADMIN_ONLY,
    prepare: async () => ({ actorId: freshActor() }),
    call: (c: { actorId: number }) => placeLegalHold(null, form({ actorId: String(c.actorId), until: IN_A_YEAR, reason: 'case 7' })),
    verify: async (result, c: { actorId: number }, cell) => {
      expect(okData(result)).toEqual({ until: IN_A_YEAR });
      const rows = await db.execute<{ id: string; until: string; reason: string }>(sql`select id, until::text, reason from legal_holds where actor_id = ${c.actorId}`);
      expect(rows.rows).toEqual([{ id: expect.any(String), until: IN_A_YEAR, reason: 'case 7' }]);
      expect(await lastAuditFor(rows.rows[0]!.id)).toMatchObject({ action: 'legal_hold.place', changedBy: cell.caller.label });
      expect(result.revalidated).toContain(`/actors/${c.actorId}`);
    },
  },
  releaseLegalHold: {
    expected: ADMIN_ONLY,
    prepare: async () => {
      const actorId = freshActor();
      const { holdId } = await setLegalHold(db, { actorId, until: null, reason: 'case 8', by: BY, today: '2000-01-01' });
      return { actorId, holdId };
    },
    call: (c: { actorId: number }) => releaseLegalHold(null, form({ actorId: String(c.actorId), reason: 'case 8 closed' })),
    verify: async (result, c: { actorId: number; holdId: string }, cell) => {
      expect(okData(result)).toEqual({ released: true });
      const rows = await db.execute(sql`select id from legal_holds where actor_id = ${c.actorId}`);
      expect(rows.rows).toEqual([]);
      expect(await lastAuditFor(c.holdId)).toMatchObject({ action: 'legal_hold.release', changedBy: cell.caller.label, details: { reason: 'case 8 closed' } });
      expect(result.revalidated).toContain(`/actors/${c.actorId}`);
    },
  },
  changePassword: {
    expected: SIGNED_IN_LOGIN,
    prepare: async () => null,
    call: (_c, cell) =>
      changePassword(null, form({ currentPassword: cell.caller.login?.password ?? 'some password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
    verify: async (result, _c, cell) => {
      expect(result.outcome).toEqual({ kind: 'redirect', url: '/' });
      const login = cell.caller.login!;
      expect(await verifyPassword(await passwordHash(login.userId), NEW_PASSWORD)).toBe(true);
      expect((await userRow(login.userId)).mustChangePassword).toBe(false);
      expect(await lastAuditFor(login.userId)).toMatchObject({ action: 'user.password_change' });
    },
  },
  signOut: {
    // Sign-out ends the caller's own session; anyone else is simply sent to the sign-in page.
    expected: {
      ...SIGNED_IN_LOGIN,
    },
    prepare: async () => null,
    call: () => signOut(),
    verify: async (result, _c, cell) => {
      expect(result.outcome).toEqual({ kind: 'redirect', url: '/login' });
      expect(await sessionCount(cell.caller.login!.userId)).toBe(0);
    },
  },
  signIn: {
    expected: EVERYONE,
    prepare: async () => {
      const created = await createLogin(db, { email: uniqueEmail('signs-in'), role: 'manager', by: BY });
      await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
      return created;
    },
    call: (c: { email: string; oneTimePassword: string }) => signIn(null, form({ email: c.email, password: c.oneTimePassword, next: '/reports' })),
    verify: async (result, c: { userId: string }) => {
      expect(result.outcome).toEqual({ kind: 'redirect', url: '/reports' });
      expect(await sessionCount(c.userId)).toBe(1);
    },
  },
  setLocale: {
    expected: EVERYONE,
    prepare: async () => null,
    call: () => setLocale(null, form({ locale: 'nl' })),
    verify: async (result) => {
      expect(okData(result)).toEqual({ locale: 'nl' });
      expect(result.setCookies.get('locale')).toMatchObject({ value: 'nl', options: { path: '/', httpOnly: true, sameSite: 'lax' } });
    },
  },
};

/**
 * Everything a refused call must leave alone: logins (role, state, instance tie, password), sessions, tokens
 * and both audit logs. (A token's last_used_at may be noted; it is left out.)
 */
async function snapshot(): Promise<string> {
  const [u, a, s, tk, al, sa, st, rq, lh, acc] = await Promise.all([
    db.execute(sql`select id, email, role, disabled, must_change_password, instance_id from users order by id`),
    db.execute(sql`select user_id, password from accounts order by user_id`),
    db.execute(sql`select id, user_id from sessions order by id`),
    db.execute(sql`select id, name, role, revoked_at, instance_id from api_tokens order by id`),
    db.execute(sql`select count(*)::int as n from audit_log`),
    db.execute(sql`select count(*)::int as n from settings_audit`),
    db.execute(sql`select name, value from settings order by name`),
    db.execute(sql`select actor_id, requested_on::text, reason from removal_requests order by actor_id`),
    db.execute(sql`select actor_id, until::text, reason from legal_holds order by actor_id`),
    db.execute(sql`select count(*)::int as n from access_log`),
  ]);
  return JSON.stringify([u.rows, a.rows, s.rows, tk.rows, al.rows, sa.rows, st.rows, rq.rows, lh.rows, acc.rows]);
}

const REDIRECT_OF: Record<Exclude<Expected, 'allowed'>, RegExp> = {
  login: /^\/login(\?|$)/,
  'change-password': /^\/change-password(\?|$)/,
  forbidden: /^\/forbidden$/,
};

describe('every server action as every caller', () => {
  for (const [actionName, action] of Object.entries(ACTIONS)) {
    describe(actionName, () => {
      for (const identity of IDENTITY_NAMES) {
        const expected = action.expected[identity];
        it(`${identity}: ${expected}`, async () => {
          const caller = await IDENTITIES[identity]();
          const cell = { caller, identity };
          const context = await action.prepare(cell);
          const before = await snapshot();
          const result = await runAs(caller.credentials, () => action.call(context, cell));
          if (result.outcome.kind === 'error') throw result.outcome.error;
          if (expected === 'allowed') {
            await action.verify(result, context, cell);
          } else {
            expect(result.outcome).toMatchObject({ kind: 'redirect' });
            expect((result.outcome as { url: string }).url).toMatch(REDIRECT_OF[expected]);
            expect(await snapshot()).toBe(before);
            expect(result.revalidated).toEqual([]);
            expect(result.setCookies.size).toBe(0);
          }
        });
      }
    });
  }

  it('covers every action file', async () => {
    const fs = await import('node:fs');
    const files = fs
      .readdirSync(new URL('../server/actions/', import.meta.url))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));
    expect(files.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

describe('admin actions refuse bad input and change nothing', () => {
  async function asAdmin<T>(fn: () => Promise<T>, credentials: Partial<Credentials> = {}) {
    const admin = await newLogin('admin');
    const before = await snapshot();
    const result = await runAs({ cookie: admin.cookie, ...credentials }, fn);
    if (result.outcome.kind === 'error') throw result.outcome.error;
    expect(await snapshot()).toBe(before);
    return { result: (result.outcome as { value: ActionResult<unknown> }).value, admin };
  }

  const BAD_CREATE_USER: [string, Record<string, string | undefined>, string][] = [
    ['a missing email', { role: 'manager' }, 'email'],
    ['an email that is not one', { email: 'not an email', role: 'manager' }, 'email'],
    ['HTML in the email', { email: '<script>alert(1)</script>@x.example', role: 'manager' }, 'email'],
    ['an unknown role', { email: 'someone@library.example', role: 'root' }, 'role'],
    ['a missing role', { email: 'someone@library.example' }, 'role'],
    ['a name of a megabyte', { email: 'someone@library.example', role: 'manager', name: 'x'.repeat(1_000_000) }, 'name'],
    ['a name with NUL', { email: 'someone@library.example', role: 'manager', name: 'a\u0000b' }, 'name'],
    ['a __proto__ email', { email: '__proto__', role: 'manager' }, 'email'],
  ];
  for (const [what, fields, field] of BAD_CREATE_USER) {
    it(`createUser: ${what}`, async () => {
      const { result } = await asAdmin(() => createUser(null, form(fields)));
      expect(result.ok).toBe(false);
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual([field]);
    });
  }

  const BAD_INSTANCES: [string, string][] = [
    ['an instance that does not exist', '3'],
    ['instance 0', '0'],
    ['a negative instance', '-1'],
    ['a fractional instance', '1.5'],
    ['an instance beyond 2147483647', '2147483648'],
    ['an instance that is no number', 'north'],
    ['SQL as instance', "1' or '1'='1"],
  ];
  for (const [what, instanceId] of BAD_INSTANCES) {
    it(`createUser, createApiToken and changeUserInstance: ${what} is named on the instance field`, async () => {
      let { result } = await asAdmin(() => createUser(null, form({ email: uniqueEmail('nowhere'), role: 'manager', instanceId })));
      expect(result).toMatchObject({ ok: false, fieldErrors: { instanceId: [expect.any(String)] } });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(['instanceId']);
      ({ result } = await asAdmin(() => createApiToken(null, form({ role: 'manager', instanceId }))));
      expect(result).toMatchObject({ ok: false, fieldErrors: { instanceId: [expect.any(String)] } });
      expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(['instanceId']);
      const login = await target();
      ({ result } = await asAdmin(() => changeUserInstance(null, form({ userId: login.userId, instanceId }))));
      expect(result).toMatchObject({ ok: false, fieldErrors: { instanceId: [expect.any(String)] } });
    });
  }

  it('an unknown instance is told as such, in English and Dutch', async () => {
    const { result } = await asAdmin(() => createUser(null, form({ email: uniqueEmail('nowhere'), role: 'manager', instanceId: '3' })));
    expect(result).toEqual({ ok: false, formError: null, fieldErrors: { instanceId: ['That instance does not exist (any more). Reload the page.'] } });
    const dutch = await asAdmin(() => createApiToken(null, form({ role: 'manager', instanceId: '3' })), { cookie: `${(await newLogin('admin')).cookie}; locale=nl` });
    expect(dutch.result).toEqual({ ok: false, formError: null, fieldErrors: { instanceId: ['Die instantie bestaat niet (meer). Laad de pagina opnieuw.'] } });
  });

  it('createUser and createApiToken tie to the chosen instance, or to none when the choice is empty', async () => {
    const admin = await newLogin('admin');
    const tiedEmail = uniqueEmail('tied');
    let run1 = await runAs({ cookie: admin.cookie }, () => createUser(null, form({ email: tiedEmail, role: 'manager', instanceId: '1' })));
    okData(run1);
    const [tied] = await db.select().from(users).where(eq(users.email, tiedEmail));
    expect(tied!.instanceId).toBe(1);
    expect(await lastAuditFor(tied!.id)).toMatchObject({ action: 'user.create', details: { role: 'manager', instanceId: 1, instanceName: 'Matrix library' } });
    const freeEmail = uniqueEmail('free');
    run1 = await runAs({ cookie: admin.cookie }, () => createUser(null, form({ email: freeEmail, role: 'manager', instanceId: '' })));
    okData(run1);
    const [free] = await db.select().from(users).where(eq(users.email, freeEmail));
    expect(free!.instanceId).toBeNull();

    const name = `tied token ${++seq}`;
    const run2 = await runAs({ cookie: admin.cookie }, () => createApiToken(null, form({ name, role: 'manager', instanceId: '2' })));
    const data = okData<{ token: string }>(run2);
    expect(await findActiveApiToken(db, data.token)).toMatchObject({ name, instanceId: 2 });
    const freeName = `free token ${++seq}`;
    const run3 = await runAs({ cookie: admin.cookie }, () => createApiToken(null, form({ name: freeName, role: 'manager' })));
    expect(await findActiveApiToken(db, okData<{ token: string }>(run3).token)).toMatchObject({ name: freeName, instanceId: null });
  });

  it('an admin tied to an instance cannot make a wider token, by session or by a tied token', async () => {
    const admin = await newLogin('admin');
    await db.update(users).set({ instanceId: 1 }).where(eq(users.id, admin.userId));
    for (const instanceId of ['', '2']) {
      const before = await snapshot();
      const result = await runAs({ cookie: admin.cookie }, () => createApiToken(null, form({ role: 'manager', instanceId })));
      expect(result.outcome).toEqual({
        kind: 'value',
        value: { ok: false, formError: null, fieldErrors: { instanceId: ['You are tied to Matrix library: a token you make must be tied to Matrix library too.'] } },
      });
      expect(await snapshot()).toBe(before);
    }
    const same = await runAs({ cookie: admin.cookie }, () => createApiToken(null, form({ name: `same ${++seq}`, role: 'manager', instanceId: '1' })));
    expect(await findActiveApiToken(db, okData<{ token: string }>(same).token)).toMatchObject({ instanceId: 1 });

    const tiedToken = await createToken(db, { role: 'admin', name: `tied admin ${++seq}`, instanceId: 1, by: BY });
    const before = await snapshot();
    const byToken = await runAs({ bearer: tiedToken.token }, () => createApiToken(null, form({ role: 'manager' })));
    expect(byToken.outcome).toMatchObject({ kind: 'value', value: { ok: false, fieldErrors: { instanceId: [expect.stringContaining('Matrix library')] } } });
    expect(await snapshot()).toBe(before);
  });

  it('changeUserInstance: unties with an empty choice, refuses a missing one, and says when nothing changed', async () => {
    const admin = await newLogin('admin');
    const login = await target();
    await db.update(users).set({ instanceId: 1 }).where(eq(users.id, login.userId));
    let result = await runAs({ cookie: admin.cookie }, () => changeUserInstance(null, form({ userId: login.userId, instanceId: '1' })));
    expect(okData(result)).toEqual({ changed: false, instanceId: 1 });
    const before = await snapshot();
    result = await runAs({ cookie: admin.cookie }, () => changeUserInstance(null, form({ userId: login.userId })));
    expect(result.outcome).toMatchObject({ kind: 'value', value: { ok: false, fieldErrors: { instanceId: ['Choose an instance, or all instances.'] } } });
    expect(await snapshot()).toBe(before);
    result = await runAs({ cookie: admin.cookie }, () => changeUserInstance(null, form({ userId: login.userId, instanceId: '' })));
    expect(okData(result)).toEqual({ changed: true, instanceId: null });
    expect((await userRow(login.userId)).instanceId).toBeNull();
    expect(await lastAuditFor(login.userId)).toMatchObject({ action: 'user.instance_change', details: { instanceFrom: 1, instanceTo: null } });
  });

  it('createUser: an email that is taken (any case) is named on the field', async () => {
    const existing = await newLogin('ops');
    const { result } = await asAdmin(() => createUser(null, form({ email: existing.email.toUpperCase(), role: 'manager' })));
    expect(result).toEqual({ ok: false, formError: null, fieldErrors: { email: ['A login with this email address exists already.'] } });
  });

  it('user actions: an unknown or malformed user id', async () => {
    for (const userId of ['no-such-user', '', 'x'.repeat(101)]) {
      const actions: ((previous: null, formData: FormData) => Promise<ActionResult<unknown>>)[] = [disableUser, enableUser, resetUserPassword];
      for (const action of actions) {
        const { result } = await asAdmin(() => action(null, form({ userId })));
        expect(result.ok).toBe(false);
      }
      const { result } = await asAdmin(() => changeUserRole(null, form({ userId, role: 'ops' })));
      expect(result.ok).toBe(false);
      const { result: instanceResult } = await asAdmin(() => changeUserInstance(null, form({ userId, instanceId: '1' })));
      expect(instanceResult.ok).toBe(false);
    }
  });

  it('an admin cannot disable, demote, re-tie or reset their own login', async () => {
    const admin = await newLogin('admin');
    const calls: (() => Promise<ActionResult<unknown>>)[] = [
      () => disableUser(null, form({ userId: admin.userId })),
      () => changeUserRole(null, form({ userId: admin.userId, role: 'support' })),
      () => changeUserInstance(null, form({ userId: admin.userId, instanceId: '1' })),
      () => resetUserPassword(null, form({ userId: admin.userId })),
    ];
    for (const call of calls) {
      const before = await snapshot();
      const result = await runAs({ cookie: admin.cookie }, call);
      expect(result.outcome).toEqual({ kind: 'value', value: { ok: false, formError: 'You cannot do this to your own login; ask another admin.', fieldErrors: {} } });
      expect(await snapshot()).toBe(before);
    }
  });

  it('revokeApiToken: an id that is not a token id, or no such token', async () => {
    let { result } = await asAdmin(() => revokeApiToken(null, form({ tokenId: "1' or '1'='1" })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { tokenId: ['That API token does not exist.'] } });
    ({ result } = await asAdmin(() => revokeApiToken(null, form({ tokenId: crypto.randomUUID() }))));
    expect(result).toEqual({ ok: false, formError: 'That API token does not exist any more. Reload the page.', fieldErrors: {} });
  });

  it('revoking a revoked token changes nothing', async () => {
    const token = await createToken(db, { role: 'ops', by: BY });
    await revokeToken(db, { tokenId: token.tokenId, by: BY });
    const { result } = await asAdmin(() => revokeApiToken(null, form({ tokenId: token.tokenId })));
    expect(result).toEqual({ ok: true, data: { changed: false } });
  });

  it('setLocale: a language we do not have', async () => {
    for (const locale of ['de', '', 'EN', '__proto__']) {
      const result = await runAs({}, () => setLocale(null, form({ locale })));
      expect(result.outcome).toMatchObject({ kind: 'value', value: { ok: false, fieldErrors: { locale: [expect.any(String)] } } });
      expect(result.setCookies.size).toBe(0);
    }
  });

  it('answers in the language of the locale cookie, else of Accept-Language', async () => {
    const byCookie = await asAdmin(() => createUser(null, form({ email: 'nope', role: 'manager' })));
    expect(byCookie.result).toMatchObject({ fieldErrors: { email: ['Enter an email address such as name@library.example.'] } });

    const admin = await newLogin('admin');
    const dutchCookie = await runAs({ cookie: `${admin.cookie}; locale=nl` }, () => createUser(null, form({ email: 'nope', role: 'manager' })));
    expect(dutchCookie.outcome).toMatchObject({ value: { fieldErrors: { email: ['Vul een e-mailadres in zoals naam@bibliotheek.example.'] } } });

    const dutchBrowser = await runAs({ cookie: admin.cookie, acceptLanguage: 'nl-BE,nl;q=0.9,en;q=0.5' }, () => signIn(null, form({ email: admin.email, password: 'wrong' })));
    expect(dutchBrowser.outcome).toEqual({ kind: 'value', value: { ok: false, formError: 'Het e-mailadres of het wachtwoord klopt niet.', fieldErrors: {} } });

    // The cookie wins over the browser.
    const englishCookie = await runAs({ cookie: 'locale=en', acceptLanguage: 'nl' }, () => signIn(null, form({ email: admin.email, password: 'wrong' })));
    expect(englishCookie.outcome).toMatchObject({ value: { formError: 'The email address or the password is not right.' } });
  });

  it('change password: a short new password is refused in words that name the rule', async () => {
    const login = await newLogin('manager');
    const result = await runAs({ cookie: login.cookie }, () =>
      changePassword(null, form({ currentPassword: login.password, newPassword: 'short', confirmPassword: 'short' })),
    );
    expect(result.outcome).toMatchObject({ value: { ok: false, fieldErrors: { newPassword: ['The new password must be at least 12 characters.'] } } });
    const wrong = await runAs({ cookie: login.cookie }, () =>
      changePassword(null, form({ currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
    );
    expect(wrong.outcome).toMatchObject({ value: { ok: false, fieldErrors: { currentPassword: ['The current password is not right.'] } } });
    expect(await verifyPassword(await passwordHash(login.userId), login.password)).toBe(true);
  });
});

describe('the roles of the matrix', () => {
  it('are the four roles of INTERFACES.md', () => {
    expect([...USER_ROLES]).toEqual(['manager', 'ops', 'support', 'admin']);
    for (const role of USER_ROLES) expect(Object.keys(IDENTITIES)).toContain(role);
  });
});
