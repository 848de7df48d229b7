/*
 * The retention schedule (lib/cleanup/schedule.ts) against the rows themselves: after a load, after
 * runs, after writes the library system makes straight into its tables with plain SQL between two
 * runs (a fine booked, a copy returned, a role reactivated, a record dated back, the loan-history
 * opt-in switched off, an actor added, a financial item and a whole actor deleted), and after a
 * settings change: what the schedule says is due equals what walking the library with the run's
 * own SQL counts, the next run does exactly that, the totals are the sum of the plans, and a run
 * with nothing due reads nothing but the schedule.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSettings } from '@/db/queries/settings';
import { getActorReport } from '@/lib/actors/get-actor-report';
import { countDue } from '@/lib/cleanup/count-due';
import { runCleanup, type RunSummary } from '@/lib/cleanup/run';
import { readScheduleState } from '@/lib/cleanup/schedule';
import { sumSchedule } from '@/lib/cleanup/schedule-sums';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { computeForecast, walkForecast } from '@/lib/forecast/forecast';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { addDays } from '@/lib/retention/dates';
import { TYPICAL_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText, type Scenario } from '@/lib/scenario/schema';
import { SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { normalizedForecast } from './helpers/forecast';
import { expectScheduleConsistent, expectScheduleDueEqualsWalk } from './helpers/schedule';

const t = await setupTestDatabase('schedule');
/** The library system: its own connection, plain SQL. */
let library: pg.Client;
beforeAll(async () => {
  library = new pg.Client({ connectionString: t.url });
  library.on('error', () => undefined);
  await library.connect();
  return () => library.end();
});

const load = (scenario: Scenario) => loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'schedule test' });
const read = (file: string) => parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));

/** What a run did, per category (deleted + anonymized), and the actors it removed. */
function done(s: RunSummary) {
  const records = Object.fromEntries(CATEGORY_IDS.map((id) => [id, (s.records[id]?.deleted ?? 0) + (s.records[id]?.anonymized ?? 0)]));
  return { actors: s.actorsRemoved, records };
}

describe.each(['generated-typical.json', 'generated-short.json', 'extended/generated-requests.json', 'extended/requests-holds-selections.json'])(
  '%s: the schedule against the rows',
  (file) => {
    const scenario = read(file);
    const dates = [...new Set(((scenario.expectations ?? []) as { asOf: string }[]).map((e) => e.asOf))].sort();
    it('after a load, on every date of the file: due equals the walk, the forecast the engine; runs keep it so', async () => {
      await load(scenario);
      await expectScheduleConsistent(t.db, dates[0]!);
      for (const asOf of dates) {
        const due = await expectScheduleDueEqualsWalk(t.db, asOf);
        const forecast = await computeForecast(t.db, { asOf, months: 12 });
        expect(normalizedForecast(forecast)).toEqual(normalizedForecast(await walkForecast(t.db, { asOf, months: 12 })));
        // One run does what was due: the schedule's count, no more, no less.
        const run = await runCleanup(t.db, { asOf, trigger: 'test' });
        expect(run.errors).toBe(0);
        expect(done(run)).toEqual({ actors: due.actors, records: due.records });
        // Nothing is due after it, and the schedule still says what the rows say.
        const after = await expectScheduleDueEqualsWalk(t.db, asOf);
        expect(after.recordsTotal + after.actors).toBe(0);
        await expectScheduleConsistent(t.db, asOf);
      }
    });
  },
);

describe('the sums read the totals by bucket (every day up to the date, then each month)', () => {
  it('on the first, a middle and the last day of a month, and across a year-end: the forecast is the walk, the due the walk', async () => {
    await load(read('generated-typical.json'));
    // Plans made for 2026-11-22: the other dates are corrected on the fly where a plan ran out.
    for (const asOf of ['2026-11-01', '2026-11-22', '2026-11-30', '2026-12-01', '2026-12-31', '2027-01-01', '2027-02-28']) {
      const forecast = await computeForecast(t.db, { asOf, months: 12 });
      expect(normalizedForecast(forecast), asOf).toEqual(normalizedForecast(await walkForecast(t.db, { asOf, months: 12 })));
      await expectScheduleDueEqualsWalk(t.db, asOf);
    }
  });
});

