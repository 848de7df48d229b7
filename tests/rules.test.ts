import { describe, expect, it } from 'vitest';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { runCleanup } from '@/lib/cleanup/run';
import { buildActorReport } from '@/lib/retention/report';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import type { FoundActorReport } from '@/lib/retention/types';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { loadScenario } from '@/lib/scenario/load';
import type { Scenario } from '@/lib/scenario/schema';
import { abon, scenarioOf, typical } from './helpers/build';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('rules');

function reportOf(scenario: Scenario, asOf: string, index = 0): FoundActorReport {
  return buildActorReport(scenarioActorToData(scenario.actors[index]!), { ...DISABLED_SETTINGS, ...scenario.settings }, asOf);
}

async function load(scenario: Scenario) {
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'rules test' });
}

describe('a condition that ends the day its record is deleted', () => {
  // Membership ended 2022-06-30; historyMonths 6 deletes the role on 2022-12-30, long before the
  // fixed 24 months of RECENT_MEMBERSHIP_END. inactiveActorMonths 6 makes the actor due the same day.
  const scenario = scenarioOf({ ...DISABLED_SETTINGS, inactiveActorMonths: 6, historyMonths: 6 }, [
    { actorId: 1, roles: [abon('2022-06-30')] },
  ]);

  it('gives the deletion day as until and as removal date, not yet due', () => {
    const r = reportOf(scenario, '2022-12-29');
    expect(r.removal.reasons).toContainEqual({ code: 'RECENT_MEMBERSHIP_END', until: '2022-12-30' });
    expect(r.removal.date).toBe('2022-12-30');
    const onTheDay = reportOf(scenario, '2022-12-30');
    expect(onTheDay.removal.due).toBe(false);
    expect(onTheDay.removal.date).toBe('2022-12-30');
    expect(onTheDay.removal.reasons).toEqual([{ code: 'RECENT_MEMBERSHIP_END', until: '2022-12-30' }]);
    expect(onTheDay.categories.memberships).toMatchObject({ records: 1, due: 1, nextDate: null, lastDate: '2022-12-30' });
  });

  it('is removed by the same run that deletes the record', async () => {
    await load(scenario);
    const run = await runCleanup(t.db, { asOf: '2022-12-30', trigger: 'test' });
    expect(run.actorsRemoved).toBe(1);
    expect(run.records.memberships).toEqual({ deleted: 1, anonymized: 0 });
    expect(await getActorReport(t.db, 1, '2022-12-30')).toEqual({ actorId: 1, asOf: '2022-12-30', found: false });
  });
});

describe('loan history switched off', () => {
  const scenario = scenarioOf({ ...typical, historyMonths: 2, optOutLoanDays: 90 }, [
    {
      actorId: 1,
      loanHistoryOptIn: false,
      roles: [abon(null, { status: 1 })],
      loans: [
        { instanceId: 1, itemId: 'A', loanedOn: '2024-01-01', returnedOn: '2024-01-10' },
        { instanceId: 1, itemId: 'B', loanedOn: '2024-01-01', returnedOn: null },
      ],
    },
  ]);
  it('anonymizes at the earlier of return + optOutLoanDays and the loan_history age rule', () => {
    // 2024-01-10 + 2 months = 2024-03-10, earlier than + 90 days (2024-04-09).
    expect(reportOf(scenario, '2024-02-01').categories.loan_history).toMatchObject({ records: 2, due: 0, nextDate: '2024-03-10', lastDate: null });
  });
  it('keeps only statistical fields: no actor, four postal digits', async () => {
    await load(
      scenarioOf(typical, [
        {
          actorId: 7,
          loanHistoryOptIn: false,
          personal: { name: 'Marker Zeven', postalCode: '4001 AB', district: 'Centrum' },
          roles: [abon(null, { status: 1 })],
          loans: [{ instanceId: 1, itemId: 'X-1', loanedOn: '2024-01-01', returnedOn: '2024-01-10' }],
        },
      ]),
    );
    await runCleanup(t.db, { asOf: '2024-04-09', trigger: 'test' });
    const rows = await t.db.$client.query('select actor_id, item_id, instance_id, district, postal_code4, membership_type, anonymized_on from loans');
    expect(rows.rows).toEqual([
      { actor_id: null, item_id: 'X-1', instance_id: 1, district: 'Centrum', postal_code4: '4001', membership_type: 'ABON', anonymized_on: '2024-04-09' },
    ]);
  });
});

