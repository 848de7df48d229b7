import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getSettings, getSettingsAudit } from '@/db/queries/settings';
import { runCleanup, type RunSummary } from '@/lib/cleanup/run';
import { CATEGORY_IDS, type CategoryId } from '@/lib/retention/categories';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import type { Scenario } from '@/lib/scenario/schema';
import { BREAKER_MAX_ACTORS, BREAKER_MAX_SHARE, exceedsBreaker } from '@/lib/settings/breaker';
import { changeSettings } from '@/lib/settings/change-settings';
import { InvalidSettingsChangeError, SettingsChangedMeanwhileError } from '@/lib/settings/errors';
import { computeSettingsWhatIf } from '@/lib/settings/what-if';
import { settingsChangeProblems, settingsChangeSchema } from '@/lib/validation/settings';
import { abon, scenarioOf, typical } from './helpers/build';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('settings');
const AS_OF = '2024-11-15';

async function load(scenario: Scenario) {
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'settings test' });
}

/** Everything a what-if must leave alone: library rows, run records, settings, audit log. */
async function snapshot() {
  const r = await t.db.execute<Record<string, number>>(sql`select
    (select count(*)::int from actors) as actors,
    (select count(*)::int from actors where coalesce(name, '') <> '') as named,
    (select count(*)::int from loans where actor_id is not null) as linked_loans,
    (select count(*)::int from roles) as roles,
    (select count(*)::int from financial_items) as financial,
    (select count(*)::int from credentials) as credentials,
    (select count(*)::int from holds) as holds,
    (select count(*)::int from relationships) as relationships,
    (select count(*)::int from cleanup_runs) as runs,
    (select count(*)::int from cleanup_daily_counts) as daily,
    (select count(*)::int from settings_audit) as audit`);
  return { counts: r.rows[0], settings: await getSettings(t.db) };
}

const processed = (s: RunSummary) =>
  Object.fromEntries(CATEGORY_IDS.map((id) => [id, (s.records[id]?.deleted ?? 0) + (s.records[id]?.anonymized ?? 0)])) as Record<CategoryId, number>;

/*
 * A small library with inactiveActorMonths, historyMonths and optOutLoanDays at 0. The current
 * settings already make some records due (old financial items, old account changes), so the
 * what-if must subtract them.
 */
const partlyDisabled = { ...DISABLED_SETTINGS, financialMonths: 84, personalDataMonths: 84 };
const library = scenarioOf(partlyDisabled, [
  {
    // Cancelled long ago, old fee only: removed once inactiveActorMonths is on.
    actorId: 1,
    personal: { name: 'Anna Oud', email: 'anna@example.org' },
    roles: [abon('2020-01-31')],
    financial: [
      { kind: 'membership_fee', bookedOn: '2015-01-01', amountCents: 2500, settled: true },
      { kind: 'membership_fee', bookedOn: '2016-01-01', amountCents: 2500, settled: true },
    ],
    loans: [{ instanceId: 1, itemId: 'A', loanedOn: '2019-03-01', returnedOn: '2019-03-20' }],
    credentials: [{ username: 'aoud', sipPort: false }],
    records: { holds: [{ date: '2019-05-01', open: false }], titles_previously_borrowed: [{ date: '2019-03-20' }] },
  },
  {
    // Active, loan history switched off: opt-out loans and old history become due, not the actor.
    actorId: 2,
    loanHistoryOptIn: false,
    personal: { name: 'Bert Actief' },
    roles: [abon(null, { status: 1 })],
    loans: [
      { instanceId: 1, itemId: 'B', loanedOn: '2024-05-01', returnedOn: '2024-06-01' },
      { instanceId: 1, itemId: 'C', loanedOn: '2021-01-01', returnedOn: '2021-02-01' },
      { instanceId: 1, itemId: 'D', loanedOn: '2024-11-01', returnedOn: null },
    ],
    records: {
      instance_history: [{ date: '2020-01-01' }, { date: '2024-10-01' }],
      marketing: [{ date: '2024-01-01' }],
      account_changes: [{ date: '2015-06-01' }, { date: '2023-06-01' }],
    },
  },
  {
    // Inactive, but not long enough: nothing new.
    actorId: 3,
    roles: [abon('2023-06-30')],
    credentials: [{ username: 'recent', sipPort: false }],
    blocks: [{ type: 'TMP', createdOn: '2023-01-01' }],
  },
  {
    // Inactive since 2019, kept by a recent settled financial item: its 2-year categories go.
    actorId: 4,
    roles: [abon('2019-05-01')],
    financial: [{ kind: 'fine', bookedOn: '2020-03-01', amountCents: 300, settled: true }],
    credentials: [{ username: 'kept', sipPort: false }],
    records: { titles_previously_borrowed: [{ date: '2019-01-01' }], relationships: [{ date: '2018-01-01', relatedActorId: 1 }] },
  },
  // Never a member, registered long ago: removal counts from the registration date.
  { actorId: 5, registeredOn: '2012-02-01', records: { tickets: [{ date: '2013-01-01', open: false }] } },
  // Staff: never removed, but its old records go.
  { actorId: 6, registeredOn: '2010-01-01', otherRoles: [{ kind: 'staff' }], records: { ksm: [{ date: '2016-01-01' }] } },
]);
const switchOn = [
  { name: 'inactiveActorMonths' as const, value: 24 },
  { name: 'historyMonths' as const, value: 24 },
  { name: 'optOutLoanDays' as const, value: 90 },
];