// A small library whose actors each meet one write of the library system.
const D = '2026-06-15';
const old = { instanceId: 1, type: 'ABON', status: 9, startDate: '2012-01-01', endDate: '2020-01-01' };
/** Ended two years before D: due for removal on D, not the day before. */
const endedTwoYearsAgo = { ...old, endDate: '2024-06-15' };
const running = { instanceId: 1, type: 'ABON', status: 9, startDate: '2012-01-01', endDate: null };
const writes = parseScenarioText(
  JSON.stringify({
    settings: TYPICAL_SETTINGS,
    instances: [{ id: 1, name: 'Bibliotheek' }],
    actors: [
      // Kept only by a copy on loan.
      { actorId: 7101, registeredOn: '2012-01-01', roles: [old], loans: [{ instanceId: 1, itemId: 'B-1', loanedOn: '2019-12-01', returnedOn: null }] },
      // Due for removal on D; the library books a fine the day before.
      { actorId: 7102, registeredOn: '2012-01-01', roles: [endedTwoYearsAgo], personal: { name: 'Marker 7102' } },
      // Due for removal on D; the library reactivates the membership the day before.
      { actorId: 7103, registeredOn: '2012-01-01', roles: [endedTwoYearsAgo], personal: { name: 'Marker 7103' } },
      // A member with a recent marketing record.
      { actorId: 7104, registeredOn: '2012-01-01', roles: [running], records: { marketing: [{ date: '2026-01-01' }] } },
      // A member with loan history on, a loan returned this year.
      { actorId: 7105, registeredOn: '2012-01-01', roles: [running], loans: [{ instanceId: 1, itemId: 'B-2', loanedOn: '2025-12-01', returnedOn: '2026-01-01' }] },
      // Kept by a fee booked in 2021 (the financial archive keeps it until 2028).
      { actorId: 7107, registeredOn: '2012-01-01', roles: [old], financial: [{ kind: 'membership_fee', bookedOn: '2021-01-01', amountCents: 2500, settled: true }] },
      // Deleted by the library, whole.
      { actorId: 7108, registeredOn: '2012-01-01', roles: [running], records: { marketing: [{ date: '2030-01-01' }] } },
      // Untouched members.
      ...[7110, 7111, 7112].map((actorId) => ({ actorId, registeredOn: '2012-01-01', roles: [running] })),
    ],
  }),
);

