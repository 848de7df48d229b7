/*
 * What a settings change keeps longer (lib/settings/kept-longer.ts, in the settings what-if): the
 * records and actors whose day of going moves later, and by how much, against the rules engine
 * evaluated actor by actor on the scenario itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeKeptLonger, lengthens } from '@/lib/settings/kept-longer';
import { computeSettingsWhatIf } from '@/lib/settings/what-if';
import type { CategoryId } from '@/lib/retention/categories';
import { evaluateActor } from '@/lib/retention/report';
import { DISABLED_SETTINGS, type RetentionSettings } from '@/lib/retention/settings';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';

const t = await setupTestDatabase('kept_longer');
const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, 'generated-typical.json'), 'utf8'));
const current = { ...DISABLED_SETTINGS, ...scenario.settings } as RetentionSettings;
const asOf = '2026-11-22';

beforeAll(async () => {
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'kept longer' });
});

/** The same figures, actor by actor from the scenario file. */
function expected(proposed: RetentionSettings) {
  const delays = new Map<string, number[]>();
  const never = new Map<string, number>();
  const add = (key: string, from: string | null, to: string | null) => {
    if (from === null) return;
    if (to === null) never.set(key, (never.get(key) ?? 0) + 1);
    else if (to > from) delays.set(key, [...(delays.get(key) ?? []), (Date.parse(to) - Date.parse(from)) / 86_400_000]);
    else return;
    if (!delays.has(key)) delays.set(key, []);
  };
  for (const actor of scenario.actors) {
    const data = scenarioActorToData(actor);
    const a = evaluateActor(data, current, asOf);
    const b = evaluateActor(data, proposed, asOf);
    a.records.forEach((r, i) => add(r.category, r.goDate, b.records[i]!.goDate));
    add('actors', a.report.removal.date, b.report.removal.date);
  }
  const summary = (key: string) => {
    const d = [...(delays.get(key) ?? [])].sort((x, y) => x - y);
    const n = never.get(key) ?? 0;
    return { count: d.length + n, typicalDays: d.length ? d[Math.ceil(d.length / 2) - 1]! : null, maxDays: d.length ? d.at(-1)! : null, never: n };
  };
  return summary;
}

describe('what a change keeps longer', () => {
  it('historyMonths 24 → 36: loans and the other history records go 12 months later', async () => {
    const proposed = { ...current, historyMonths: 36 };
    const got = await computeKeptLonger(t.db, { asOf, current, proposed, pageSize: 7 });
    const want = expected(proposed);
    expect(got.recordsTotal).toBeGreaterThan(0);
    for (const [category, delay] of Object.entries(got.records)) expect(delay, category).toEqual(want(category as CategoryId));
    expect(got.actors).toEqual(want('actors'));
    expect(got.records.loan_history?.typicalDays).toBeGreaterThanOrEqual(365);
  });

  it('financialMonths 84 → 0 (disabled): financial records no longer go, and actors kept by the archive are removed later', async () => {
    const proposed = { ...current, financialMonths: 0 };
    const got = await computeKeptLonger(t.db, { asOf, current, proposed });
    const want = expected(proposed);
    expect(got.records.financial_transactions).toEqual(want('financial_transactions'));
    expect(got.records.financial_transactions!.never).toBeGreaterThan(0);
    expect(got.actors).toEqual(want('actors'));
  });

  it('in the what-if only when a period gets longer', async () => {
    expect(lengthens(24, 36)).toBe(true);
    expect(lengthens(24, 0)).toBe(true);
    expect(lengthens(0, 24)).toBe(false);
    expect(lengthens(24, 12)).toBe(false);
    const shorter = await computeSettingsWhatIf(t.db, { changes: [{ name: 'historyMonths', value: 12 }], asOf });
    expect(shorter.keptLonger).toBeNull();
    const longer = await computeSettingsWhatIf(t.db, { changes: [{ name: 'historyMonths', value: 36 }], asOf });
    expect(longer.newlyDue.recordsTotal).toBe(0);
    expect(longer.keptLonger?.recordsTotal).toBeGreaterThan(0);
  });
});
