import { getActorDataPageBulk } from '../../db/queries/actor-data';
import type { Db, DbOrTx } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { sumSchedule } from '../cleanup/schedule-sums';
import type { IsoDate } from '../retention/dates';
import { createForecastModel, type Forecast } from '../retention/forecast';
import { evaluateActor } from '../retention/report';

/** The horizon of a forecast: 1 to 24 months, 12 unless asked (RETENTION.md, "Forecast"). */
export const FORECAST_DEFAULT_MONTHS = 12;
export const FORECAST_MAX_MONTHS = 24;

/**
 * The forecast of the library as it is held (RETENTION.md, "Forecast"), summed over the retention
 * schedule (lib/cleanup/schedule.ts): the kept per-day totals, corrected for the actors changed
 * since the last run or whose plan does not hold on the as-of date, which are planned on the fly.
 * So it costs the days of the horizon and the changed actors, whatever the date or horizon. While
 * the schedule is being rebuilt (after a settings change) it walks the library instead.
 */
export async function computeForecast(db: Db, params: { asOf: IsoDate; months: number }): Promise<Forecast> {
  return (await forecastFromSchedule(db, params)) ?? walkForecast(db, params);
}

/**
 * The forecast summed over the retention schedule, or `null` while the schedule is being rebuilt
 * (the screens then say so instead of walking the whole library on every page view).
 */
export async function forecastFromSchedule(db: Db, params: { asOf: IsoDate; months: number }): Promise<Forecast | null> {
  const client = await db.$client.connect();
  try {
    return (await sumSchedule(client, { asOf: params.asOf, months: params.months }))?.forecast ?? null;
  } finally {
    client.release();
  }
}

/**
 * The forecast by evaluating every actor with the rules engine on the as-of date, page by page in
 * one repeatable-read snapshot, summed by the model of lib/retention/forecast.ts. It reads the
 * whole library: the fallback while the schedule is rebuilt, and the yardstick the schedule's
 * forecast is tested against.
 */
export async function walkForecast(db: DbOrTx, params: { asOf: IsoDate; months: number; pageSize?: number }): Promise<Forecast> {
  return db.transaction(
    async (tx) => {
      const settings = await getSettings(tx);
      const model = createForecastModel(params.asOf, params.months);
      let after = 0;
      for (;;) {
        const page = await getActorDataPageBulk(tx, after, params.pageSize ?? 5000);
        for (const data of page) model.add(evaluateActor(data, settings, params.asOf));
        if (page.length === 0) break;
        after = page.at(-1)!.actorId;
      }
      return model.result();
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
