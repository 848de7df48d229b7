import os from 'node:os';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSettings, getSettingsAudit } from '@/db/queries/settings';
import { DISABLED_SETTINGS, SETTING_NAMES } from '@/lib/retention/settings';
import { loadScenario } from '@/lib/scenario/load';
import { abon, scenarioOf } from './helpers/build';
import { runCli, type CliResult } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('settings_cli');
const cli = (args: string[], input?: string) => runCli(['settings', ...args], { databaseUrl: t.url, input });
const AS_OF = '2024-11-15';
const PROMPT = 'Apply these changes? Type "yes" to confirm:';
const by = `cli ${os.userInfo().username}`;

// Two actors long gone (removed once inactiveActorMonths is on), one active with old history.
const settings = { ...DISABLED_SETTINGS, financialMonths: 84, personalDataMonths: 84 };
const library = scenarioOf(settings, [
  { actorId: 1, roles: [abon('2020-01-31')], credentials: [{ username: 'one', sipPort: false }] },
  { actorId: 2, registeredOn: '2012-01-01', records: { holds: [{ date: '2013-01-01', open: false }] } },
  {
    actorId: 3,
    roles: [abon(null, { status: 1 })],
    loans: [{ instanceId: 1, itemId: 'A', loanedOn: '2020-01-01', returnedOn: '2020-02-01' }],
    financial: [{ kind: 'fee', bookedOn: '2015-01-01', amountCents: 100, settled: true }],
  },
]);

beforeEach(async () => {
  await loadScenario(t.db, library, { replace: true, by: 'test', reason: 'settings cli test' });
});

/** Settings, the whole audit log and the library: what "nothing changed" compares. */
async function state() {
  const audit = await getSettingsAudit(t.db, { limit: 10_000 });
  const counts = await t.db.execute(sql`select (select count(*)::int from actors) as actors, (select count(*)::int from cleanup_runs) as runs,
    (select count(*)::int from loans where actor_id is not null) as loans`);
  return { settings: await getSettings(t.db), audit, counts: counts.rows[0] };
}

/** Runs at most `n` commands at a time: a child process costs about a second of CPU. */
async function inPool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

describe('retention settings set: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['a negative value', ['inactiveActorMonths=-1'], /inactiveActorMonths must be a whole number of months from 0 to 1200/],
    ['a fractional value', ['financialMonths=1.5'], /financialMonths must be a whole number/],
    ['1201 months', ['historyMonths=1201'], /historyMonths must be .* 0 to 1200 \(got "1201"\)/],
    ['36501 days', ['optOutLoanDays=36501'], /optOutLoanDays must be a whole number of days from 0 to 36500/],
    ['1e9', ['personalDataMonths=1e9'], /personalDataMonths must be/],
    ['NaN', ['personalDataMonths=NaN'], /personalDataMonths must be/],
    ['an empty value', ['historyMonths='], /historyMonths must be .*\(got ""\)/],
    ['abc', ['historyMonths=abc'], /historyMonths must be/],
    ['an unknown name', ['retentionMonths=12'], /unknown setting "retentionMonths"/],
    ['a missing =', ['historyMonths', '12'], /"historyMonths" is not NAME=VALUE/],
    ['a missing --reason', ['historyMonths=12', '--no-reason'], /--reason TEXT/],
    ['an empty reason', ['historyMonths=12', '--reason', '  '], /reason is required/],
  ];

  it('refuses each bad value, missing = and missing or empty reason with exit 2, naming it, and changes nothing', async () => {
    const before = await state();
    const results = await inPool(cases, 2, ([, assignments]) => {
      const args = ['set', ...assignments.filter((a) => a !== '--no-reason'), '--yes', '--as-of', AS_OF];
      if (!assignments.includes('--no-reason') && !assignments.includes('--reason')) args.push('--reason', 'a test');
      return cli(args, 'yes\n');
    });
    results.forEach((result: CliResult, i) => {
      const [what, , message] = cases[i]!;
      expect(result.code, what).toBe(2);
      expect(result.stdout, what).toBe('');
      expect(result.stderr, what).toMatch(message);
      expect(result.stderr, what).toMatch(/nothing was changed/);
    });
    expect(await state()).toEqual(before);
  });
});

