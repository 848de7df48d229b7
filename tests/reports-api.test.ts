/*
 * GET /api/v1/reports/deleted-per-day as each kind of caller, against a real database: the role
 * table (manager, ops, admin; support 403; nobody 401), the shape and order of the rows, the CSV,
 * the default range (today in RETENTION_TIME_ZONE), every bad parameter answered 400 naming it,
 * and the same numbers as the command line (one query for both).
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET } from '@/app/api/v1/reports/deleted-per-day/route';
import { cleanupDailyCounts, users } from '@/db/schema';
import type { UserRole } from '@/lib/auth/permissions';
import { createApiToken } from '@/lib/auth/tokens';
import { createUser } from '@/lib/auth/users';
import { addDays, todayIn } from '@/lib/retention/dates';
import { runCli } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase, signInCookie } from './helpers/next-request';

const t = await setupTestDatabase('reports_api');
const db = t.db;
pointServerAtDatabase(t.url);

const BY = { label: 'reports test', userId: null };
const run = crypto.randomBytes(3).toString('hex');

async function cookieOf(role: UserRole): Promise<string> {
  const created = await createUser(db, { email: `${role}-${run}@library.example`, role, by: BY });
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  return signInCookie(created.email, created.oneTimePassword);
}

const cookies = {
  manager: await cookieOf('manager'),
  ops: await cookieOf('ops'),
  support: await cookieOf('support'),
  admin: await cookieOf('admin'),
};
const tokens = {
  manager: (await createApiToken(db, { role: 'manager', name: 'report bot', by: BY })).token,
  support: (await createApiToken(db, { role: 'support', name: 'support bot', by: BY })).token,
};

const today = todayIn('Europe/Amsterdam');
// Stored in no particular order; the API sorts by date then category.
await db.insert(cleanupDailyCounts).values([
  { day: '2024-11-15', category: 'loan_history', deleted: 0, anonymized: 6 },
  { day: '2024-11-15', category: 'actors', deleted: 1, anonymized: 0 },
  { day: '2024-11-15', category: 'financial_transactions', deleted: 3, anonymized: 0 },
  { day: '2024-11-01', category: 'holds', deleted: 2, anonymized: 0 },
  { day: '2024-11-01', category: 'memberships', deleted: 0, anonymized: 0 }, // nothing: left out
  { day: '2024-12-01', category: 'holds', deleted: 9, anonymized: 0 },
  { day: today, category: 'holds', deleted: 4, anonymized: 0 },
  { day: addDays(today, -29), category: 'ksm', deleted: 1, anonymized: 0 },
  { day: addDays(today, -30), category: 'ksm', deleted: 100, anonymized: 0 },
]);

type Who = { cookie?: string; bearer?: string };

function get(query: string, who: Who): Promise<Response> {
  const headers = new Headers();
  if (who.cookie) headers.set('cookie', who.cookie);
  if (who.bearer) headers.set('authorization', `Bearer ${who.bearer}`);
  return GET(new Request(`http://localhost:3000/api/v1/reports/deleted-per-day${query}`, { headers }), {});
}

const NOVEMBER = [
  { date: '2024-11-01', category: 'holds', deleted: 2, anonymized: 0 },
  { date: '2024-11-15', category: 'actors', deleted: 1, anonymized: 0 },
  { date: '2024-11-15', category: 'financial_transactions', deleted: 3, anonymized: 0 },
  { date: '2024-11-15', category: 'loan_history', deleted: 0, anonymized: 6 },
];

describe('who may read it', () => {
  it.each(['manager', 'ops', 'admin'] as const)('%s (session) gets the rows', async (role) => {
    const response = await get('?from=2024-11-01&to=2024-11-30', { cookie: cookies[role] });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual(NOVEMBER);
  });

  it('a manager token gets the rows; support (session or token) 403; nobody or a forged token 401', async () => {
    expect((await get('?from=2024-11-01&to=2024-11-30', { bearer: tokens.manager })).status).toBe(200);
    expect((await get('', { cookie: cookies.support })).status).toBe(403);
    expect((await get('', { bearer: tokens.support })).status).toBe(403);
    expect((await get('', {})).status).toBe(401);
    expect((await get('', { bearer: 'rdt_forgedforgedforgedforgedforgedforgedforge' })).status).toBe(401);
    // The role is checked before the parameters: a refused caller learns nothing from them.
    expect((await get('?from=nonsense', {})).status).toBe(401);
    expect((await get('?from=nonsense', { cookie: cookies.support })).status).toBe(403);
  });
});

describe('what it answers', () => {
  it('defaults to the last 30 days up to today in the system time zone', async () => {
    const rows = (await (await get('', { cookie: cookies.manager })).json()) as { date: string }[];
    expect(rows).toEqual([
      { date: addDays(today, -29), category: 'ksm', deleted: 1, anonymized: 0 },
      { date: today, category: 'holds', deleted: 4, anonymized: 0 },
    ]);
    const onlyTo = (await (await get('?to=2024-12-01', { cookie: cookies.manager })).json()) as { date: string }[];
    expect(onlyTo.map((r) => r.date)).toEqual(['2024-11-15', '2024-11-15', '2024-11-15', '2024-12-01']);
  });

  it('gives CSV with its header line, the same rows, as a download', async () => {
    const response = await get('?from=2024-11-01&to=2024-11-30&format=csv', { cookie: cookies.ops });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="deleted-per-day_2024-11-01_2024-11-30.csv"');
    expect(await response.text()).toBe(
      ['date,category,deleted,anonymized', '2024-11-01,holds,2,0', '2024-11-15,actors,1,0', '2024-11-15,financial_transactions,3,0', '2024-11-15,loan_history,0,6', ''].join('\n'),
    );
    const empty = await get('?from=2020-01-01&to=2020-01-31&format=csv', { cookie: cookies.ops });
    expect(await empty.text()).toBe('date,category,deleted,anonymized\n');
    expect(await (await get('?from=2020-01-01&to=2020-01-31&format=json', { cookie: cookies.ops })).json()).toEqual([]);
  });

  it('gives the numbers of the command line', async () => {
    const cli = await runCli(['report', 'deleted-per-day', '--from', '2024-11-01', '--to', '2024-12-31'], { databaseUrl: t.url });
    expect(cli.code).toBe(0);
    const api = await (await get('?from=2024-11-01&to=2024-12-31', { cookie: cookies.admin })).json();
    expect(api).toEqual(JSON.parse(cli.stdout));
    const cliCsv = await runCli(['report', 'deleted-per-day', '--from', '2024-11-01', '--to', '2024-12-31', '--format', 'csv'], { databaseUrl: t.url });
    expect(await (await get('?from=2024-11-01&to=2024-12-31&format=csv', { cookie: cookies.admin })).text()).toBe(cliCsv.stdout);
  });
});

describe('bad parameters', () => {
  it.each([
    ['?from=2025-02-30', 'from'],
    ['?from=2025-13-01', 'from'],
    ['?from=tomorrow', 'from'],
    ['?from=', 'from'],
    ['?from=2024-1-01', 'from'],
    ['?to=2023-02-29', 'to'],
    ['?to=2024-11-01T00:00', 'to'],
    ['?from=2024-12-01&to=2024-11-01', 'from'],
    ['?format=xml', 'format'],
    ['?format=CSV', 'format'],
    ['?format=', 'format'],
    ['?limit=5', 'limit'],
    ['?from=2024-11-01&from=2024-11-02', 'from'],
    // Years outside 1900 to 2200 and NUL characters never reach PostgreSQL.
    ['?from=2201-01-01', 'from'],
    ['?from=1899-12-31&to=2024-11-01', 'from'],
    ['?from=0001-01-01', 'from'],
    ['?to=9999-12-31', 'to'],
    ['?format=json%00', 'format'],
  ])('%s is 400 naming %s', async (query, parameter) => {
    const response = await get(query, { cookie: cookies.manager });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; parameter: string; message: string } };
    expect(body.error).toMatchObject({ code: 'BAD_PARAMETER', parameter });
    expect(body.error.message.startsWith(`${parameter}: `)).toBe(true);
  });

  it('takes the first and the last day of the years it accepts, 1900-01-01 and 2200-12-31', async () => {
    const response = await get('?from=1900-01-01&to=2200-12-31', { cookie: cookies.manager });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('takes a year of 366 days, and a longer range (only days with counts are listed)', async () => {
    expect((await get('?from=2024-01-01&to=2024-12-31', { cookie: cookies.manager })).status).toBe(200);
    const all = await get('?from=2015-01-01&to=2026-12-31', { cookie: cookies.manager });
    expect(all.status).toBe(200);
    const rows = (await all.json()) as { date: string }[];
    expect(rows.length).toBeGreaterThan(0);
  });
});
