import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '@/lib/scenario/schema';
import { runCli, SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { matchesExpectation, type Expectation } from './helpers/expectations';

/*
 * The actor-report expectations of the hand-written extended scenario (removal requests, legal
 * holds) through the command line as a user runs it: `load`, `cleanup --as-of D --until-done` and
 * `actor … --as-of D --json` (the database path and the pure engine are in scenario-db and
 * requests-rules).
 */
const t = await setupTestDatabase('requests_cli');
const file = path.join(SCENARIO_DIR, 'extended', 'requests-holds-selections.json');
const scenario = parseScenarioText(fs.readFileSync(file, 'utf8'));
const expectations = (scenario.expectations ?? []) as Expectation[];
const o = { databaseUrl: t.url };

async function reports(asOf: string, ids: number[]) {
  const out = await runCli(['actor', ...ids.map(String), '--as-of', asOf, '--json'], o);
  expect(out.code, out.stderr).toBe(0);
  return out.stdout.trim().split('\n').map((line) => JSON.parse(line) as { actorId: number });
}

function byDate(list: Expectation[]) {
  const groups = new Map<string, Expectation[]>();
  for (const e of list) groups.set(e.asOf, [...(groups.get(e.asOf) ?? []), e]);
  return groups;
}

describe('requests and holds through the command line', () => {
  it('every expectation before and after cleanups', async () => {
    const load = await runCli(['load', file, '--replace'], o);
    expect(load.code, load.stderr).toBe(0);
    for (const [asOf, list] of byDate(expectations.filter((e) => !e.afterCleanup))) {
      const got = await reports(asOf, list.map((e) => e.actorId));
      list.forEach((e, i) => matchesExpectation(got[i] as never, e));
    }
    for (const [asOf, list] of byDate(expectations.filter((e) => e.afterCleanup))) {
      expect((await runCli(['load', file, '--replace'], o)).code).toBe(0);
      const cleanup = await runCli(['cleanup', '--as-of', asOf, '--until-done', '--json'], o);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      const got = await reports(asOf, list.map((e) => e.actorId));
      list.forEach((e, i) => matchesExpectation(got[i] as never, e));
    }
  }, 600_000);
});