describe('retention settings set', () => {
  it('with --yes prints the what-if, applies and prints what changed, audited as the OS user', async () => {
    const before = await state();
    const result = await cli(['set', 'inactiveActorMonths=24', 'historyMonths=24', 'financialMonths=84', '--reason', 'switch the cleanup on', '--yes', '--as-of', AS_OF]);
    expect(result.stderr).not.toContain(PROMPT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`What the change would do as of ${AS_OF}`);
    expect(result.stdout).toMatch(/inactiveActorMonths\s+disabled → 24 months/);
    expect(result.stdout).toContain('Actors newly due for removal: 2 of 3 actors (66.7%)');
    expect(result.stdout).toMatch(/loan_history\s+0\s+1\s+1/);
    expect(result.stdout).toMatch(/financial_transactions\s+1\s+1\s+0/);
    expect(result.stdout).toMatch(/circuit breaker/);
    expect(result.stdout).toMatch(/Saved[^\n]*\n\s+inactiveActorMonths: disabled → 24 months\n\s+historyMonths: disabled → 24 months/);
    expect(result.stdout).toContain('Unchanged (already set): financialMonths');

    const after = await state();
    expect(after.settings).toEqual({ ...settings, inactiveActorMonths: 24, historyMonths: 24 });
    const added = after.audit.slice(0, after.audit.length - before.audit.length);
    expect(added.map((a) => [a.setting, a.oldValue, a.newValue, a.reason, a.changedBy]).reverse()).toEqual([
      ['inactiveActorMonths', 0, 24, 'switch the cleanup on', by],
      ['historyMonths', 0, 24, 'switch the cleanup on', by],
    ]);
    // Only settings changed: the what-if's dry runs left the library and the run records alone.
    expect(after.counts).toEqual(before.counts);
  });

  it('without --yes asks on stderr and aborts on "no" with exit 1, nothing changed', async () => {
    const before = await state();
    const result = await cli(['set', 'inactiveActorMonths=24', '--reason', 'try', '--as-of', AS_OF], 'no\n');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Actors newly due for removal: 2 of 3 actors');
    expect(result.stdout).not.toContain(PROMPT);
    expect(result.stderr).toContain(PROMPT);
    expect(result.stderr).toMatch(/nothing changed/);
    expect(await state()).toEqual(before);
  });

  it('a change beyond the circuit breaker asks a second time: the number of actors must be typed', async () => {
    const before = await state();
    // 2 of 3 actors newly due: far beyond 1 %.
    const wrong = await cli(['set', 'inactiveActorMonths=24', '--reason', 'try', '--as-of', AS_OF], 'yes\n1\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('This change makes 2 actors due for removal. Type 2 to confirm');
    expect(wrong.stderr).toMatch(/nothing changed/);
    expect(await state()).toEqual(before);
    const none = await cli(['set', 'inactiveActorMonths=24', '--reason', 'try', '--as-of', AS_OF], 'yes\n');
    expect(none.code).toBe(1);
    expect(await state()).toEqual(before);
    const right = await cli(['set', 'inactiveActorMonths=24', '--reason', 'second confirmation', '--as-of', AS_OF, '--json'], 'yes\n2\n');
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({ applied: true, whatIf: { exceedsBreaker: true, newlyDue: { actors: 2 } } });
    expect((await getSettings(t.db)).inactiveActorMonths).toBe(24);
    await cli(['set', `inactiveActorMonths=${before.settings.inactiveActorMonths}`, '--reason', 'back', '--as-of', AS_OF, '--yes']);
  });

  it('without --yes aborts at the end of input (empty stdin); --json prints one JSON object, prompts on stderr', async () => {
    const before = await state();
    const result = await cli(['set', 'inactiveActorMonths=24', '--reason', 'try', '--as-of', AS_OF, '--json'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(PROMPT);
    expect(result.stderr).toMatch(/nothing changed/);
    const out = JSON.parse(result.stdout) as Record<string, any>;
    expect(out).toMatchObject({ applied: false, changed: [] });
    expect(out.whatIf.newlyDue.actors).toBe(2);
    expect(await state()).toEqual(before);
  });

  it('without --yes applies on "yes"; --json gives the what-if and the applied changes, and nothing else on stdout', async () => {
    const result = await cli(['set', 'optOutLoanDays=90', 'historyMonths=24', '--reason', 'policy', '--as-of', AS_OF, '--json'], 'yes\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(PROMPT);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(result.stdout) as Record<string, any>;
    expect(out.whatIf).toMatchObject({
      asOf: AS_OF,
      actorsTotal: 3,
      newlyDue: { actors: 0, records: { loan_history: 1, holds: 1, memberships: 1, credentials: 0 } },
      current: { actors: 0, records: { financial_transactions: 1 } },
      changes: [
        { name: 'historyMonths', oldValue: 0, newValue: 24 },
        { name: 'optOutLoanDays', oldValue: 0, newValue: 90 },
      ],
      exceedsBreaker: false,
      isExact: true,
    });
    expect(out.applied).toBe(true);
    expect(out.changed).toEqual([
      { name: 'optOutLoanDays', oldValue: 0, newValue: 90 },
      { name: 'historyMonths', oldValue: 0, newValue: 24 },
    ]);
    expect(out.settings).toEqual({ ...settings, optOutLoanDays: 90, historyMonths: 24 });
    expect(await getSettings(t.db)).toEqual(out.settings);
    expect((await getSettingsAudit(t.db, { limit: 1 }))[0]).toMatchObject({ changedBy: by, reason: 'policy' });
  });
});

describe('retention settings show', () => {
  it('--json prints only JSON: the values and their details', async () => {
    const result = await cli(['show', '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { settings: Record<string, number>; details: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['settings', 'details']);
    expect(out.settings).toEqual(settings);
    expect(out.details.map((d) => d.name)).toEqual([...SETTING_NAMES]);
    expect(out.details[0]).toMatchObject({ name: 'inactiveActorMonths', value: 0, unit: 'months', disabled: true });
    expect(out.details[1]).toMatchObject({ name: 'financialMonths', value: 84, disabled: false, lastChangedBy: 'test' });
    expect(typeof out.details[1]!.drives).toBe('string');
  });

  it('without a subcommand prints a readable table', async () => {
    const result = await cli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/inactiveActorMonths\s+disabled\s+actor removal/);
    expect(result.stdout).toMatch(/financialMonths\s+84 months\s+financial transactions.*\d{4}-\d\d-\d\d \d\d:\d\d UTC by test/);
    expect(result.stdout).toMatch(/optOutLoanDays\s+disabled/);
  });
});
