/*
 * Logins and API tokens tied to one library instance (INTERFACES.md, Roles): made with or without
 * a tie, refused for an instance that does not exist, carried by the caller resolved from a
 * session or a token, never wider for a token than for the login that makes it, and changed by an
 * admin (lib/auth/users.ts setUserInstance), against the real database.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens, auditLog, instances, users } from '@/db/schema';
import { resolveCaller } from '@/lib/auth/caller';
import { InstanceTieWiderError, InvalidAuthInputError, UnknownInstanceError, UserNotFoundError } from '@/lib/auth/errors';
import { createApiToken, findActiveApiToken, listApiTokensWithState } from '@/lib/auth/tokens';
import { createUser, DEMO_LOGINS, ensureDemoLogins, setUserInstance } from '@/lib/auth/users';
import { makeTestAuth, signInRequest } from './helpers/auth-requests';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('instance_ties');
const db = t.db;
const BY = { label: 'cli root', userId: null };
await db.insert(instances).values([
  { id: 1, name: 'Bibliotheek Rivierenland' },
  { id: 2, name: 'Bibliotheek Betuwe' },
  { id: 2147483647, name: 'Highest' },
]);

let seq = 0;
const email = (label: string) => `${label}-${++seq}@library.example`;

async function counts() {
  const [r] = await db.execute<{ users: number; tokens: number; audit: number }>(
    sql`select (select count(*) from users)::int as users, (select count(*) from api_tokens)::int as tokens, (select count(*) from audit_log)::int as audit`,
  ).then((x) => x.rows);
  return r!;
}

async function auditRows(targetId: string) {
  return db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id);
}

/** An admin login (its password changed), made by the command line; with `instanceId`, tied. */
async function adminLogin(instanceId?: number) {
  const created = await createUser(db, { email: email('admin'), role: 'admin', ...(instanceId !== undefined ? { instanceId } : {}), by: BY });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  return { ...created, by: { label: created.email, userId: created.userId } };
}

// The last enabled admin stays, whatever the tests do.
await adminLogin();

const BAD_IDS: [string, unknown][] = [
  ['0', 0],
  ['a negative id', -1],
  ['a fraction', 1.5],
  ['2147483648', 2_147_483_648],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a string', '1'],
];

describe('createUser with an instance', () => {
  it('ties the login, audited with the instance; without one the login is not tied', async () => {
    const tied = await createUser(db, { email: email('tied'), role: 'manager', instanceId: 2, by: BY });
    expect(tied.instanceId).toBe(2);
    const [row] = await db.select().from(users).where(eq(users.id, tied.userId));
    expect(row!.instanceId).toBe(2);
    expect((await auditRows(tied.userId)).map((a) => [a.action, a.details])).toEqual([
      ['user.create', { role: 'manager', instanceId: 2, instanceName: 'Bibliotheek Betuwe' }],
    ]);

    const highest = await createUser(db, { email: email('highest'), role: 'manager', instanceId: 2147483647, by: BY });
    expect(highest.instanceId).toBe(2147483647);

    for (const instanceId of [undefined, null]) {
      const free = await createUser(db, { email: email('free'), role: 'manager', ...(instanceId !== undefined ? { instanceId } : {}), by: BY });
      expect(free.instanceId).toBeNull();
      const [freeRow] = await db.select().from(users).where(eq(users.id, free.userId));
      expect(freeRow!.instanceId).toBeNull();
      expect((await auditRows(free.userId))[0]!.details).toEqual({ role: 'manager', instanceId: null });
    }
  });

  it('refuses an instance that does not exist with UnknownInstanceError, and writes nothing', async () => {
    const before = await counts();
    const e = await createUser(db, { email: email('nowhere'), role: 'manager', instanceId: 3, by: BY }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnknownInstanceError);
    expect((e as UnknownInstanceError).instanceId).toBe(3);
    expect((e as Error).message).toBe('instance 3 does not exist');
    expect(await counts()).toEqual(before);
  });

  it.each(BAD_IDS)('refuses %s as instance with InvalidAuthInputError naming the instance', async (_label, instanceId) => {
    const before = await counts();
    const e = await createUser(db, { email: email('bad'), role: 'manager', instanceId: instanceId as number, by: BY }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidAuthInputError);
    expect(Object.keys((e as InvalidAuthInputError).fieldErrors)).toEqual(['instanceId']);
    expect((e as Error).message).toMatch(/instance must be a positive whole number up to 2147483647/);
    expect(await counts()).toEqual(before);
  });
});