describe('settings of 0', () => {
  const scenario = scenarioOf(DISABLED_SETTINGS, [
    { actorId: 1, roles: [abon('2016-01-01')], financial: [{ kind: 'fine', bookedOn: '2015-05-01', amountCents: 100, settled: true }] },
  ]);
  it('switch every rule off: CLEANUP_DISABLED, nothing due, no dates', () => {
    const r = reportOf(scenario, '2030-01-01');
    expect(r.removal).toEqual({ due: false, date: null, reasons: [{ code: 'CLEANUP_DISABLED', until: null }], requestedOn: null });
    expect(r.categories.financial_transactions).toMatchObject({ records: 1, due: 0, nextDate: null, lastDate: null });
  });
  it('financialMonths 0 never gives RECENT_FINANCIAL_ARCHIVE', () => {
    const s = scenarioOf({ ...typical, financialMonths: 0 }, [
      { actorId: 1, roles: [abon('2016-01-01')], financial: [{ kind: 'fine', bookedOn: '2029-05-01', amountCents: 100, settled: true }] },
    ]);
    expect(reportOf(s, '2030-01-01').removal).toEqual({ due: true, date: '2030-01-01', reasons: [], requestedOn: null });
  });
  it('inactiveActorMonths 0 lists the conditions that hold but not NOT_INACTIVE_LONG_ENOUGH', () => {
    const s = scenarioOf({ ...typical, inactiveActorMonths: 0 }, [
      { actorId: 1, roles: [abon(null, { status: 1 })], blocks: [{ type: 'ALG' }] },
    ]);
    const codes = reportOf(s, '2030-01-01').removal.reasons.map((x) => x.code).sort();
    expect(codes).toEqual(['ACTIVE_MEMBERSHIP', 'CLEANUP_DISABLED', 'GENERAL_OR_BAILIFF_BLOCK', 'RUNNING_MEMBERSHIP_STATUS']);
  });
});

describe('an actor who never had a membership', () => {
  const scenario = scenarioOf(typical, [{ actorId: 1, registeredOn: '2020-02-29', credentials: [{ username: 'x', sipPort: false }] }]);
  it('counts from the registration date and has no cancellation date', () => {
    const r = reportOf(scenario, '2021-01-01');
    expect(r.cancellationDate).toBeNull();
    expect(r.active).toBe(false);
    expect(r.removal.reasons).toEqual([{ code: 'NOT_INACTIVE_LONG_ENOUGH', until: '2022-02-28' }]);
    expect(r.categories.credentials).toMatchObject({ records: 1, due: 0, nextDate: '2022-02-28', lastDate: '2022-02-28' });
  });
});

describe('active actors', () => {
  it('get no cancellation-rule dates but keep their age-rule dates', () => {
    const s = scenarioOf(typical, [
      {
        actorId: 1,
        roles: [abon('2030-01-01')],
        records: { holds: [{ date: '2023-05-05', open: false }], titles_previously_borrowed: [{ date: '2020-01-01' }] },
      },
    ]);
    const r = reportOf(s, '2024-01-01');
    expect(r.active).toBe(true);
    expect(r.cancellationDate).toBeNull();
    expect(r.removal.reasons).toContainEqual({ code: 'ACTIVE_MEMBERSHIP', until: null });
    expect(r.categories.holds.nextDate).toBe('2025-05-05');
    expect(r.categories.titles_previously_borrowed).toMatchObject({ records: 1, nextDate: null, lastDate: null });
  });
});

