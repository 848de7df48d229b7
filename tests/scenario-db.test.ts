import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getActorReport, getActorReportLogged } from '@/lib/actors/get-actor-report';
import { countDue } from '@/lib/cleanup/count-due';
import { runCleanup } from '@/lib/cleanup/run';
import { runCleanupUntilDone } from '@/lib/cleanup/until-done';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import type { FoundActorReport } from '@/lib/retention/types';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText, type Scenario } from '@/lib/scenario/schema';
import { setupTestDatabase } from './helpers/db';
import { matchesExpectation, type Expectation } from './helpers/expectations';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
// The scenario files, and those with the newer fields (removal requests, legal holds) in extended/.
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
];
const t = await setupTestDatabase('scenarios');

async function freshLoad(scenario: Scenario) {
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'scenario test' });
}

describe.each(files)('%s through the database', (file) => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const expectations = (scenario.expectations ?? []) as Expectation[];
  const groups = new Map<string, Expectation[]>();
  for (const e of expectations) {
    const key = `${e.asOf}|${e.afterCleanup}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }

  it.each([...groups.entries()])('expectations %s', async (_key, list) => {
    const { asOf, afterCleanup } = list[0]!;
    await freshLoad(scenario);
    if (afterCleanup) {
      const runs = await runCleanupUntilDone(t.db, { asOf, trigger: 'test' });
      expect(runs.at(-1)!.errors).toBe(0);
      // A run that completes leaves nothing due: the second run processed nothing.
      expect(runs.length).toBeLessThanOrEqual(2);
    }
    for (const expectation of list) {
      const report = await getActorReport(t.db, expectation.actorId, expectation.asOf);
      matchesExpectation(report, expectation);
      // The API's lookup (one statement with its access-log entry) reads the same report.
      const logged = await getActorReportLogged(t.db, { caller: { kind: 'cli', label: 'cli scenario' }, actorId: expectation.actorId, asOf: expectation.asOf, via: 'api' });
      expect(logged).toEqual(report);
    }
  });

  const dates = [...new Set(expectations.map((e) => e.asOf)), '2020-01-01', '2026-11-23', '2040-06-30'];
  it.each(dates)('the reports\u2019 due counts add up to one run on %s (and the dry run and countDue say the same)', async (asOf) => {
    await freshLoad(scenario);
    const due: Record<string, number> = {};
    let actorsDue = 0;
    for (const actor of scenario.actors) {
      const report = (await getActorReport(t.db, actor.actorId, asOf)) as FoundActorReport;
      for (const id of CATEGORY_IDS) due[id] = (due[id] ?? 0) + report.categories[id].due;
      if (report.removal.date === asOf) actorsDue += 1;
    }
    const counted = await countDue(t.db, { asOf, rangeActors: 7 });
    expect(counted.records).toEqual(due);
    expect(counted.actors).toBe(actorsDue);
    const dry = await runCleanup(t.db, { asOf, trigger: 'test', dryRun: true });
    const real = await runCleanup(t.db, { asOf, trigger: 'test' });
    const processed = (s: typeof real) =>
      Object.fromEntries(CATEGORY_IDS.map((id) => [id, (s.records[id]?.deleted ?? 0) + (s.records[id]?.anonymized ?? 0)]));
    expect(processed(real)).toEqual(due);
    expect(real.actorsRemoved).toBe(actorsDue);
    expect(dry.records).toEqual(real.records);
    expect(dry.actorsRemoved).toBe(real.actorsRemoved);
    expect(dry.skipped).toEqual(real.skipped);
    const again = await runCleanup(t.db, { asOf, trigger: 'test' });
    expect(again.recordsProcessed).toBe(0);
    expect(again.actorsRemoved).toBe(0);
  });
});
