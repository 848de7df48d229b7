/*
 * The forecast model (lib/retention/forecast.ts) against the `forecastExpectations` of the extended
 * scenario files (INTERFACES.md: "a forecast expectation holds when every field it gives equals the
 * forecast on a fresh load (no cleanup) … a forecast's left-out category counts as zeros"), and the
 * spec's sums: `dueNow` equals one complete run's work on the as-of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createForecastModel, forecastMonths, type Forecast } from '@/lib/retention/forecast';
import { evaluateActor } from '@/lib/retention/report';
import { DISABLED_SETTINGS } from '@/lib/retention/settings';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { parseScenarioText } from '@/lib/scenario/schema';
import { normalizedForecast as normalized } from './helpers/forecast';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
].filter((f) => (JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, f), 'utf8')).forecastExpectations ?? []).length > 0);

describe('forecastMonths', () => {
  it('starts with the as-of month and crosses the year', () => {
    expect(forecastMonths('2026-11-22', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(forecastMonths('2024-02-29', 1)).toEqual(['2024-02']);
  });
});

describe.each(files)('%s: the forecast model', (file) => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const expectations = scenario.forecastExpectations as { asOf: string; months: number; result: Partial<Forecast> }[];
  it.each(expectations.map((e) => [`${e.asOf}, ${e.months} months`, e] as const))('%s', (_label, e) => {
    const model = createForecastModel(e.asOf, e.months);
    for (const actor of scenario.actors) model.add(evaluateActor(scenarioActorToData(actor), settings, e.asOf));
    const got = normalized(model.result());
    expect(got).toMatchObject(normalized(e.result));
    expect(got.forecast).toHaveLength(e.months);
  });
});
