import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { buildActorReport } from '@/lib/retention/report';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { parseScenarioText } from '@/lib/scenario/schema';
import { matchesExpectation, type Expectation } from './helpers/expectations';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const files = fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));

describe.each(files)('rules engine on %s, before any cleanup', (file) => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const expectations = (scenario.expectations ?? []) as Expectation[];
  const before = expectations.filter((e) => !e.afterCleanup);
  it.each(before.map((e) => [`${e.actorId} on ${e.asOf}`, e] as const))('%s', (_name, expectation) => {
    const actor = scenario.actors.find((a) => a.actorId === expectation.actorId);
    const report = actor
      ? buildActorReport(scenarioActorToData(actor), settings, expectation.asOf)
      : { actorId: expectation.actorId, asOf: expectation.asOf, found: false as const };
    matchesExpectation(report, expectation);
  });
});