describe('createApiToken with an instance', () => {
  it('ties the token, audited; the token’s caller carries the tie; without one it is not tied', async () => {
    const tied = await createApiToken(db, { role: 'manager', name: 'branch', instanceId: 1, by: BY });
    expect(tied.instanceId).toBe(1);
    expect(await findActiveApiToken(db, tied.token)).toEqual({ tokenId: tied.tokenId, name: 'branch', role: 'manager', instanceId: 1 });
    const noSession = { api: { getSession: async () => null } };
    expect(await resolveCaller(db, noSession, new Headers({ authorization: `Bearer ${tied.token}` }))).toEqual({
      kind: 'token',
      tokenId: tied.tokenId,
      name: 'branch',
      role: 'manager',
      instanceId: 1,
    });
    expect((await auditRows(tied.tokenId))[0]).toMatchObject({
      action: 'token.create',
      details: { role: 'manager', hint: tied.hint, instanceId: 1, instanceName: 'Bibliotheek Rivierenland' },
    });

    const free = await createApiToken(db, { role: 'manager', name: 'everywhere', by: BY });
    expect(free.instanceId).toBeNull();
    expect(await resolveCaller(db, noSession, new Headers({ authorization: `Bearer ${free.token}` }))).toMatchObject({ kind: 'token', instanceId: null });
    expect((await auditRows(free.tokenId))[0]!.details).toMatchObject({ instanceId: null });
    const listed = await listApiTokensWithState(db);
    expect(listed.find((x) => x.id === tied.tokenId)).toMatchObject({ instanceId: 1, state: 'active' });
    expect(listed.find((x) => x.id === free.tokenId)).toMatchObject({ instanceId: null, state: 'active' });
  });

  it('refuses an instance that does not exist, or a bad id, and writes nothing', async () => {
    const before = await counts();
    await expect(createApiToken(db, { role: 'manager', instanceId: 4, by: BY })).rejects.toThrow(UnknownInstanceError);
    for (const [, instanceId] of BAD_IDS) await expect(createApiToken(db, { role: 'manager', instanceId: instanceId as number, by: BY })).rejects.toThrow(InvalidAuthInputError);
    expect(await counts()).toEqual(before);
  });
});