describe('removal due', () => {
  it('makes every record due, open ones included, and the run removes the actor completely', async () => {
    const s = scenarioOf(typical, [
      {
        actorId: 1,
        personal: { name: 'Marker Een' },
        roles: [abon('2020-01-01')],
        records: { holds: [{ date: '2019-06-01', open: true }], relationships: [{ date: '2019-01-01', relatedActorId: 2 }] },
      },
      {
        actorId: 2,
        roles: [abon(null, { status: 1 })],
        records: { relationships: [{ date: '2019-01-01', relatedActorId: 1 }] },
      },
    ]);
    const r = reportOf(s, '2024-01-01');
    expect(r.removal).toEqual({ due: true, date: '2024-01-01', reasons: [], requestedOn: null });
    expect(r.categories.holds).toMatchObject({ records: 1, due: 1, lastDate: '2024-01-01' });
    await load(s);
    await t.db.$client.query(`insert into access_log (caller_kind, caller_id, caller_label, actor_id, via) values ('user', 'u1', 'support@x', 1, 'api'), ('user', 'u1', 'support@x', 2, 'api')`);
    const run = await runCleanup(t.db, { asOf: '2024-01-01', trigger: 'test' });
    expect(run.actorsRemoved).toBe(1);
    const left = await t.db.$client.query(`select
      (select count(*) from actors where id = 1)::int as actor,
      (select count(*) from relationships where related_actor_id = 1)::int as links,
      (select count(*) from relationships where actor_id = 2)::int as other_records,
      (select count(*) from access_log where actor_id = 1)::int as access,
      (select count(*) from access_log where actor_id is null)::int as access_unlinked`);
    expect(left.rows[0]).toEqual({ actor: 0, links: 0, other_records: 1, access: 0, access_unlinked: 1 });
  });
});

describe('system option NOAFVLN', () => {
  it('changes nothing the cleanup does', async () => {
    const actors = [
      { actorId: 1, roles: [abon('2018-01-01')], records: { marketing: [{ date: '2019-01-01' }] } },
      { actorId: 2, roles: [abon(null, { status: 1 })], records: { ksm: [{ date: '2019-01-01' }] } },
    ];
    await load(scenarioOf(typical, actors));
    const without = await runCleanup(t.db, { asOf: '2024-01-01', trigger: 'test' });
    await load(scenarioOf(typical, actors, { systemOptions: ['NOAFVLN'] }));
    const withOption = await runCleanup(t.db, { asOf: '2024-01-01', trigger: 'test' });
    expect(withOption.records).toEqual(without.records);
    expect(withOption.actorsRemoved).toBe(without.actorsRemoved);
  });
});

describe('month ends and leap days in the database', () => {
  it('deletes a 2020-02-29 record on 2021-02-28 with 12 months, not a day earlier', async () => {
    const s = scenarioOf({ ...DISABLED_SETTINGS, historyMonths: 12 }, [
      { actorId: 1, roles: [abon(null, { status: 1 })], records: { marketing: [{ date: '2020-02-29' }, { date: '2020-03-01' }] } },
    ]);
    await load(s);
    expect((await runCleanup(t.db, { asOf: '2021-02-27', trigger: 'test' })).recordsProcessed).toBe(0);
    const run = await runCleanup(t.db, { asOf: '2021-02-28', trigger: 'test' });
    expect(run.records.marketing).toEqual({ deleted: 1, anonymized: 0 });
    expect(reportOf(s, '2021-02-28').categories.marketing).toMatchObject({ due: 1, nextDate: '2021-03-01' });
  });
});

describe('the access log', () => {
  it('keeps 24 months: a real run deletes older entries, a dry run does not', async () => {
    await load(scenarioOf(typical, [{ actorId: 1, roles: [abon(null, { status: 1 })] }]));
    // load keeps the access log; start this test from an empty one.
    await t.db.$client.query('delete from access_log');
    await t.db.$client.query(`insert into access_log (at, caller_kind, caller_id, caller_label, actor_id, via) values
      ('2022-01-09T12:00:00Z', 'user', 'u1', 'support@x', 1, 'api'),
      ('2022-01-11T12:00:00Z', 'user', 'u1', 'support@x', 1, 'api')`);
    await runCleanup(t.db, { asOf: '2024-01-10', trigger: 'test', dryRun: true });
    expect((await t.db.$client.query('select count(*)::int as n from access_log')).rows[0].n).toBe(2);
    await runCleanup(t.db, { asOf: '2024-01-10', trigger: 'test' });
    const left = await t.db.$client.query(`select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day from access_log`);
    expect(left.rows).toEqual([{ day: '2022-01-11' }]);
  });
});
