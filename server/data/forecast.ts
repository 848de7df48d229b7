import 'server-only';
import { retentionToday } from '@/lib/env';
import { computeForecast, FORECAST_DEFAULT_MONTHS, forecastFromSchedule } from '@/lib/forecast/forecast';
import { buildForecastView, type ForecastView } from '@/lib/forecast/view';
import type { IsoDate } from '@/lib/retention/dates';
import type { Forecast } from '@/lib/retention/forecast';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

/** The forecast for a caller who may read reports (checked by the route or page). */
export async function getForecast(params: { asOf: IsoDate; months: number }): Promise<Forecast> {
  return computeForecast(await getServerDb(), params);
}

/**
 * The forecast panel's data (/reports, /cleanup): the coming 12 months from today (in
 * RETENTION_TIME_ZONE), the same forecast GET forecast gives for the day, by category family.
 * `asOf` is for tests; the screens always ask for today. Needs `reports.read`. `null` while the
 * retention schedule is being rebuilt after a settings change.
 */
export async function getForecastView(params: { asOf?: IsoDate } = {}): Promise<ForecastView | null> {
  await requirePermission('reports.read');
  // While a settings change is being re-planned the screens wait for it (the job panel says how far
  // it is) rather than walk the whole library on every page view; GET forecast still answers.
  const forecast = await forecastFromSchedule(await getServerDb(), { asOf: params.asOf ?? retentionToday(), months: FORECAST_DEFAULT_MONTHS });
  return forecast ? buildForecastView(forecast) : null;
}