describe('writes straight into the tables between two runs', () => {
  it('are honoured by the next run, which does what the schedule (corrected for them) and the walk both say', async () => {
    await load(writes);
    // The run of the day before: nothing of these actors is due yet.
    const before = await runCleanupUntilDone(t.db, { asOf: addDays(D, -1), trigger: 'test' });
    expect(before[0]!.actorsRemoved).toBe(0);

    await library.query(`insert into financial_items (actor_id, kind, booked_on, amount_cents, settled) values (7102, 'fine', '2026-06-01', 300, false)`);
    await library.query(`update roles set end_date = null where actor_id = 7103`);
    await library.query(`update loans set returned_on = '2026-06-10' where actor_id = 7101 and returned_on is null`);
    await library.query(`update marketing set record_date = '2020-01-01' where actor_id = 7104`);
    await library.query(`update actors set loan_history_opt_in = false where id = 7105`);
    await library.query(`delete from financial_items where actor_id = 7107`);
    await library.query(`insert into actors (id, registered_on, loan_history_opt_in, name) values (7109, '2010-01-01', true, 'Marker 7109')`);
    await library.query(`insert into roles (actor_id, instance_id, type, status, start_date, end_date) values (7109, 1, 'ABON', 9, '2010-01-01', '2018-01-01')`);
    await library.query(`insert into ksm (actor_id, record_date) values (7109, '2017-01-01')`);
    await library.query('begin');
    await library.query(`delete from marketing where actor_id = 7108`);
    await library.query(`delete from roles where actor_id = 7108`);
    await library.query(`delete from actors where id = 7108`);
    await library.query('commit');

    const queued = await t.db.$client.query<{ actor_id: number }>('select distinct actor_id from retention_dirty order by actor_id');
    expect(queued.rows.map((r) => r.actor_id)).toEqual([7101, 7102, 7103, 7104, 7105, 7107, 7108, 7109]);
    // Before any run, the schedule's sums already follow the writes.
    const due = await expectScheduleDueEqualsWalk(t.db, D);
    const run = await runCleanup(t.db, { asOf: D, trigger: 'test' });
    expect(done(run)).toEqual({ actors: due.actors, records: due.records });
    expect(run.skipped).toEqual({ OPEN_FINANCIAL_ITEMS: 1 });

    const present = async (id: number) => (await getActorReport(t.db, id, D)).found;
    expect(await present(7101)).toBe(false); // the copy came back: removed the same day
    expect(await present(7102)).toBe(true); // a fine keeps them
    expect(await present(7103)).toBe(true); // a member again
    expect(await present(7107)).toBe(false); // the fee that kept them is gone
    expect(await present(7109)).toBe(false); // added with old data: removed by the next run
    const marketing = await t.db.$client.query(`select count(*)::int as n from marketing where actor_id = 7104`);
    expect(marketing.rows[0].n).toBe(0); // dated back: gone
    const loans = await t.db.$client.query(`select count(*)::int as n from loans where actor_id = 7105`);
    expect(loans.rows[0].n).toBe(0); // opt-in off: returned more than 90 days ago, anonymized
    expect(run.records.loan_history).toEqual({ deleted: 0, anonymized: 2 });

    expect((await t.db.$client.query('select count(*)::int as n from retention_dirty')).rows[0].n).toBe(0);
    await expectScheduleConsistent(t.db, D);
    const after = await expectScheduleDueEqualsWalk(t.db, D);
    expect(after.recordsTotal + after.actors).toBe(0);
  });

  it('a run with nothing due reads only the schedule: no actor examined, no batch', async () => {
    await load(writes);
    await runCleanupUntilDone(t.db, { asOf: D, trigger: 'test' });
    const quiet = await runCleanup(t.db, { asOf: D, trigger: 'test' });
    expect(quiet).toMatchObject({ actorsExamined: 0, batches: 0, recordsProcessed: 0, actorsPlanned: 0 });
    // The next day: only the actors with something due that day.
    const next = await runCleanup(t.db, { asOf: addDays(D, 1), trigger: 'test' });
    expect(next.actorsExamined).toBe(0);
    // A write of today is planned anew by the next run, and only it.
    await library.query(`update actors set name = 'Renamed' where id = 7110`);
    const after = await runCleanup(t.db, { asOf: addDays(D, 1), trigger: 'test' });
    expect(after).toMatchObject({ actorsPlanned: 1, actorsExamined: 0 });
  });

  it('a run that changed a tenth of the plans or more analyzes the schedule (the next pick uses the index); a quiet run does not', async () => {
    await load(writes);
    const analyzed = async () =>
      Number((await library.query(`select analyze_count from pg_stat_user_tables where relid = 'retention_schedule'::regclass`)).rows[0].analyze_count);
    const before = await analyzed();
    const zeroTotals = async () =>
      (await library.query<{ day: string }>(`select to_char(day, 'YYYY-MM-DD') as day from retention_plan_totals where count = 0`)).rows.map((r) => r.day);
    const first = await runCleanup(t.db, { asOf: D, trigger: 'test' });
    expect(first.actorsExamined + first.actorsPlanned).toBeGreaterThan(0);
    expect(await analyzed()).toBe(before + 1);
    // The analyze samples the columns the queries filter on, not the plan's arrays (migration 0017).
    const sampled = (await library.query<{ attname: string }>(`select attname from pg_stats where tablename = 'retention_schedule'`)).rows.map((r) => r.attname);
    expect(sampled).toEqual(expect.arrayContaining(['actor_id', 'next_on', 'valid_from', 'valid_to']));
    expect(sampled.filter((c) => ['days', 'categories', 'counts', 'kept_codes', 'kept_untils'].includes(c))).toEqual([]);
    // A run that changed many plans sweeps every total that came to zero.
    expect(await zeroTotals()).toEqual([]);
    await runCleanupUntilDone(t.db, { asOf: D, trigger: 'test' });
    const settled = await analyzed();
    // A re-plan can empty a later day: a run that changed few plans leaves it (every reader skips
    // zeros) and drops only the days up to its own date, on the key, not by a scan.
    await library.query(`insert into retention_plan_totals (day, category, count) values ('1990-01-01', 0, 0), ('2199-01-01', 0, 0)`);
    await runCleanup(t.db, { asOf: D, trigger: 'test' });
    expect(await analyzed()).toBe(settled);
    expect(await zeroTotals()).toEqual(['2199-01-01']);
    // A dry run plans nothing anew here and changes no plan.
    await runCleanup(t.db, { asOf: addDays(D, 400), trigger: 'test', dryRun: true });
    expect(await analyzed()).toBe(settled);
  });

  it('a write that the plan has not seen, committed between the drain and the batch, is caught by the batch and planned anew', async () => {
    await load(writes);
    // During the run's first batch (after its snapshot), the library books a fine for 7102: the
    // batch's snapshot does not see it, so its delete of the actor fails the foreign key check and
    // is retried; whatever the outcome, the schedule ends consistent and the fine keeps the actor.
    let wrote = false;
    const run = await runCleanup(t.db, {
      asOf: D,
      trigger: 'test',
      onPhase: async (phase) => {
        if (phase === 'snapshot' && !wrote) {
          wrote = true;
          await library.query(`insert into financial_items (actor_id, kind, booked_on, amount_cents, settled) values (7102, 'fine', '2026-06-01', 300, false)`);
        }
      },
    });
    expect(run.errors).toBe(0);
    expect((await getActorReport(t.db, 7102, D)).found).toBe(true);
    await expectScheduleConsistent(t.db, D);
    const after = await expectScheduleDueEqualsWalk(t.db, D);
    expect(after.recordsTotal + after.actors).toBe(0);
  });
});

