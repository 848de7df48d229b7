import { getActorDataPageBulk } from '../../db/queries/actor-data';
import type { DbOrTx } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import type { IsoDate } from '../retention/dates';
import { createForecastModel, type Forecast } from '../retention/forecast';
import { evaluateActor } from '../retention/report';

/** The horizon of a forecast: 1 to 24 months, 12 unless asked (RETENTION.md, "Forecast"). */
export const FORECAST_DEFAULT_MONTHS = 12;
export const FORECAST_MAX_MONTHS = 24;

/**
 * The forecast of the library as it is held (RETENTION.md, "Forecast"): every actor evaluated by
 * the rules engine on the as-of date, page by page in one repeatable-read snapshot, and summed by
 * the model of lib/retention/forecast.ts. It reads the whole library, so it takes seconds on a
 * large one; the retention schedule (issue: "A run costs what is due") is to make today's forecast
 * a read of kept figures.
 */
export async function computeForecast(db: DbOrTx, params: { asOf: IsoDate; months: number; pageSize?: number }): Promise<Forecast> {
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
