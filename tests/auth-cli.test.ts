import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, apiTokens, auditLog, instances, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { findActiveApiToken, hashApiToken } from '@/lib/auth/tokens';
import { runCli } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('auth_cli');
const cli = (args: string[]) => runCli(args, { databaseUrl: t.url });
// The library instances a login or token may be tied to (`--instance`).
await t.db.insert(instances).values([
  { id: 1, name: 'Bibliotheek Rivierenland' },
  { id: 2147483647, name: 'The highest instance id' },
]);

async function counts() {
  const [u] = await t.db.select({ n: sql<number>`count(*)::int` }).from(users);
  const [k] = await t.db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
  const [a] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { users: u!.n, tokens: k!.n, audit: a!.n };
}

describe('retention user add', () => {
  it('creates the login and prints only the one-time password on stdout', async () => {
    const result = await cli(['user', 'add', '--email', 'Manager@Library.Example', '--role', 'manager', '--name', 'Mia Manager']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}\n$/);
    const password = result.stdout.trim();
    expect(result.stderr).toContain('manager@library.example');
    expect(result.stderr).not.toContain(password);

    const [user] = await t.db.select().from(users).where(eq(users.email, 'manager@library.example'));
    expect(user).toMatchObject({ role: 'manager', name: 'Mia Manager', mustChangePassword: true, disabled: false });
    const [account] = await t.db.select().from(accounts).where(eq(accounts.userId, user!.id));
    expect(account!.password).not.toContain(password);
    expect(await verifyPassword(account!.password!, password)).toBe(true);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user!.id));
    expect(audit).toMatchObject({ action: 'user.create', details: { role: 'manager' } });
    expect(audit!.changedBy).toMatch(/^cli/);
  });

  it.each([
    ['a bad email', ['user', 'add', '--email', 'not-an-email', '--role', 'ops'], /email/],
    ['an unknown role', ['user', 'add', '--email', 'x@library.example', '--role', 'root'], /role must be one of manager, ops, support, admin/],
    ['a missing role', ['user', 'add', '--email', 'x@library.example'], /--role/],
    ['a missing email', ['user', 'add', '--role', 'ops'], /--email/],
    ['an unknown option', ['user', 'add', '--email', 'x@library.example', '--role', 'ops', '--admin'], /--admin/],
    ['an unknown subcommand', ['user', 'delete', '--email', 'x@library.example'], /unknown user command/],
    ['no subcommand', ['user'], /usage: retention user add/],
    ['a duplicate email (any case)', ['user', 'add', '--email', 'MANAGER@library.example', '--role', 'admin'], /exists already/],
    ['an unknown instance', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', '2'], /--instance 2: there is no instance 2/],
    ['instance 0', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', '0'], /--instance must be an instance id, .*\(got "0"\)/],
    ['a negative instance', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance=-1'], /--instance must be .*\(got "-1"\)/],
    ['a fractional instance', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', '1.5'], /--instance must be .*\(got "1\.5"\)/],
    ['an instance beyond 2147483647', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', '2147483648'], /--instance must be .*\(got "2147483648"\)/],
    ['an instance that is no number', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', 'north'], /--instance must be .*\(got "north"\)/],
    ['an empty instance', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance', ''], /--instance must be/],
    ['an instance without a value', ['user', 'add', '--email', 'x@library.example', '--role', 'manager', '--instance'], /--instance <value>' argument missing/],
  ])('refuses %s with exit 2 and writes nothing', async (_label, args, message) => {
    const before = await counts();
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

describe('retention user add --instance', () => {
  it('ties the login to the instance, audited; without it the login is not tied', async () => {
    const result = await cli(['user', 'add', '--email', 'tied@library.example', '--role', 'manager', '--instance', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}\n$/);
    expect(result.stderr).toContain('tied to instance 1');
    const [user] = await t.db.select().from(users).where(eq(users.email, 'tied@library.example'));
    expect(user!.instanceId).toBe(1);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user!.id));
    expect(audit).toMatchObject({ action: 'user.create', details: { role: 'manager', instanceId: 1, instanceName: 'Bibliotheek Rivierenland' } });

    const highest = await cli(['user', 'add', '--email', 'highest@library.example', '--role', 'manager', '--instance', '2147483647']);
    expect(highest.code).toBe(0);
    const [tiedHigh] = await t.db.select().from(users).where(eq(users.email, 'highest@library.example'));
    expect(tiedHigh!.instanceId).toBe(2147483647);

    const untied = await cli(['user', 'add', '--email', 'untied@library.example', '--role', 'manager']);
    expect(untied.code).toBe(0);
    expect(untied.stderr).toContain('not tied to an instance');
    const [free] = await t.db.select().from(users).where(eq(users.email, 'untied@library.example'));
    expect(free!.instanceId).toBeNull();
    const [freeAudit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, free!.id));
    expect(freeAudit!.details).toMatchObject({ role: 'manager', instanceId: null });
  });
});

describe('retention token add', () => {
  it('creates a token for the role and prints only the token; only its hash is stored', async () => {
    const result = await cli(['token', 'add', '--role', 'ops', '--name', 'grafana']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rdt_[A-Za-z0-9_-]{43}\n$/);
    const token = result.stdout.trim();
    expect(result.stderr).not.toContain(token);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, 'grafana'));
    expect(row).toMatchObject({ role: 'ops', tokenHash: hashApiToken(token), revokedAt: null });
    const dump = await t.db.execute<{ row: string }>(sql`select row_to_json(x)::text as row from api_tokens x union all select row_to_json(y)::text from audit_log y`);
    expect(dump.rows.map((r) => r.row).join('\n')).not.toContain(token.slice(4));
    expect(await findActiveApiToken(t.db, token)).toMatchObject({ role: 'ops', name: 'grafana' });
  });

  it('makes a token that expires after 90 days, or --expires-days N, and says when on stderr only', async () => {
    const expiresInDays = async (token: string) => {
      const [row] = await t.db
        .select({ days: sql<number>`extract(epoch from (${apiTokens.expiresAt} - now())) / 86400` })
        .from(apiTokens)
        .where(eq(apiTokens.tokenHash, hashApiToken(token)));
      return row!.days;
    };
    const standard = await cli(['token', 'add', '--role', 'manager', '--name', 'ninety']);
    expect(standard.code).toBe(0);
    expect(await expiresInDays(standard.stdout.trim())).toBeCloseTo(90, 1);

    const result = await cli(['token', 'add', '--role', 'ops', '--name', 'short-lived', '--expires-days', '30']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rdt_[A-Za-z0-9_-]{43}\n$/);
    const token = result.stdout.trim();
    expect(await expiresInDays(token)).toBeCloseTo(30, 1);
    const [row] = await t.db.select({ expiresAt: apiTokens.expiresAt }).from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    expect(result.stderr).toContain(`It expires at ${row!.expiresAt.toISOString()}.`);
    const longest = await cli(['token', 'add', '--role', 'ops', '--expires-days', '3650']);
    expect(longest.code).toBe(0);
    expect(await expiresInDays(longest.stdout.trim())).toBeCloseTo(3650, 1);
  });

  it('ties the token to --instance, audited; the caller from the token carries it', async () => {
    const result = await cli(['token', 'add', '--role', 'manager', '--name', 'branch export', '--instance', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^rdt_[A-Za-z0-9_-]{43}\n$/);
    expect(result.stderr).toContain('tied to instance 1');
    const token = result.stdout.trim();
    expect(await findActiveApiToken(t.db, token)).toMatchObject({ role: 'manager', name: 'branch export', instanceId: 1 });
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashApiToken(token)));
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
    expect(audit).toMatchObject({ action: 'token.create', details: { role: 'manager', instanceId: 1, instanceName: 'Bibliotheek Rivierenland' } });

    const untied = await cli(['token', 'add', '--role', 'manager', '--name', 'all branches']);
    expect(untied.code).toBe(0);
    expect(untied.stderr).toContain('not tied to an instance');
    expect(await findActiveApiToken(t.db, untied.stdout.trim())).toMatchObject({ name: 'all branches', instanceId: null });
  });

  it('names the token after its role when no name is given', async () => {
    const result = await cli(['token', 'add', '--role', 'support']);
    expect(result.code).toBe(0);
    expect(await findActiveApiToken(t.db, result.stdout.trim())).toMatchObject({ role: 'support', name: 'support token' });
  });

  it.each([
    ['an unknown role', ['token', 'add', '--role', 'superuser'], /role must be one of/],
    ['a missing role', ['token', 'add', '--name', 'x'], /--role/],
    ['a blank name', ['token', 'add', '--role', 'ops', '--name', '  '], /name must not be blank/],
    ['a stray argument', ['token', 'add', 'extra', '--role', 'ops'], /unexpected argument/],
    ['an expiry of 0 days', ['token', 'add', '--role', 'ops', '--expires-days', '0'], /--expires-days must be a whole number of days from 1 to 3650 \(got "0"\)/],
    ['an expiry of 3651 days', ['token', 'add', '--role', 'ops', '--expires-days', '3651'], /--expires-days .*\(got "3651"\)/],
    ['a fractional expiry', ['token', 'add', '--role', 'ops', '--expires-days', '1.5'], /--expires-days .*\(got "1\.5"\)/],
    ['a negative expiry', ['token', 'add', '--role', 'ops', '--expires-days=-5'], /--expires-days .*\(got "-5"\)/],
    ['an expiry that is no number', ['token', 'add', '--role', 'ops', '--expires-days', 'soon'], /--expires-days .*\(got "soon"\)/],
    ['an empty expiry', ['token', 'add', '--role', 'ops', '--expires-days', ''], /--expires-days must be a whole number/],
    ['an expiry without a value', ['token', 'add', '--role', 'ops', '--expires-days'], /--expires-days <value>' argument missing/],
    ['an unknown instance', ['token', 'add', '--role', 'manager', '--instance', '3'], /--instance 3: there is no instance 3/],
    ['instance 0', ['token', 'add', '--role', 'manager', '--instance', '0'], /--instance must be an instance id, .*\(got "0"\)/],
    ['an instance beyond 2147483647', ['token', 'add', '--role', 'manager', '--instance', '99999999999'], /--instance must be .*\(got "99999999999"\)/],
    ['an instance that is no number', ['token', 'add', '--role', 'manager', '--instance', '1e3'], /--instance must be .*\(got "1e3"\)/],
  ])('refuses %s with exit 2 and writes nothing', async (_label, args, message) => {
    const before = await counts();
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('lists both commands in the help', async () => {
    const result = await cli(['help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('retention user add --email E --role manager|ops|support|admin');
    expect(result.stdout).toContain('retention token add --role R');
    expect(result.stdout).toContain('retention user add --email E --role manager|ops|support|admin [--name N] [--instance I]');
    expect(result.stdout).toContain('retention token add --role R [--name N] [--instance I]');
  });
});