describe("a sparse batch of the schedule's actors: a rule worked in two parts, each with its own bound", () => {
  // Two actors due on each later day, their ids far apart: the batch is sparse and takes its actors
  // from the plans (statements.ts, PlannedPart), with loans apart for the history on and off and
  // financial records apart for cancelled actors and others. (A batch of one actor is a range.)
  const split = parseScenarioText(
    JSON.stringify({
      settings: TYPICAL_SETTINGS,
      instances: [{ id: 1, name: 'Bibliotheek' }],
      actors: [
        // Cancelled 2019-03-10, kept by an open fine: on 2026-03-10 the cancellation rule takes every
        // settled record, a recent one too; the 2012 fee goes by its age at the first run.
        {
          actorId: 1001,
          registeredOn: '2012-01-01',
          roles: [{ ...old, endDate: '2019-03-10' }],
          financial: [
            { kind: 'membership_fee', bookedOn: '2012-01-01', amountCents: 2500, settled: true },
            { kind: 'fine', bookedOn: '2025-06-01', amountCents: 300, settled: true },
            { kind: 'fine', bookedOn: '2025-07-01', amountCents: 400, settled: false },
          ],
        },
        // A member with a settled fee that reaches seven years the same day.
        { actorId: 3001, registeredOn: '2012-01-01', roles: [running], financial: [{ kind: 'membership_fee', bookedOn: '2019-03-10', amountCents: 2500, settled: true }] },
        // Loan history off: a loan returned 2025-12-20 goes 90 days later, on 2026-03-20.
        {
          actorId: 5001,
          registeredOn: '2012-01-01',
          loanHistoryOptIn: false,
          roles: [running],
          loans: [
            { instanceId: 1, itemId: 'B-1', loanedOn: '2025-12-01', returnedOn: '2025-12-20' },
            { instanceId: 1, itemId: 'B-2', loanedOn: '2025-09-01', returnedOn: '2025-10-01' },
          ],
        },
        // Loan history on: a loan returned 2024-03-20 goes two years later, the same day; one of 2025 stays.
        {
          actorId: 7001,
          registeredOn: '2012-01-01',
          roles: [running],
          loans: [
            { instanceId: 1, itemId: 'B-3', loanedOn: '2024-03-01', returnedOn: '2024-03-20' },
            { instanceId: 1, itemId: 'B-4', loanedOn: '2025-12-01', returnedOn: '2025-12-20' },
          ],
        },
      ],
    }),
  );
  const rows = async (sql: string) => (await t.db.$client.query(sql)).rows;

  it('each part does what the plan says on its day, and the schedule stays equal to the walk', async () => {
    await load(split);
    const first = await runCleanupUntilDone(t.db, { asOf: '2026-03-01', trigger: 'test' });
    expect(first.at(-1)!.errors).toBe(0);
    expect(await rows(`select actor_id, booked_on::text as d from financial_items order by actor_id, booked_on`)).toEqual([
      { actor_id: 1001, d: '2025-06-01' },
      { actor_id: 1001, d: '2025-07-01' },
      { actor_id: 3001, d: '2019-03-10' },
    ]);
    for (const [asOf, expected] of [
      ['2026-03-09', { financial_transactions: 0, loan_history: 0 }],
      ['2026-03-12', { financial_transactions: 2, loan_history: 0 }],
      ['2026-03-19', { financial_transactions: 0, loan_history: 0 }],
      ['2026-03-21', { financial_transactions: 0, loan_history: 2 }],
    ] as const) {
      const due = await expectScheduleDueEqualsWalk(t.db, asOf);
      const run = await runCleanup(t.db, { asOf, trigger: 'test' });
      expect(done(run), asOf).toEqual({ actors: due.actors, records: due.records });
      expect({ financial_transactions: done(run).records.financial_transactions, loan_history: done(run).records.loan_history }, asOf).toEqual(expected);
      await expectScheduleConsistent(t.db, asOf);
    }
    // Left: the open fine (it keeps the actor), and the loan of 2025 of the actor with history on.
    expect(await rows(`select actor_id, booked_on::text as d from financial_items order by actor_id, booked_on`)).toEqual([{ actor_id: 1001, d: '2025-07-01' }]);
    expect(await rows(`select actor_id, item_id from loans where actor_id is not null order by item_id`)).toEqual([{ actor_id: 7001, item_id: 'B-4' }]);
  });
});