describe('a login tied to an instance', () => {
  it('is the caller of its session, with its tie, re-read on every request', async () => {
    const auth = await makeTestAuth(db);
    const created = await createUser(db, { email: email('session'), role: 'manager', instanceId: 1, by: BY });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
    const response = await signInRequest(auth, created.email, created.oneTimePassword);
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const headers = new Headers({ cookie });
    expect(await resolveCaller(db, auth, headers)).toMatchObject({ kind: 'user', userId: created.userId, role: 'manager', instanceId: 1 });
    await setUserInstance(db, { userId: created.userId, instanceId: 2, by: BY });
    expect(await resolveCaller(db, auth, headers)).toMatchObject({ kind: 'user', userId: created.userId, instanceId: 2 });
    await setUserInstance(db, { userId: created.userId, instanceId: null, by: BY });
    expect(await resolveCaller(db, auth, headers)).toMatchObject({ kind: 'user', userId: created.userId, instanceId: null });
  });

  it('cannot make a wider token: another instance or none is refused, the same instance is fine', async () => {
    const tiedAdmin = await adminLogin(1);
    const before = await counts();
    const other = await createApiToken(db, { role: 'manager', instanceId: 2, by: tiedAdmin.by }).catch((x: unknown) => x);
    expect(other).toBeInstanceOf(InstanceTieWiderError);
    expect((other as Error).message).toBe('you are tied to instance 1: a token you make must be tied to instance 1 too (not to instance 2)');
    const none = await createApiToken(db, { role: 'manager', by: tiedAdmin.by }).catch((x: unknown) => x);
    expect(none).toBeInstanceOf(InstanceTieWiderError);
    expect((none as Error).message).toMatch(/not to all instances/);
    await expect(createApiToken(db, { role: 'manager', instanceId: null, by: tiedAdmin.by })).rejects.toThrow(InstanceTieWiderError);
    expect(await counts()).toEqual(before);

    const same = await createApiToken(db, { role: 'manager', instanceId: 1, by: tiedAdmin.by });
    expect(await findActiveApiToken(db, same.token)).toMatchObject({ instanceId: 1 });
  });

  it('reads the creator’s tie from the database, not from what the caller was told', async () => {
    const admin = await adminLogin();
    await setUserInstance(db, { userId: admin.userId, instanceId: 2, by: BY });
    await expect(createApiToken(db, { role: 'ops', by: admin.by })).rejects.toThrow(InstanceTieWiderError);
  });

  it('stops a token it made before being tied elsewhere from working (it cannot be a way around the tie)', async () => {
    const admin = await adminLogin();
    const everywhere = await createApiToken(db, { role: 'manager', by: admin.by });
    const atOne = await createApiToken(db, { role: 'manager', instanceId: 1, by: admin.by });
    const atTwo = await createApiToken(db, { role: 'manager', instanceId: 2, by: admin.by });
    const cli = await createApiToken(db, { role: 'manager', by: BY });
    const works = async () => ({
      everywhere: (await findActiveApiToken(db, everywhere.token)) !== undefined,
      atOne: (await findActiveApiToken(db, atOne.token)) !== undefined,
      atTwo: (await findActiveApiToken(db, atTwo.token)) !== undefined,
      cli: (await findActiveApiToken(db, cli.token)) !== undefined,
    });
    expect(await works()).toEqual({ everywhere: true, atOne: true, atTwo: true, cli: true });
    await setUserInstance(db, { userId: admin.userId, instanceId: 1, by: BY });
    expect(await works()).toEqual({ everywhere: false, atOne: true, atTwo: false, cli: true });
    const states = new Map((await listApiTokensWithState(db)).map((x) => [x.id, x.state]));
    expect([states.get(everywhere.tokenId), states.get(atOne.tokenId), states.get(atTwo.tokenId)]).toEqual(['creatorLostAccess', 'active', 'creatorLostAccess']);
    // Untied again: all of them work again, as after a role given back.
    await setUserInstance(db, { userId: admin.userId, instanceId: null, by: BY });
    expect(await works()).toEqual({ everywhere: true, atOne: true, atTwo: true, cli: true });
  });
});

