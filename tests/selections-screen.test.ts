/*
 * The Selections screen against a real database: its download route (/selections/export: the CSV
 * for manager and admin, refused for ops, support and nobody, for a tied login asking another
 * instance and for a cross-site request; bad parameters 400 in plain text naming the parameter;
 * each export access-logged with the channel `screen`), the screen's data (bad criteria named on
 * their field, a tied login limited to its instance, the untied default), and the export entries
 * on the access-log screen.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET } from '@/app/(dashboard)/selections/export/route';
import { users } from '@/db/schema';
import type { Caller } from '@/lib/auth/caller';
import { ForbiddenError } from '@/lib/auth/errors';
import type { UserRole } from '@/lib/auth/permissions';
import { createUser } from '@/lib/auth/users';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { getAccessLogScreen } from '@/server/data/access-log';
import { loadSelectionScreen } from '@/server/data/selections-screen';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase, runAs, signInCookie } from './helpers/next-request';

const t = await setupTestDatabase('selections_screen');
const db = t.db;
pointServerAtDatabase(t.url);
const BY = { label: 'selections screen test', userId: null };
const AS_OF = '2026-11-01';

await loadScenario(
  db,
  parseScenarioText(
    JSON.stringify({
      settings: TYPICAL_SETTINGS,
      instances: [
        { id: 1, name: 'Bibliotheek Rivierenland' },
        { id: 2, name: 'Bibliotheek Betuwe' },
      ],
      actors: [
        // 5001: active here, with a loan in October and personal details.
        {
          actorId: 5001,
          registeredOn: '2015-01-01',
          personal: { name: 'Anna Bakker', email: 'anna@example.org', city: 'Tiel' },
          roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2015-01-01', endDate: null }],
          loans: [{ instanceId: 1, itemId: 'B-1', loanedOn: '2026-10-02', returnedOn: '2026-10-20' }],
        },
        // 5002: expired here, running at instance 2: active elsewhere (the source system's "active").
        {
          actorId: 5002,
          registeredOn: '2016-01-01',
          personal: { name: '=HYPERLINK("x")', email: 'bert@example.org' },
          roles: [
            { instanceId: 1, type: 'ABON', status: 9, startDate: '2016-01-01', endDate: '2026-06-30' },
            { instanceId: 2, type: 'ABON', status: 9, startDate: '2016-01-01', endDate: null },
          ],
        },
        // 5003: expired here and nowhere else: inactive.
        { actorId: 5003, registeredOn: '2017-01-01', roles: [{ instanceId: 1, type: 'ABON', status: 9, startDate: '2017-01-01', endDate: '2026-08-31' }] },
        // 5004: a customer of instance 2 only.
        { actorId: 5004, registeredOn: '2018-01-01', personal: { name: 'Cor' }, roles: [{ instanceId: 2, type: 'ABON', status: 9, startDate: '2018-01-01', endDate: null }] },
      ],
    }),
  ),
  { replace: true, by: 'test', reason: 'selections screen test' },
);

async function cookieOf(role: UserRole, instanceId: number | null = null): Promise<string> {
  const created = await createUser(db, { email: `${role}${instanceId ?? ''}-sel@library.example`, role, by: BY });
  await db.update(users).set({ mustChangePassword: false, instanceId }).where(eq(users.id, created.userId));
  return signInCookie(created.email, created.oneTimePassword);
}

const cookies = {
  manager: await cookieOf('manager'),
  ops: await cookieOf('ops'),
  support: await cookieOf('support'),
  admin: await cookieOf('admin'),
  tiedManager: await cookieOf('manager', 1),
};

function download(query: string, who: { cookie?: string; site?: string }): Promise<Response> {
  const headers = new Headers({ 'sec-fetch-site': who.site ?? 'same-origin' });
  if (who.cookie) headers.set('cookie', who.cookie);
  return GET(new Request(`http://localhost:3000/selections/export?${query}`, { headers }));
}

const accessLogCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from access_log`)).rows[0]!.n;
type Entry = { actor_id: number | null; via: string; caller_label: string; as_of: string; export_details: { set: string; instanceId: number; columns: string[]; rows: number | null; complete: boolean | null; criteria: Record<string, unknown> } };
const lastEntry = async () => (await db.execute<Entry>(sql`select actor_id, via, caller_label, as_of::text, export_details from access_log order by id desc limit 1`)).rows[0]!;

/** The last entry once the export's end is recorded (the row count is written when the stream ends). */
async function settledEntry(): Promise<Entry> {
  for (let i = 0; i < 50; i++) {
    const entry = await lastEntry();
    if (entry.export_details.rows !== null) return entry;
    await new Promise((r) => setTimeout(r, 20));
  }
  return lastEntry();
}

