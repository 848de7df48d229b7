import 'server-only';
import { computeForecast } from '@/lib/forecast/forecast';
import type { IsoDate } from '@/lib/retention/dates';
import type { Forecast } from '@/lib/retention/forecast';
import { getServerDb } from '@/server/db';

/** The forecast for a caller who may read reports (checked by the route or page). */
export async function getForecast(params: { asOf: IsoDate; months: number }): Promise<Forecast> {
  return computeForecast(await getServerDb(), params);
}
