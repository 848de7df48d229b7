import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { desc, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessLog } from '@/db/schema';
import { parseScenarioText } from '@/lib/scenario/schema';
import { runCli, SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { projectRows, selectOptionsOf, type SelectionExpectation } from './helpers/selections';

/*
 * `retention select` as a user runs it, in a child process: the hand-written extended scenario's
 * selection expectations (load, cleanup --until-done, select --json and --export), exit 2 naming
 * the option for every bad input, and the access-log entry of a command-line export.
 */
const t = await setupTestDatabase('selections_cli');
const file = path.join(SCENARIO_DIR, 'extended', 'requests-holds-selections.json');
const scenario = parseScenarioText(fs.readFileSync(file, 'utf8'));
const expectations = scenario.selectionExpectations as SelectionExpectation[];
const o = { databaseUrl: t.url };

const argvOf = (e: SelectionExpectation) => ['select', ...selectOptionsOf(e), '--as-of', e.asOf];

describe('retention select', () => {
  it('meets the extended scenario\u2019s selection expectations after cleanup until done', async () => {
    const dates = [...new Set(expectations.map((e) => e.asOf))];
    for (const asOf of dates) {
      expect((await runCli(['load', file, '--replace'], o)).code).toBe(0);
      const cleanup = await runCli(['cleanup', '--as-of', asOf, '--until-done', '--json'], o);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      for (const e of expectations.filter((x) => x.asOf === asOf)) {
        const out = await runCli([...argvOf(e), '--json'], o);
        expect(out.code, out.stderr).toBe(0);
        if (e.result) expect(JSON.parse(out.stdout)).toMatchObject(e.result);
        for (const set of ['customers', 'items'] as const) {
          if (!e[set]) continue;
          const csv = await runCli([...argvOf(e), '--export', set], o);
          expect(csv.code, csv.stderr).toBe(0);
          expect(projectRows(parseCsv(csv.stdout, { columns: true }), e[set]!)).toEqual(e[set]);
        }
      }
    }
  }, 600_000);

  it('writes a command-line export to the access log as `cli`', async () => {
    const out = await runCli(['select', '--instance', '1', '--export', 'customers', '--columns', 'email,name'], o);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('actor_id,membership,loan_history_opt_in,registered_on,loans,email,name');
    expect(out.stderr).toMatch(/customers exported \(written to the access log\)/);
    const [entry] = await t.db.select().from(accessLog).where(isNotNull(accessLog.exportDetails)).orderBy(desc(accessLog.id)).limit(1);
    expect(entry).toMatchObject({ callerKind: 'cli', via: 'cli', actorId: null });
    expect(entry!.callerLabel).toMatch(/^cli /);
    expect(entry!.exportDetails).toMatchObject({ set: 'customers', instanceId: 1, columns: expect.arrayContaining(['email', 'name']), complete: true });
    expect(entry!.exportDetails!.rows).toBe(out.stdout.trim().split('\n').length - 1);
  }, 120_000);

  it.each([
    [['select'], /--instance is needed/],
    [['select', '--instance', 'x'], /--instance must be a positive whole number/],
    [['select', '--instance', '999'], /--instance names no instance/],
    [['select', '--instance', '1', '--membership', 'active'], /--membership must be one of/],
    [['select', '--instance', '1', '--opt-in', 'true'], /--opt-in must be yes or no/],
    [['select', '--instance', '1', '--borrowed-from', '2024-01-01'], /--borrowed-to is needed with --borrowed-from/],
    [['select', '--instance', '1', '--borrowed-from', '2024-02-01', '--borrowed-to', '2024-01-01'], /--borrowed-to must not be before --borrowed-from/],
    [['select', '--instance', '1', '--export', 'items'], /--borrowed-from the items export needs a borrowing period/],
    [['select', '--instance', '1', '--export', 'customers', '--columns', 'name,name'], /--columns "name" is asked for more than once/],
    [['select', '--instance', '1', '--export', 'customers', '--columns', 'shoe_size'], /--columns "shoe_size" is not a column/],
    [['select', '--instance', '1', '--export', 'people'], /--export must be one of customers, items/],
    [['select', '--instance', '1', '--columns', 'name'], /--columns needs --export/],
  ])('exits 2 for %j', async (argv, message) => {
    const out = await runCli(argv, o);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe('');
  }, 120_000);
});