describe('the settings what-if', () => {
  it('equals what a real cleanup does after the change, minus what the current settings already had due', async () => {
    await load(library);
    const before = await snapshot();
    const progress: number[] = [];
    const whatIf = await computeSettingsWhatIf(t.db, { changes: switchOn, asOf: AS_OF, onProgress: (p) => progress.push(p.done / p.total) });

    // The what-if changed nothing and recorded no run.
    expect(await snapshot()).toEqual(before);
    expect(whatIf.isExact).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(whatIf.changes).toEqual([
      { name: 'inactiveActorMonths', oldValue: 0, newValue: 24 },
      { name: 'historyMonths', oldValue: 0, newValue: 24 },
      { name: 'optOutLoanDays', oldValue: 0, newValue: 90 },
    ]);
    expect(whatIf.currentSettings).toEqual(partlyDisabled);
    expect(whatIf.proposedSettings).toEqual({ ...partlyDisabled, inactiveActorMonths: 24, historyMonths: 24, optOutLoanDays: 90 });

    // The current settings already had something due, and the change makes more due.
    expect(whatIf.current.records.financial_transactions).toBe(2);
    expect(whatIf.current.records.account_changes).toBe(1);
    expect(whatIf.current.actors).toBe(0);
    expect(whatIf.newlyDue.actors).toBe(2);
    expect(whatIf.actorsTotal).toBe(6);
    expect(whatIf.newlyDueShare).toBeCloseTo(2 / 6);
    expect(whatIf.exceedsBreaker).toBe(true);

    // What the cleanup with the current settings would do is `current`, exactly.
    const dryCurrent = await runCleanup(t.db, { asOf: AS_OF, dryRun: true, trigger: 'test' });
    expect(processed(dryCurrent)).toEqual(whatIf.current.records);

    const applied = await changeSettings(t.db, { changes: switchOn, reason: 'switch the cleanup on', by: 'test admin' });
    expect(applied.changed.map((c) => c.name)).toEqual(['inactiveActorMonths', 'historyMonths', 'optOutLoanDays']);

    const run = await runCleanup(t.db, { asOf: AS_OF, trigger: 'test' });
    expect(run.status).toBe('completed');
    expect(run.errors).toBe(0);
    expect(run.actorsRemoved).toBe(whatIf.proposed.actors);
    expect(processed(run)).toEqual(whatIf.proposed.records);
    expect(run.actorsRemoved - whatIf.current.actors).toBe(whatIf.newlyDue.actors);
    for (const id of CATEGORY_IDS) expect(processed(run)[id] - whatIf.current.records[id], id).toBe(whatIf.newlyDue.records[id]);
    expect(whatIf.newlyDue.recordsTotal).toBe(run.recordsProcessed - whatIf.current.recordsTotal);
    expect(whatIf.newlyDue.recordsTotal).toBeGreaterThan(5);
    const remaining = await t.db.execute<{ id: number }>(sql`select id::int from actors order by id`);
    expect(remaining.rows.map((r) => r.id)).toEqual([2, 3, 4, 6]);

    // The run finished what was due: the same what-if now finds nothing left.
    const after = await computeSettingsWhatIf(t.db, { changes: switchOn, asOf: AS_OF });
    expect(after.changes).toEqual([]);
    expect(after.current.recordsTotal).toBe(0);
    expect(after.current.actors).toBe(0);
  });

  it('clamps newly due at 0 per category when a period gets longer, and gives both raw figures', async () => {
    await load({ ...library, settings: typical });
    const whatIf = await computeSettingsWhatIf(t.db, {
      changes: [
        { name: 'financialMonths', value: 120 },
        { name: 'historyMonths', value: 0 },
      ],
      asOf: AS_OF,
    });
    expect(whatIf.current.records.financial_transactions).toBeGreaterThan(whatIf.proposed.records.financial_transactions);
    expect(whatIf.current.records.loan_history).toBeGreaterThan(whatIf.proposed.records.loan_history);
    for (const id of CATEGORY_IDS) {
      expect(whatIf.newlyDue.records[id], id).toBe(Math.max(0, whatIf.proposed.records[id] - whatIf.current.records[id]));
      expect(whatIf.newlyDue.records[id], id).toBeGreaterThanOrEqual(0);
    }
    expect(whatIf.newlyDue.records.financial_transactions).toBe(0);
    expect(whatIf.newlyDue.actors).toBe(0);
    expect(whatIf.exceedsBreaker).toBe(false);
  });

  it('walks nothing when nothing would change (the current figures are the schedule\u2019s sums), and gives nothing newly due', async () => {
    await load(library);
    const steps = new Set<number>();
    const whatIf = await computeSettingsWhatIf(t.db, {
      changes: [{ name: 'financialMonths', value: 84 }],
      asOf: AS_OF,
      onProgress: (p) => steps.add(p.steps),
    });
    expect([...steps]).toEqual([]);
    expect(whatIf.changes).toEqual([]);
    expect(whatIf.proposed).toEqual(whatIf.current);
    expect(whatIf.newlyDue.recordsTotal).toBe(0);
    expect(whatIf.newlyDue.actors).toBe(0);
  });

  it('refuses bad changes before any dry run', async () => {
    await expect(computeSettingsWhatIf(t.db, { changes: [{ name: 'historyMonths', value: -1 }], asOf: AS_OF })).rejects.toThrow(
      InvalidSettingsChangeError,
    );
    await expect(computeSettingsWhatIf(t.db, { changes: [], asOf: AS_OF })).rejects.toThrow(/at least one setting/);
  });

  it('an empty library has nothing due and never exceeds the breaker', async () => {
    await load(scenarioOf(DISABLED_SETTINGS, []));
    const whatIf = await computeSettingsWhatIf(t.db, { changes: switchOn, asOf: AS_OF });
    expect(whatIf.actorsTotal).toBe(0);
    expect(whatIf.newlyDue).toEqual(whatIf.current);
    expect(whatIf.newlyDueShare).toBe(0);
    expect(whatIf.exceedsBreaker).toBe(false);
  });
});

