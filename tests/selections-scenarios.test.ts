/*
 * The `selectionExpectations` of every scenario file (INTERFACES.md, "Scenario file"): after a fresh
 * load and `cleanup --as-of <asOf> --until-done`, the selection's JSON holds every field given and
 * the customers and items exports equal, row for row, the given columns. Through the command line's
 * code path: the arguments are parsed by `parseSelectArgs` as `retention select …` would be, and
 * the counts and exports come from the functions `selectCommand` calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseSelectArgs } from '@/cli/commands/select';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText, type Scenario } from '@/lib/scenario/schema';
import { openSelectionExport } from '@/lib/selections/export';
import { getSelection } from '@/lib/selections/select';
import { setupTestDatabase } from './helpers/db';
import { projectRows, selectOptionsOf, type SelectionExpectation } from './helpers/selections';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
].filter((f) => (JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, f), 'utf8')).selectionExpectations ?? []).length > 0);

const t = await setupTestDatabase('selections_scenarios');

/** `retention select` arguments for an expectation's selection. */
const argvOf = (e: SelectionExpectation, extra: string[] = []) => [...selectOptionsOf(e), '--as-of', e.asOf, ...extra];

async function exportRows(e: SelectionExpectation, set: 'customers' | 'items'): Promise<Record<string, string>[]> {
  const args = parseSelectArgs(argvOf(e, ['--export', set]));
  if (args.kind !== 'export') throw new Error('not an export');
  const { set: s, columns, ...query } = args.request;
  const exp = await openSelectionExport(t.db, t.db.$client, { query, set: s, columns, caller: { kind: 'cli', label: 'cli test' }, via: 'cli' });
  const csv = await text(exp.stream);
  await exp.done;
  return parseCsv(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe.each(files)('%s: selections after cleanup until done', (file) => {
  const scenario: Scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const expectations = scenario.selectionExpectations as SelectionExpectation[];
  const byDate = new Map<string, SelectionExpectation[]>();
  for (const e of expectations) byDate.set(e.asOf, [...(byDate.get(e.asOf) ?? []), e]);

  it.each([...byDate.entries()])('as of %s', async (asOf, list) => {
    await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'selection scenario test' });
    const runs = await runCleanupUntilDone(t.db, { asOf, trigger: 'test' });
    expect(runs.at(-1)!.errors).toBe(0);
    for (const e of list) {
      const label = JSON.stringify(e.selection);
      const args = parseSelectArgs(argvOf(e, ['--json']));
      if (args.kind !== 'counts') throw new Error('not counts');
      const selection = await getSelection(t.db, args.request);
      if (e.result) expect(selection, label).toMatchObject(e.result);
      if (e.customers) expect(projectRows(await exportRows(e, 'customers'), e.customers), `${label} customers`).toEqual(e.customers);
      if (e.items) expect(projectRows(await exportRows(e, 'items'), e.items), `${label} items`).toEqual(e.items);
    }
  });
});
