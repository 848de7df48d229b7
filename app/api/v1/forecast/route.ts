import { retentionToday } from '@/lib/env';
import { FORECAST_DEFAULT_MONTHS } from '@/lib/forecast/forecast';
import { forecastQuerySchema, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getForecast } from '@/server/data/forecast';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/forecast?asOf=D&months=N (manager, ops, admin): what the rules will process in each
 * coming month (INTERFACES.md, "Forecast"): `{ asOf, months, dueNow, forecast: [{ month,
 * actorsRemoved, records }] }`, one entry per month from the as-of date's month on. 400 naming
 * `asOf` or `months` (1 to 24).
 */
export const GET = apiHandler('reports.read', async (request) => {
  const query = parseQuery(new URL(request.url), forecastQuerySchema);
  return json(await getForecast({ asOf: query.asOf ?? retentionToday(), months: query.months ?? FORECAST_DEFAULT_MONTHS }));
});