describe('every table the library system writes queues the actors it touches', () => {
  const queued = async () =>
    (await t.db.$client.query<{ actor_id: number }>('select distinct actor_id from retention_dirty order by actor_id')).rows.map((r) => r.actor_id);
  const tables: [string, string, string][] = [
    ['roles', `(actor_id, instance_id, type, status) values ($1, 1, 'VEST', 1)`, `set status = 2`],
    ['other_roles', `(actor_id, kind) values ($1, 'staff')`, `set kind = 'supplier'`],
    ['blocks', `(actor_id, type, created_on) values ($1, 'ALG', '2020-01-01')`, `set type = 'DEU'`],
    ['credentials', `(actor_id, username, sip_port) values ($1, 'user-7111', false)`, `set sip_port = true`],
    ['financial_items', `(actor_id, kind, booked_on, amount_cents, settled) values ($1, 'fine', '2020-01-01', 100, false)`, `set settled = true`],
    ['loans', `(actor_id, instance_id, item_id, loaned_on) values ($1, 1, 'X', '2020-01-01')`, `set returned_on = '2020-02-01'`],
    ...(['titles_previously_borrowed', 'asset_profiles', 'instance_history', 'marketing', 'ksm', 'customer_notifications', 'to_inform', 'account_changes', 'documents', 'collection_records', 'collections_agency'] as const).map(
      (table): [string, string, string] => [table, `(actor_id, record_date) values ($1, '2020-01-01')`, `set record_date = '2019-01-01'`],
    ),
    ['holds', `(actor_id, record_date, is_open) values ($1, '2020-01-01', true)`, `set is_open = false`],
    ['tickets', `(actor_id, record_date, is_open) values ($1, '2020-01-01', true)`, `set is_open = false`],
    ['relationships', `(actor_id, record_date, related_actor_id) values ($1, '2020-01-01', 7110)`, `set related_actor_id = null`],
  ];
  it.each(tables)('%s: insert, update and delete', async (table, values, change) => {
    await load(writes);
    expect(await queued()).toEqual([]);
    await library.query(`insert into ${table} ${values}`, [7111]);
    expect(await queued()).toEqual([7111]);
    await t.db.$client.query('delete from retention_dirty');
    await library.query(`update ${table} ${change} where actor_id = $1`, [7111]);
    expect(await queued()).toEqual([7111]);
    await t.db.$client.query('delete from retention_dirty');
    // A row moved to another actor queues both.
    await library.query(`update ${table} set actor_id = $2 where actor_id = $1`, [7111, 7112]);
    expect(await queued()).toEqual([7111, 7112]);
    await t.db.$client.query('delete from retention_dirty');
    await library.query(`delete from ${table} where actor_id = $1`, [7112]);
    expect(await queued()).toEqual([7112]);
  });

  it('actors: insert, update (the loan-history opt-in), delete; requests and holds; a TRUNCATE rebuilds', async () => {
    await load(writes);
    await library.query(`insert into actors (id, registered_on) values (7199, '2020-01-01')`);
    await library.query(`update actors set loan_history_opt_in = false where id = 7110`);
    await library.query(`delete from actors where id = 7199`);
    await library.query(`insert into removal_requests (actor_id, requested_on, reason, recorded_by) values (7111, '2026-06-01', 'letter', 'library')`);
    await library.query(`insert into legal_holds (actor_id, until, reason, placed_by) values (7112, null, 'court', 'library')`);
    expect(await queued()).toEqual([7110, 7111, 7112, 7199]);
    const client = await t.db.$client.connect();
    try {
      expect((await readScheduleState(client)).rebuildAfter).toBeNull();
      await library.query('truncate ksm');
      expect((await readScheduleState(client)).rebuildAfter).toBe(0);
    } finally {
      client.release();
    }
    // The next run rebuilds and leaves the schedule right.
    await runCleanup(t.db, { asOf: D, trigger: 'test' });
    await expectScheduleConsistent(t.db, D);
  });
});

describe('a settings change', () => {
  it('re-plans every actor: the next run rebuilds the schedule and does what the walk says for the new settings', async () => {
    await load(read('generated-typical.json'));
    const asOf = '2026-11-22';
    await runCleanupUntilDone(t.db, { asOf, trigger: 'test' });
    await t.db.transaction((tx) => writeSettings(tx, [{ name: 'historyMonths', value: 12 }], { by: 'test', reason: 'shorter history' }));
    const client = await t.db.$client.connect();
    try {
      expect((await readScheduleState(client)).rebuildAfter).toBe(0);
      expect(await sumSchedule(client, { asOf, months: 1 })).toBeNull();
    } finally {
      client.release();
    }
    const walked = await countDue(t.db, { asOf });
    expect(walked.recordsTotal).toBeGreaterThan(0);
    const actors = (await t.db.$client.query('select count(*)::int as n from actors')).rows[0].n;
    const run = await runCleanup(t.db, { asOf, trigger: 'test' });
    expect(run.actorsPlanned).toBe(actors);
    expect(done(run)).toEqual({ actors: walked.actors, records: walked.records });
    await expectScheduleConsistent(t.db, asOf);
    await expectScheduleDueEqualsWalk(t.db, asOf);
  });
});