describe('the download route /selections/export', () => {
  it('gives a manager the customers CSV with the two personal columns ticked, access-logged via screen', async () => {
    const before = await accessLogCount();
    const response = await download(`set=customers&instanceId=1&membership=member&asOf=${AS_OF}&columns=name&columns=email`, { cookie: cookies.manager });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="customers_instance-1_${AS_OF}.csv"`);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('actor_id,membership,loan_history_opt_in,registered_on,loans,name,email');
    expect(lines.slice(1)).toEqual([
      '5001,active_here,true,2015-01-01,,Anna Bakker,anna@example.org',
      `5002,active_elsewhere,true,2016-01-01,,"'=HYPERLINK(""x"")",bert@example.org`,
      '5003,inactive,true,2017-01-01,,,',
    ]);
    expect(await accessLogCount()).toBe(before + 1);
    const entry = await settledEntry();
    expect(entry).toMatchObject({ actor_id: null, via: 'screen', caller_label: 'manager-sel@library.example', as_of: AS_OF });
    expect(entry.export_details).toEqual({
      set: 'customers',
      instanceId: 1,
      criteria: { membership: 'member', loanHistoryOptIn: null, borrowedFrom: null, borrowedTo: null },
      columns: ['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans', 'name', 'email'],
      rows: 3,
      complete: true,
    });
  });

  it('gives an admin the items CSV of a period (the customer criteria do not apply), no personal column unless ticked', async () => {
    const response = await download(`set=items&instanceId=1&membership=inactive&borrowedFrom=2026-10-01&borrowedTo=2026-10-31&asOf=${AS_OF}`, { cookie: cookies.admin });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('item_id,loans,anonymized_loans,last_borrower\nB-1,1,0,5001\n');
    expect((await settledEntry()).export_details).toMatchObject({ set: 'items', rows: 1, criteria: { borrowedFrom: '2026-10-01', borrowedTo: '2026-10-31' } });
  });

  it('refuses ops and support (403) and nobody (401) before anything is logged', async () => {
    const before = await accessLogCount();
    for (const role of ['ops', 'support'] as const) {
      const response = await download(`set=customers&instanceId=1&columns=name`, { cookie: cookies[role] });
      expect(response.status, role).toBe(403);
      expect(await response.text()).not.toContain('5001');
    }
    expect((await download('set=customers&instanceId=1', {})).status).toBe(401);
    // The role is checked before the parameters: a refused caller learns nothing from them.
    expect((await download('set=nonsense', { cookie: cookies.ops })).status).toBe(403);
    expect(await accessLogCount()).toBe(before);
  });

  it('limits a tied login to its instance: another is refused, none means its own', async () => {
    const before = await accessLogCount();
    const refused = await download(`set=customers&instanceId=2&asOf=${AS_OF}`, { cookie: cookies.tiedManager });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('5004');
    expect(await accessLogCount()).toBe(before);
    const own = await download(`set=customers&asOf=${AS_OF}&columns=name`, { cookie: cookies.tiedManager });
    expect(own.status).toBe(200);
    expect((await own.text()).split('\n').filter(Boolean)).toHaveLength(4);
    expect((await settledEntry()).export_details).toMatchObject({ instanceId: 1, rows: 3 });
  });

  it('refuses a cross-site request, even with a manager’s session, and logs nothing', async () => {
    const before = await accessLogCount();
    const response = await download(`set=customers&instanceId=1&columns=name`, { cookie: cookies.manager, site: 'cross-site' });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('Anna');
    // A download the user starts from this dashboard (same-origin) or types in (none) is fine.
    expect((await download(`set=customers&instanceId=1`, { cookie: cookies.manager, site: 'none' })).status).toBe(200);
    expect(await accessLogCount()).toBe(before + 1);
  });

  it('answers bad parameters 400 in plain text naming the parameter, and logs nothing', async () => {
    const before = await accessLogCount();
    const cases: [string, string][] = [
      ['set=customers&instanceId=1&columns=name&columns=password', 'columns'],
      ['set=customers&instanceId=1&columns=name&columns=name', 'columns'],
      ['set=items&instanceId=1', 'borrowedFrom'],
      ['set=customers&instanceId=1&membership=everyone', 'membership'],
      ['set=customers&instanceId=1&borrowedFrom=2026-10-01', 'borrowedTo'],
      ['set=customers&instanceId=1&asOf=2026-02-30', 'asOf'],
      ['set=customers&instanceId=99', 'instanceId'],
      ['set=customers', 'instanceId'],
      ['set=customers&instanceId=1&instanceId=2', 'instanceId'],
      ['set=customers&instanceId=1&sort=name', 'sort'],
      ['set=everything&instanceId=1', 'set'],
    ];
    for (const [query, parameter] of cases) {
      const response = await download(query, { cookie: cookies.manager });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type'), query).toBe('text/plain; charset=utf-8');
      expect(await response.text(), query).toMatch(new RegExp(`^${parameter}: `));
    }
    expect(await accessLogCount()).toBe(before);
  });
});

const caller = (role: UserRole, instanceId: number | null = null): Caller => ({ kind: 'token', tokenId: '00000000-0000-0000-0000-000000000000', name: `${role} caller`, role, instanceId });

describe('the screen’s data', () => {
  it('an untied caller chooses from every instance, the first by default; the counts and the source system’s active', async () => {
    const screen = await loadSelectionScreen(caller('manager'), { asOf: AS_OF }, AS_OF);
    expect(screen.instances.map((i) => i.name)).toEqual(['Bibliotheek Rivierenland', 'Bibliotheek Betuwe']);
    expect(screen.tiedTo).toBeNull();
    expect(screen.values).toMatchObject({ instanceId: '1', asOf: AS_OF });
    expect(screen.errors).toEqual({});
    expect(screen.result?.instance.name).toBe('Bibliotheek Rivierenland');
    expect(screen.result?.selection).toMatchObject({ actors: 3, byMembership: { active_here: 1, active_elsewhere: 1, inactive: 1 }, loans: null });
    expect(screen.result?.months).toBeNull();
    const wise = await loadSelectionScreen(caller('admin'), { instanceId: '1', membership: 'wise_active', asOf: AS_OF }, AS_OF);
    expect(wise.result?.selection.actors).toBe(2);
  });

  it('with a period: the loan coverage, the loans per month and the anonymization settings', async () => {
    const screen = await loadSelectionScreen(caller('manager'), { instanceId: '1', borrowedFrom: '2026-09-01', borrowedTo: '2026-10-31', asOf: AS_OF }, AS_OF);
    expect(screen.result?.selection.loans).toEqual({ from: '2026-09-01', to: '2026-10-31', total: 1, linked: 1, anonymized: 0 });
    expect(screen.result?.months?.map((m) => [m.month, m.linked, m.anonymized])).toContainEqual(['2026-10', 1, 0]);
    expect(screen.result?.settings).toEqual({ optOutLoanDays: TYPICAL_SETTINGS.optOutLoanDays, historyMonths: TYPICAL_SETTINGS.historyMonths });
  });

  it('names a bad criterion on its field instead of failing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ borrowedFrom: '2026-10-01', borrowedTo: '2026-09-01' }, 'borrowedTo'],
      [{ borrowedFrom: '2026-10-01' }, 'borrowedTo'],
      [{ borrowedTo: '2026-10-01' }, 'borrowedFrom'],
      [{ asOf: '2026-13-01' }, 'asOf'],
      [{ membership: 'everyone' }, 'membership'],
      [{ loanHistoryOptIn: 'maybe' }, 'loanHistoryOptIn'],
      [{ instanceId: '99' }, 'instanceId'],
      [{ instanceId: 'abc' }, 'instanceId'],
    ];
    for (const [asked, field] of cases) {
      const screen = await loadSelectionScreen(caller('manager'), asked, AS_OF);
      expect(screen.result, JSON.stringify(asked)).toBeNull();
      expect(Object.keys(screen.errors), JSON.stringify(asked)).toEqual([field]);
      expect(screen.errors[field as keyof typeof screen.errors]![0]).toMatch(new RegExp(`^${field}: `));
    }
  });

  it('a tied caller sees only its instance, named; another instance is refused on the field', async () => {
    const own = await loadSelectionScreen(caller('manager', 2), { asOf: AS_OF }, AS_OF);
    expect(own.tiedTo).toEqual({ id: 2, name: 'Bibliotheek Betuwe' });
    expect(own.instances).toEqual([{ id: 2, name: 'Bibliotheek Betuwe' }]);
    expect(own.result?.selection).toMatchObject({ instanceId: 2, actors: 2 });
    const other = await loadSelectionScreen(caller('manager', 2), { instanceId: '1', asOf: AS_OF }, AS_OF);
    expect(other.result).toBeNull();
    expect(other.errors.instanceId?.[0]).toContain('tied to instance 2');
  });

  it('is refused to ops and support', async () => {
    for (const role of ['ops', 'support'] as const) await expect(loadSelectionScreen(caller(role), {}, AS_OF)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('export entries on the access-log screen', () => {
  it('shows the set, the instance by name, the criteria, the columns and the rows, with no actor', async () => {
    await (await download(`set=customers&instanceId=1&membership=wise_active&loanHistoryOptIn=true&asOf=${AS_OF}&columns=email`, { cookie: cookies.manager })).text();
    await settledEntry();
    const result = await runAs({ cookie: cookies.admin }, () => getAccessLogScreen({}));
    const entries = (result.outcome as { value: Awaited<ReturnType<typeof getAccessLogScreen>> }).value.entries;
    expect(entries[0]).toMatchObject({
      actorId: null,
      via: 'screen',
      callerLabel: 'manager-sel@library.example',
      export: {
        set: 'customers',
        instanceId: 1,
        instanceName: 'Bibliotheek Rivierenland',
        criteria: { membership: 'wise_active', loanHistoryOptIn: true, borrowedFrom: null, borrowedTo: null },
        columns: ['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans', 'email'],
        rows: 2,
        complete: true,
      },
    });
    // Lookups keep no export details.
    await db.execute(sql`insert into access_log (caller_kind, caller_id, caller_label, actor_id, as_of, via) values ('user', 'u1', 'support@x', 5001, ${AS_OF}, 'screen')`);
    const again = await runAs({ cookie: cookies.admin }, () => getAccessLogScreen({ actorId: 5001 }));
    expect((again.outcome as { value: Awaited<ReturnType<typeof getAccessLogScreen>> }).value.entries).toEqual([expect.objectContaining({ actorId: 5001, export: null })]);
  });
});
