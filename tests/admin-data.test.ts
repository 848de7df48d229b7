/*
 * The admin screens' reads (server/data/admin.ts) and the overview's (server/data/overview.ts):
 * each asks for its permission first, and returns only what its screen shows.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { getAuditEntries } from '@/db/queries/audit';
import { auditLog, instances, settingsAudit, users } from '@/db/schema';
import type { UserRole } from '@/lib/auth/permissions';
import { createApiToken } from '@/lib/auth/tokens';
import { createUser } from '@/lib/auth/users';
import { getAccessLogScreen } from '@/server/data/access-log';
import { getAdminApiTokens, getAdminUsers, getAuditLog } from '@/server/data/admin';
import { getLiveCounts, getSettingsOverview } from '@/server/data/overview';
import { setupTestDatabase } from './helpers/db';
import { runAs, signInCookie, pointServerAtDatabase } from './helpers/next-request';

const t = await setupTestDatabase('admin_data');
const db = t.db;
pointServerAtDatabase(t.url);
const BY = { label: 'setup', userId: null };

const cookies = {} as Record<UserRole, string>;
for (const role of ['manager', 'ops', 'support', 'admin'] as const) {
  const created = await createUser(db, { email: `${role}@data.example`, role, by: BY });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  cookies[role] = await signInCookie(created.email, created.oneTimePassword);
}

const READS: Record<string, { fn: () => Promise<unknown>; allowed: readonly UserRole[] }> = {
  getAdminUsers: { fn: () => getAdminUsers(), allowed: ['admin'] },
  getAdminApiTokens: { fn: () => getAdminApiTokens(), allowed: ['admin'] },
  getAuditLog: { fn: () => getAuditLog({}), allowed: ['admin'] },
  getAccessLogScreen: { fn: () => getAccessLogScreen({}), allowed: ['admin'] },
  getSettingsOverview: { fn: () => getSettingsOverview(), allowed: ['manager', 'ops', 'admin'] },
  getLiveCounts: { fn: () => getLiveCounts(), allowed: ['manager', 'ops', 'admin'] },
};

describe('each read asks for its permission', () => {
  for (const [name, read] of Object.entries(READS)) {
    it(name, async () => {
      for (const role of ['manager', 'ops', 'support', 'admin'] as const) {
        const result = await runAs({ cookie: cookies[role] }, read.fn);
        if (read.allowed.includes(role)) expect(result.outcome.kind, `${name} as ${role}`).toBe('value');
        else expect(result.outcome, `${name} as ${role}`).toEqual({ kind: 'redirect', url: '/forbidden' });
      }
      expect((await runAs({}, read.fn)).outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/login/) });
    });
  }
});

describe('what the admin screens get', () => {
  it('logins without any secret, the admin’s own marked', async () => {
    const result = await runAs({ cookie: cookies.admin }, () => getAdminUsers());
    const { users: list } = (result.outcome as { value: Awaited<ReturnType<typeof getAdminUsers>> }).value;
    expect(list.map((u) => u.email)).toEqual(['admin@data.example', 'manager@data.example', 'ops@data.example', 'support@data.example']);
    for (const u of list) expect(Object.keys(u).sort()).toEqual(['createdAt', 'email', 'id', 'instance', 'isDisabled', 'isSelf', 'mustChangePassword', 'name', 'role']);
    expect(list.filter((u) => u.isSelf).map((u) => u.email)).toEqual(['admin@data.example']);
  });

  it('the instance each login and token is tied to (by name, or gone), and the instances to choose from', async () => {
    await db.insert(instances).values([
      { id: 5, name: 'Bibliotheek Betuwe' },
      { id: 3, name: 'Bibliotheek Rivierenland' },
      { id: 8, name: 'Closing soon' },
    ]);
    await createUser(db, { email: 'tied@data.example', role: 'manager', instanceId: 3, by: BY });
    await createUser(db, { email: 'orphan@data.example', role: 'manager', instanceId: 8, by: BY });
    await createApiToken(db, { role: 'manager', name: 'branch token', instanceId: 5, by: BY });
    await createApiToken(db, { role: 'manager', name: 'orphan token', instanceId: 8, by: BY });
    await db.delete(instances).where(eq(instances.id, 8));
    try {
      const usersResult = await runAs({ cookie: cookies.admin }, () => getAdminUsers());
      const screen = (usersResult.outcome as { value: Awaited<ReturnType<typeof getAdminUsers>> }).value;
      expect(screen.instances).toEqual([
        { id: 3, name: 'Bibliotheek Rivierenland' },
        { id: 5, name: 'Bibliotheek Betuwe' },
      ]);
      const byEmail = new Map(screen.users.map((u) => [u.email, u.instance]));
      expect(byEmail.get('tied@data.example')).toEqual({ id: 3, name: 'Bibliotheek Rivierenland' });
      expect(byEmail.get('orphan@data.example')).toEqual({ id: 8, name: null });
      expect(byEmail.get('manager@data.example')).toBeNull();

      const tokensResult = await runAs({ cookie: cookies.admin }, () => getAdminApiTokens());
      const tokenScreen = (tokensResult.outcome as { value: Awaited<ReturnType<typeof getAdminApiTokens>> }).value;
      expect(tokenScreen.instances.map((i) => i.id)).toEqual([3, 5]);
      expect(tokenScreen.callerInstanceId).toBeNull();
      const byName = new Map(tokenScreen.tokens.map((x) => [x.name, x.instance]));
      expect(byName.get('branch token')).toEqual({ id: 5, name: 'Bibliotheek Betuwe' });
      expect(byName.get('orphan token')).toEqual({ id: 8, name: null });

      // A tied admin's screen knows the tie, so the form offers only that instance.
      await db.update(users).set({ instanceId: 5 }).where(eq(users.email, 'admin@data.example'));
      const tiedResult = await runAs({ cookie: cookies.admin }, () => getAdminApiTokens());
      expect((tiedResult.outcome as { value: Awaited<ReturnType<typeof getAdminApiTokens>> }).value.callerInstanceId).toBe(5);
    } finally {
      await db.update(users).set({ instanceId: null }).where(eq(users.email, 'admin@data.example'));
    }
  });

  it('tokens with their hint, never their hash', async () => {
    const created = await createApiToken(db, { role: 'ops', name: 'monitoring', by: BY });
    const result = await runAs({ cookie: cookies.admin }, () => getAdminApiTokens());
    const { tokens } = (result.outcome as { value: Awaited<ReturnType<typeof getAdminApiTokens>> }).value;
    const token = tokens.find((x) => x.name === 'monitoring')!;
    expect(token).toMatchObject({ role: 'ops', hint: created.hint, revokedAt: null, lastUsedAt: null, createdBy: 'setup' });
    expect(JSON.stringify(tokens)).not.toContain(created.token.slice(8));
    expect(Object.keys(token)).not.toContain('tokenHash');
  });
});

const t2 = await setupTestDatabase('audit_filters');
// Around midnight in Amsterdam (UTC+1 in winter): 2026-01-10 23:30 local is 22:30 UTC.
await t2.db.insert(settingsAudit).values([
  { changedAt: new Date('2026-01-09T22:59:59Z'), changedBy: 'a', setting: 'historyMonths', oldValue: 0, newValue: 24, reason: 'r1' },
  { changedAt: new Date('2026-01-10T22:30:00Z'), changedBy: 'b', setting: 'historyMonths', oldValue: 24, newValue: 36, reason: 'r2' },
]);
await t2.db.insert(auditLog).values([
  { changedAt: new Date('2026-01-09T23:00:00Z'), changedBy: 'c', action: 'user.create', targetType: 'user', targetId: 'u1', targetLabel: 'x@y.example', details: { role: 'ops' } },
  { changedAt: new Date('2026-01-10T23:00:00Z'), changedBy: 'd', action: 'token.create', targetType: 'token', targetId: 't1', targetLabel: 'tok', details: {} },
]);

describe('the audit log filters', () => {
  const q = (params: Partial<Parameters<typeof getAuditEntries>[1]>) =>
    getAuditEntries(t2.db, { limit: 50, timeZone: 'Europe/Amsterdam', ...params }).then((rows) => rows.map((r) => r.by));

  it('newest first, all kinds', async () => {
    expect(await q({})).toEqual(['d', 'b', 'c', 'a']);
  });

  it('by kind', async () => {
    expect(await q({ kinds: ['settings'] })).toEqual(['b', 'a']);
    expect(await q({ kinds: ['user', 'token'] })).toEqual(['d', 'c']);
  });

  it('by calendar days in the time zone, both included', async () => {
    // 2026-01-10 in Amsterdam runs from 2026-01-09 23:00 UTC to 2026-01-10 23:00 UTC.
    expect(await q({ fromDate: '2026-01-10', toDate: '2026-01-10' })).toEqual(['b', 'c']);
    expect(await q({ fromDate: '2026-01-11' })).toEqual(['d']);
    expect(await q({ toDate: '2026-01-09' })).toEqual(['a']);
    expect(await q({ fromDate: '2026-01-10', kinds: ['settings'] })).toEqual(['b']);
  });

  it('the screen’s read applies them in the system time zone', async () => {
    const result = await runAs({ cookie: cookies.admin }, () => getAuditLog({ kind: 'user' }));
    const { entries } = (result.outcome as { value: Awaited<ReturnType<typeof getAuditLog>> }).value;
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['user']));
    expect(entries[0]!.details).toBeTypeOf('object');
  });
});

describe('the access log screen', () => {
  it('lists lookups newest first, filtered by actor, by who looked and by day; removed actors show no id', async () => {
    await db.execute(
      sql`insert into access_log (at, caller_kind, caller_id, caller_label, actor_id, as_of, via) values
        ('2026-03-01T10:00:00Z', 'user', 'u1', 'support@data.example', 1001, '2026-03-01', 'screen'),
        ('2026-03-02T10:00:00Z', 'token', 't1', 'crm sync', 1002, '2026-03-02', 'api'),
        ('2026-03-03T10:00:00Z', 'user', 'u1', 'support@data.example', null, '2026-03-03', 'api')`,
    );
    const read = async (filters: Parameters<typeof getAccessLogScreen>[0]) => {
      const result = await runAs({ cookie: cookies.admin }, () => getAccessLogScreen(filters));
      return (result.outcome as { value: Awaited<ReturnType<typeof getAccessLogScreen>> }).value.entries;
    };
    expect((await read({})).map((e) => e.actorId)).toEqual([null, 1002, 1001]);
    expect((await read({ actorId: 1001 })).map((e) => e.callerLabel)).toEqual(['support@data.example']);
    expect((await read({ caller: 'CRM' })).map((e) => e.via)).toEqual(['api']);
    expect((await read({ caller: '%' })).length).toBe(0);
    expect((await read({ from: '2026-03-02', to: '2026-03-02' })).map((e) => e.actorId)).toEqual([1002]);
  });
});
