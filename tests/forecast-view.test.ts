/*
 * The forecast panel's data: buildForecastView (lib/forecast/view.ts) folds a forecast into
 * families with the months, what is due now and the totals; getForecastView (server/data) gives
 * it for today's 12 months from the database, the same numbers as GET forecast for the day, and
 * only to a caller who may read reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./helpers/next-request')).nextHeadersMock);
vi.mock('next/navigation', async () => (await import('./helpers/next-request')).nextNavigationMock);
vi.mock('next/cache', async () => (await import('./helpers/next-request')).nextCacheMock);

import { GET } from '@/app/api/v1/forecast/route';
import { createApiToken } from '@/lib/auth/tokens';
import { retentionToday } from '@/lib/env';
import { computeForecast } from '@/lib/forecast/forecast';
import { buildForecastView } from '@/lib/forecast/view';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { FAMILY_IDS } from '@/lib/retention/families';
import type { Forecast } from '@/lib/retention/forecast';
import { loadScenario } from '@/lib/scenario/load';
import { parseScenarioText } from '@/lib/scenario/schema';
import { getForecastView } from '@/server/data/forecast';
import { replanSchedule } from '@/lib/cleanup/run';
import { SCENARIO_DIR } from './helpers/cli';
import { setupTestDatabase } from './helpers/db';
import { pointServerAtDatabase, runAs } from './helpers/next-request';

describe('buildForecastView', () => {
  const forecast: Forecast = {
    asOf: '2026-12-06',
    months: 3,
    dueNow: { actorsRemoved: 2, records: { holds: { deleted: 4, anonymized: 0 }, loan_history: { deleted: 0, anonymized: 9 } } },
    forecast: [
      { month: '2026-12', actorsRemoved: 1, records: { marketing: { deleted: 5, anonymized: 0 }, ksm: { deleted: 1, anonymized: 0 } } },
      { month: '2027-01', actorsRemoved: 0, records: {} },
      { month: '2027-02', actorsRemoved: 3, records: { financial_transactions: { deleted: 2, anonymized: 0 }, personal_details: { deleted: 3, anonymized: 0 } } },
    ],
  };

  it('folds each month and what is due now into families, and sums the months (not what is due now)', () => {
    const view = buildForecastView(forecast);
    expect(view.asOf).toBe('2026-12-06');
    expect(view.months).toBe(3);
    expect(view.dueNow).toEqual({ records: { loans: 9, financial: 0, account: 0, contact: 0, service: 4 }, recordsTotal: 13, actorsRemoved: 2 });
    expect(view.entries.map((e) => e.month)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(view.entries[0]).toEqual({ month: '2026-12', records: { loans: 0, financial: 0, account: 0, contact: 6, service: 0 }, recordsTotal: 6, actorsRemoved: 1 });
    expect(view.entries[1]).toEqual({ month: '2027-01', records: { loans: 0, financial: 0, account: 0, contact: 0, service: 0 }, recordsTotal: 0, actorsRemoved: 0 });
    expect(view.totals).toEqual({ records: { loans: 0, financial: 2, account: 3, contact: 6, service: 0 }, recordsTotal: 11, actorsRemoved: 4 });
    expect(view.hasAnythingAhead).toBe(true);
  });

  it('has nothing ahead when every month is zero, whatever is due now', () => {
    const quiet = { ...forecast, forecast: forecast.forecast.map((m) => ({ ...m, actorsRemoved: 0, records: {} })) };
    const view = buildForecastView(quiet);
    expect(view.hasAnythingAhead).toBe(false);
    expect(view.dueNow.recordsTotal).toBe(13);
    // Actors alone count as something ahead.
    expect(buildForecastView({ ...quiet, forecast: [{ month: '2026-12', actorsRemoved: 1, records: {} }] }).hasAnythingAhead).toBe(true);
  });
});

describe('getForecastView', async () => {
  const t = await setupTestDatabase('forecast_view');
  pointServerAtDatabase(t.url);
  const BY = { label: 'forecast view test', userId: null };
  const token = async (role: 'manager' | 'ops' | 'support' | 'admin') => (await createApiToken(t.db, { role, name: role, by: BY })).token;
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, 'extended/generated-requests.json'), 'utf8'));
  await loadScenario(t.db, scenario, { replace: true, by: 'test', reason: 'forecast view test' });
  const tokens = { manager: await token('manager'), ops: await token('ops'), admin: await token('admin'), support: await token('support') };
  const AS_OF = '2026-11-22';

  it('gives the forecast of GET forecast for the day, by family, to manager, ops and admin', async () => {
    const api = await GET(new Request(`http://localhost/api/v1/forecast?asOf=${AS_OF}`, { headers: { Authorization: `Bearer ${tokens.manager}` } }), {});
    expect(api.status).toBe(200);
    const fromApi = (await api.json()) as Forecast;
    for (const role of ['manager', 'ops', 'admin'] as const) {
      const { outcome } = await runAs({ bearer: tokens[role] }, () => getForecastView({ asOf: AS_OF }));
      expect(outcome.kind, role).toBe('value');
      if (outcome.kind !== 'value') continue;
      expect(outcome.value, role).toEqual(buildForecastView(fromApi));
    }
    const view = buildForecastView(fromApi);
    expect(view.months).toBe(12);
    expect(view.hasAnythingAhead).toBe(true);
    // Every record of every category is in one family: the families' sums are the categories' sums.
    const perCategory = (records: Forecast['dueNow']['records']) => CATEGORY_IDS.reduce((n, id) => n + (records[id]?.deleted ?? 0) + (records[id]?.anonymized ?? 0), 0);
    fromApi.forecast.forEach((m, i) => {
      expect(view.entries[i]!.recordsTotal, m.month).toBe(perCategory(m.records));
      expect(FAMILY_IDS.reduce((n, f) => n + view.entries[i]!.records[f], 0), m.month).toBe(perCategory(m.records));
    });
    expect(view.dueNow.recordsTotal).toBe(perCategory(fromApi.dueNow.records));
    expect(view.totals.recordsTotal).toBe(fromApi.forecast.reduce((n, m) => n + perCategory(m.records), 0));
  });

  it('is for today and the coming 12 months unless a test asks for a day', async () => {
    const { outcome } = await runAs({ bearer: tokens.ops }, () => getForecastView());
    expect(outcome.kind).toBe('value');
    if (outcome.kind !== 'value') return;
    const today = retentionToday();
    expect(outcome.value?.asOf).toBe(today);
    expect(outcome.value?.entries.map((e) => e.month)[0]).toBe(today.slice(0, 7));
    expect(outcome.value).toEqual(buildForecastView(await computeForecast(t.db, { asOf: today, months: 12 })));
  });

  it('is null while the schedule is being rebuilt (the screen says so; it does not walk the library on every view)', async () => {
    await t.db.$client.query('update cleanup_state set plan_rebuild_after = 0');
    try {
      const { outcome } = await runAs({ bearer: tokens.ops }, () => getForecastView({ asOf: AS_OF }));
      expect(outcome).toEqual({ kind: 'value', value: null });
    } finally {
      await replanSchedule(t.db, { asOf: AS_OF });
    }
  });

  it('is refused to support and to nobody', async () => {
    expect((await runAs({ bearer: tokens.support }, () => getForecastView({ asOf: AS_OF }))).outcome).toEqual({ kind: 'redirect', url: '/forbidden' });
    expect((await runAs({}, () => getForecastView({ asOf: AS_OF }))).outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/login/) });
  });
});
