/*
 * The forecast from the database (lib/forecast/forecast.ts, `retention forecast`, GET forecast):
 * the extended scenarios' forecastExpectations on a fresh load; on a library where no membership
 * ends in the horizon, each month's entry equals what a cleanup at the end of that month processes
 * (and `dueNow` what a run on the as-of date processes); the API's roles and parameters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET } from '@/app/api/v1/forecast/route';
import { createApiToken } from '@/lib/auth/tokens';
import { runCleanup } from '@/lib/cleanup/run';
import { computeForecast, walkForecast } from '@/lib/forecast/forecast';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { addDays, addMonths } from '@/lib/retention/dates';
import type { Forecast } from '@/lib/retention/forecast';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText, type Scenario } from '@/lib/scenario/schema';
import { runCli, SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { nonZero, normalizedForecast as normalized } from './helpers/forecast';
import { pointServerAtDatabase } from './helpers/next-request';

const t = await setupTestDatabase('forecast_db');
pointServerAtDatabase(t.url);

const read = (file: string) => parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
const load = (scenario: Scenario) => loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'forecast test' });

describe.each(['extended/generated-requests.json', 'extended/requests-holds-selections.json'])('%s', (file) => {
  const scenario = read(file);
  const expectations = scenario.forecastExpectations as { asOf: string; months: number; result: Partial<Forecast> }[];
  it.each(expectations.map((e) => [`${e.asOf}, ${e.months} months`, e] as const))('meets the forecast expectation %s on a fresh load', async (_l, e) => {
    await load(scenario);
    const got = await computeForecast(t.db, { asOf: e.asOf, months: e.months });
    expect(normalized(got)).toMatchObject(normalized(e.result));
    // The schedule's sums equal the rules engine walking every actor.
    const walked = await walkForecast(t.db, { asOf: e.asOf, months: e.months, pageSize: 7 });
    expect(normalized(got)).toEqual(normalized(walked));
  });
});

describe('the forecast against monthly cleanups', () => {
  it.each([
    ['generated-typical.json', '2026-11-22', 14],
    ['generated-short.json', '2024-06-30', 8],
  ])('%s from %s: each month\u2019s entry is what a cleanup at the end of that month processes', async (file, asOf, months) => {
    const scenario = read(file);
    const horizonEnd = addDays(addMonths(`${asOf.slice(0, 7)}-01`, months), -1);
    // Members stay members (the forecast's assumption): leave out actors whose membership ends in the horizon.
    const ends = (a: Scenario['actors'][number]) => a.roles.some((r) => (r.type === 'ABON' || r.type === 'EDUV') && r.endDate != null && r.endDate > asOf && r.endDate <= horizonEnd);
    const kept = { ...scenario, actors: scenario.actors.filter((a) => !ends(a)), expectations: [] };
    expect(kept.actors.length).toBeGreaterThan(30);
    await load(kept);
    const forecast = await computeForecast(t.db, { asOf, months });
    const processed = (s: Awaited<ReturnType<typeof runCleanup>>) =>
      nonZero(Object.fromEntries(CATEGORY_IDS.map((id) => [id, { deleted: s.records[id]?.deleted ?? 0, anonymized: s.records[id]?.anonymized ?? 0 }])));
    const first = await runCleanup(t.db, { asOf, trigger: 'test' });
    expect({ actorsRemoved: first.actorsRemoved, records: processed(first) }).toEqual({ actorsRemoved: forecast.dueNow.actorsRemoved, records: nonZero(forecast.dueNow.records) });
    let somethingLater = false;
    for (const entry of forecast.forecast) {
      const lastDay = addDays(addMonths(`${entry.month}-01`, 1), -1);
      const run = await runCleanup(t.db, { asOf: lastDay, trigger: 'test' });
      expect({ month: entry.month, actorsRemoved: run.actorsRemoved, records: processed(run) }).toEqual({ month: entry.month, actorsRemoved: entry.actorsRemoved, records: nonZero(entry.records) });
      somethingLater ||= run.recordsProcessed > 0;
    }
    expect(somethingLater).toBe(true);
  }, 120_000);
});

describe('retention forecast and GET forecast', () => {
  it('gives the same JSON on the command line and over the API, by role', async () => {
    await load(read('extended/requests-holds-selections.json'));
    const cli = await runCli(['forecast', '--as-of', '2026-01-15', '--months', '24', '--json'], { databaseUrl: t.url });
    expect(cli.code, cli.stderr).toBe(0);
    const BY = { label: 'forecast test', userId: null };
    const token = async (role: 'manager' | 'ops' | 'support' | 'admin') => (await createApiToken(t.db, { role, name: role, by: BY })).token;
    const call = async (query: string, bearer?: string) =>
      GET(new Request(`http://localhost/api/v1/forecast?${query}`, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} }), {});
    const manager = await token('manager');
    const api = await call('asOf=2026-01-15&months=24', manager);
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual(JSON.parse(cli.stdout));
    expect((await call('asOf=2026-01-15', await token('ops'))).status).toBe(200);
    expect((await call('asOf=2026-01-15', await token('admin'))).status).toBe(200);
    expect((await call('asOf=2026-01-15', await token('support'))).status).toBe(403);
    expect((await call('asOf=2026-01-15')).status).toBe(401);
    const twelve = await (await call('asOf=2026-01-15', manager)).json();
    expect(twelve.months).toBe(12);
    expect(twelve.forecast.map((m: { month: string }) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2026-01-01', i).slice(0, 7)));
    for (const [query, parameter] of [['months=0', 'months'], ['months=25', 'months'], ['months=x', 'months'], ['asOf=2026-02-30', 'asOf'], ['horizon=3', 'horizon']] as const) {
      const bad = await call(query, manager);
      expect(bad.status, query).toBe(400);
      expect((await bad.json()).error.parameter, query).toBe(parameter);
    }
    const badCli = await runCli(['forecast', '--months', '25'], { databaseUrl: t.url });
    expect(badCli.code).toBe(2);
    expect(badCli.stderr).toMatch(/--months must be a whole number from 1 to 24/);
  }, 120_000);
});