describe('the circuit breaker thresholds', () => {
  it('are 1000 actors and 1% by default, and are exceeded only beyond them', () => {
    expect(BREAKER_MAX_ACTORS).toBe(1000);
    expect(BREAKER_MAX_SHARE).toBe(0.01);
    expect(exceedsBreaker(0, 0)).toBe(false);
    expect(exceedsBreaker(0, 10)).toBe(false);
    expect(exceedsBreaker(1, 100)).toBe(false);
    expect(exceedsBreaker(2, 100)).toBe(true);
    expect(exceedsBreaker(1000, 1_000_000)).toBe(false);
    expect(exceedsBreaker(1001, 1_000_000)).toBe(true);
  });
});

describe('changing settings', () => {
  it('writes the values and one audit row per changed value (old, new, reason, who); unchanged values write nothing', async () => {
    await load(scenarioOf(typical, [{ actorId: 1 }]));
    const auditBefore = await getSettingsAudit(t.db, { limit: 1000 });
    const result = await changeSettings(t.db, {
      changes: [
        { name: 'inactiveActorMonths', value: 36 },
        { name: 'financialMonths', value: 84 }, // unchanged
        { name: 'optOutLoanDays', value: '30' }, // a form's string
      ],
      reason: '  board decision 2024-11  ',
      by: 'cli alice',
    });
    expect(result.changed).toEqual([
      { name: 'inactiveActorMonths', oldValue: 24, newValue: 36 },
      { name: 'optOutLoanDays', oldValue: 90, newValue: 30 },
    ]);
    expect(result.unchanged).toEqual(['financialMonths']);
    expect(result.settings).toEqual({ ...typical, inactiveActorMonths: 36, optOutLoanDays: 30 });
    expect(await getSettings(t.db)).toEqual(result.settings);

    const audit = await getSettingsAudit(t.db, { limit: 1000 });
    const added = audit.slice(0, audit.length - auditBefore.length);
    expect(added.map(({ setting, oldValue, newValue, reason, changedBy }) => ({ setting, oldValue, newValue, reason, changedBy })).reverse()).toEqual([
      { setting: 'inactiveActorMonths', oldValue: 24, newValue: 36, reason: 'board decision 2024-11', changedBy: 'cli alice' },
      { setting: 'optOutLoanDays', oldValue: 90, newValue: 30, reason: 'board decision 2024-11', changedBy: 'cli alice' },
    ]);
    for (const row of added) expect(Date.now() - row.changedAt.getTime()).toBeLessThan(60_000);

    // Setting everything to what it is writes nothing at all.
    const again = await changeSettings(t.db, { changes: [{ name: 'inactiveActorMonths', value: 36 }], reason: 'again', by: 'cli alice' });
    expect(again.changed).toEqual([]);
    expect(await getSettingsAudit(t.db, { limit: 1000 })).toHaveLength(audit.length);
  });

  it('writes nothing for a bad change, a missing reason or a missing author', async () => {
    await load(scenarioOf(typical, [{ actorId: 1 }]));
    const before = await snapshot();
    const bad = [
      { changes: [{ name: 'inactiveActorMonths', value: 12 }, { name: 'historyMonths', value: -1 }], reason: 'r', by: 'x' },
      { changes: [{ name: 'inactiveActorMonths', value: 12 }], reason: '   ', by: 'x' },
      { changes: [{ name: 'inactiveActorMonths', value: 12 }], reason: 'r', by: ' ' },
      { changes: [{ name: 'inactiveActorMonths', value: 12 }, { name: 'inactiveActorMonths', value: 13 }], reason: 'r', by: 'x' },
    ];
    for (const params of bad) await expect(changeSettings(t.db, params as never)).rejects.toThrow(InvalidSettingsChangeError);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses, writing nothing, when the values changed since the admin saw the what-if', async () => {
    await load(scenarioOf(typical, [{ actorId: 1 }]));
    const seen = await getSettings(t.db);
    await changeSettings(t.db, { changes: [{ name: 'historyMonths', value: 12 }], reason: 'first', by: 'admin one' });
    const before = await snapshot();
    await expect(
      changeSettings(t.db, { changes: [{ name: 'inactiveActorMonths', value: 6 }], reason: 'second', by: 'admin two', expected: seen }),
    ).rejects.toThrow(SettingsChangedMeanwhileError);
    expect(await snapshot()).toEqual(before);
  });

  it('two changes confirmed on the same values at once: one is saved, the other refused', async () => {
    await load(scenarioOf(typical, [{ actorId: 1 }]));
    const seen = await getSettings(t.db);
    const results = await Promise.allSettled([
      changeSettings(t.db, { changes: [{ name: 'historyMonths', value: 12 }], reason: 'a', by: 'admin one', expected: seen }),
      changeSettings(t.db, { changes: [{ name: 'historyMonths', value: 36 }], reason: 'b', by: 'admin two', expected: seen }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(SettingsChangedMeanwhileError);
    const audit = await getSettingsAudit(t.db, { setting: 'historyMonths', limit: 10 });
    expect(audit[0]!.oldValue).toBe(24);
    expect([12, 36]).toContain((await getSettings(t.db)).historyMonths);
  });
});

describe('settingsChangeSchema', () => {
  const problemsOf = (input: unknown) => {
    const r = settingsChangeSchema.safeParse(input);
    return r.success ? [] : settingsChangeProblems(r.error, input);
  };
  const one = (name: string, value: unknown) => ({ changes: [{ name, value }], reason: 'ok' });

  it('accepts whole numbers in range, as numbers or digit strings, and trims the reason', () => {
    expect(settingsChangeSchema.parse({ changes: [{ name: 'historyMonths', value: '1200' }, { name: 'optOutLoanDays', value: 36500 }], reason: ' x ' })).toEqual({
      changes: [
        { name: 'historyMonths', value: 1200 },
        { name: 'optOutLoanDays', value: 36500 },
      ],
      reason: 'x',
    });
    expect(settingsChangeSchema.parse(one('inactiveActorMonths', 0)).changes[0]!.value).toBe(0);
  });

  it.each([
    ['negative', 'inactiveActorMonths', -1],
    ['negative string', 'inactiveActorMonths', '-1'],
    ['fractional', 'financialMonths', 1.5],
    ['fractional string', 'financialMonths', '1.5'],
    ['over 1200 months', 'historyMonths', 1201],
    ['over 36500 days', 'optOutLoanDays', '36501'],
    ['huge', 'optOutLoanDays', 1e9],
    ['huge string', 'optOutLoanDays', '1e9'],
    ['a long digit string', 'optOutLoanDays', '9'.repeat(400)],
    ['NaN', 'personalDataMonths', Number.NaN],
    ['NaN string', 'personalDataMonths', 'NaN'],
    ['Infinity', 'personalDataMonths', Number.POSITIVE_INFINITY],
    ['empty', 'personalDataMonths', ''],
    ['spaces', 'personalDataMonths', ' 5'],
    ['hex', 'personalDataMonths', '0x10'],
    ['text', 'personalDataMonths', 'abc'],
    ['null', 'personalDataMonths', null],
    ['a boolean', 'personalDataMonths', true],
  ])('refuses a %s value, naming the setting', (_what, name, value) => {
    const problems = problemsOf(one(name, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.setting).toBe(name);
    expect(problems[0]!.path).toBe('changes[0].value');
    expect(problems[0]!.message).toContain(name);
  });

  it('refuses unknown names, duplicates, no changes, and names the problem', () => {
    expect(problemsOf(one('foo', 1))[0]!.message).toMatch(/unknown setting "foo"/);
    expect(problemsOf(one('__proto__', 1))[0]!.message).toMatch(/unknown setting/);
    expect(problemsOf(one('financial_inactive', 1))[0]!.path).toBe('changes[0].name');
    const dup = problemsOf({ changes: [{ name: 'historyMonths', value: 1 }, { name: 'historyMonths', value: 2 }], reason: 'r' });
    expect(dup).toEqual([{ path: 'changes[1].name', setting: 'historyMonths', message: 'historyMonths is given more than once' }]);
    expect(problemsOf({ changes: [], reason: 'r' })[0]!.message).toMatch(/at least one setting/);
    expect(problemsOf({ changes: [{ name: 'historyMonths', value: 1, extra: 1 }], reason: 'r' })).toHaveLength(1);
  });

  it('requires a reason of 1 to 500 characters after trimming', () => {
    const reason = (r: unknown) => problemsOf({ changes: [{ name: 'historyMonths', value: 1 }], reason: r });
    expect(reason(undefined)[0]!.path).toBe('reason');
    expect(reason('')[0]!.message).toMatch(/reason is required/);
    expect(reason(' \n\t ')[0]!.message).toMatch(/reason is required/);
    expect(reason('x'.repeat(501))[0]!.message).toMatch(/at most 500/);
    expect(reason('nul\u0000byte')[0]!.message).toMatch(/NUL/);
    expect(reason(`  ${'x'.repeat(500)}  `)).toEqual([]);
    expect(reason('<script>alert(1)</script>; drop table settings;--')).toEqual([]);
  });
});