describe('setUserInstance', () => {
  it('ties, moves and unties a login, each audited; the same tie again writes nothing', async () => {
    const { userId } = await createUser(db, { email: email('moved'), role: 'manager', by: BY });
    expect(await setUserInstance(db, { userId, instanceId: 1, by: BY })).toEqual({ changed: true });
    expect(await setUserInstance(db, { userId, instanceId: 1, by: BY })).toEqual({ changed: false });
    expect(await setUserInstance(db, { userId, instanceId: 2, by: BY })).toEqual({ changed: true });
    expect(await setUserInstance(db, { userId, instanceId: null, by: BY })).toEqual({ changed: true });
    expect(await setUserInstance(db, { userId, instanceId: null, by: BY })).toEqual({ changed: false });
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row!.instanceId).toBeNull();
    expect((await auditRows(userId)).map((a) => [a.action, a.details])).toEqual([
      ['user.create', { role: 'manager', instanceId: null }],
      ['user.instance_change', { instanceFrom: null, instanceTo: 1, instanceName: 'Bibliotheek Rivierenland' }],
      ['user.instance_change', { instanceFrom: 1, instanceTo: 2, instanceFromName: 'Bibliotheek Rivierenland', instanceName: 'Bibliotheek Betuwe' }],
      ['user.instance_change', { instanceFrom: 2, instanceTo: null, instanceFromName: 'Bibliotheek Betuwe' }],
    ]);
  });

  it('refuses an unknown instance, a bad id or an unknown login, and writes nothing', async () => {
    const { userId } = await createUser(db, { email: email('stays'), role: 'manager', instanceId: 1, by: BY });
    const before = await counts();
    await expect(setUserInstance(db, { userId, instanceId: 5, by: BY })).rejects.toThrow(UnknownInstanceError);
    for (const [, instanceId] of BAD_IDS) await expect(setUserInstance(db, { userId, instanceId: instanceId as number, by: BY })).rejects.toThrow(InvalidAuthInputError);
    await expect(setUserInstance(db, { userId, instanceId: undefined as unknown as null, by: BY })).rejects.toThrow(InvalidAuthInputError);
    await expect(setUserInstance(db, { userId: 'no-such-user', instanceId: 1, by: BY })).rejects.toThrow(UserNotFoundError);
    expect(await counts()).toEqual(before);
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row!.instanceId).toBe(1);
  });

  it('keeps a tie whose instance went away (no foreign key: load --replace replaces the instances)', async () => {
    await db.insert(instances).values({ id: 77, name: 'Closing branch' });
    const { userId } = await createUser(db, { email: email('orphan'), role: 'manager', instanceId: 77, by: BY });
    const token = await createApiToken(db, { role: 'manager', instanceId: 77, by: BY });
    await db.delete(instances).where(eq(instances.id, 77));
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row!.instanceId).toBe(77);
    expect(await findActiveApiToken(db, token.token)).toMatchObject({ instanceId: 77 });
    const [tokenRow] = await db.select({ instanceId: apiTokens.instanceId }).from(apiTokens).where(eq(apiTokens.id, token.tokenId));
    expect(tokenRow!.instanceId).toBe(77);
    // A new tie to it is refused now.
    await expect(createUser(db, { email: email('late'), role: 'manager', instanceId: 77, by: BY })).rejects.toThrow(UnknownInstanceError);
  });
});

describe('the demo logins', () => {
  it('tie the manager to the instance with the lowest id, and no other', async () => {
    const t2 = await setupTestDatabase('instance_ties_demo');
    await t2.db.insert(instances).values([
      { id: 9, name: 'Nine' },
      { id: 4, name: 'Four' },
      { id: 12, name: 'Twelve' },
    ]);
    await ensureDemoLogins(t2.db);
    const rows = await t2.db.select({ email: users.email, instanceId: users.instanceId }).from(users).orderBy(users.email);
    expect(rows).toEqual([
      { email: 'admin@demo.test', instanceId: null },
      { email: 'manager@demo.test', instanceId: 4 },
      { email: 'ops@demo.test', instanceId: null },
      { email: 'support@demo.test', instanceId: null },
    ]);
    expect(DEMO_LOGINS.filter((l) => l.isTiedToFirstInstance).map((l) => l.email)).toEqual(['manager@demo.test']);
    const [audit] = await t2.db.select().from(auditLog).where(eq(auditLog.targetLabel, 'manager@demo.test'));
    expect(audit!.details).toEqual({ role: 'manager', instanceId: 4, demo: true });
  });

  it('leave the manager untied where there is no instance at all', async () => {
    const t3 = await setupTestDatabase('instance_ties_empty');
    await ensureDemoLogins(t3.db);
    const [row] = await t3.db.select({ instanceId: users.instanceId }).from(users).where(eq(users.email, 'manager@demo.test'));
    expect(row!.instanceId).toBeNull();
  });
});
