import { CATEGORIES, type CategoryId } from './categories';
import type { IsoDate } from './dates';
import type { ActorEvaluation } from './report';

/*
 * The forecast (RETENTION.md, "Forecast") as a pure function over actor evaluations: what the
 * rules will process in each coming month if nothing changes (no new data, the settings as they
 * are, a run every day, a member now stays one). Every record goes on its day of going (the
 * evaluation's `goDate`, never before the as-of date D); what goes on D is the backlog, `dueNow`;
 * what goes on a later day of the horizon's months counts in that day's month. This is the model
 * the database forecast is tested against.
 */

export type ForecastCounts = Partial<Record<CategoryId, { deleted: number; anonymized: number }>>;
export type ForecastMonth = { month: string; actorsRemoved: number; records: ForecastCounts };
export type Forecast = {
  asOf: IsoDate;
  months: number;
  dueNow: { actorsRemoved: number; records: ForecastCounts };
  forecast: ForecastMonth[];
};

/** The horizon's months, `YYYY-MM`, D's month first. */
export function forecastMonths(asOf: IsoDate, months: number): string[] {
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

function add(counts: ForecastCounts, category: CategoryId, n: number): void {
  const c = (counts[category] ??= { deleted: 0, anonymized: 0 });
  // Erased personal details count as deleted, as in a run's summary.
  if (CATEGORIES[category].action === 'anonymize') c.anonymized += n;
  else c.deleted += n;
}

/**
 * Accumulates the forecast of many actors: one evaluation (on D) at a time, or, from the retention
 * schedule, a number of records of a category (or of actors removed) going on a day. A day on or
 * before D is the backlog (`dueNow`); a later day counts in its month when the horizon holds it.
 * A negative number takes away (the schedule's correction for actors planned anew).
 */
export function createForecastModel(asOf: IsoDate, months: number) {
  const result: Forecast = {
    asOf,
    months,
    dueNow: { actorsRemoved: 0, records: {} },
    forecast: forecastMonths(asOf, months).map((month) => ({ month, actorsRemoved: 0, records: {} })),
  };
  const index = new Map(result.forecast.map((m, i) => [m.month, i]));
  const bucket = (day: IsoDate) => (day <= asOf ? result.dueNow : result.forecast[index.get(day.slice(0, 7)) ?? -1]);
  const addRecords = (day: IsoDate, category: CategoryId, n: number) => {
    const b = bucket(day);
    if (b) add(b.records, category, n);
  };
  const addRemovals = (day: IsoDate, n: number) => {
    const b = bucket(day);
    if (b) b.actorsRemoved += n;
  };
  return {
    add(evaluation: ActorEvaluation): void {
      for (const record of evaluation.records) if (record.goDate !== null) addRecords(record.goDate, record.category, 1);
      const removal = evaluation.report.removal.date;
      if (removal !== null) addRemovals(removal, 1);
    },
    addRecords,
    addRemovals,
    result(): Forecast {
      // Categories a correction brought back to zero are left out, as categories with nothing.
      for (const b of [result.dueNow, ...result.forecast]) {
        for (const [id, c] of Object.entries(b.records)) if (c && c.deleted === 0 && c.anonymized === 0) delete b.records[id as CategoryId];
      }
      return result;
    },
  };
}
