import type { IsoDate } from '../retention/dates';
import { countRecordsByFamily, emptyFamilyCounts, FAMILY_IDS, sumFamilyCounts, type FamilyCounts } from '../retention/families';
import type { Forecast } from '../retention/forecast';

/*
 * The forecast as the screens show it: records per category family (deleted and anonymized
 * together) and actors removed, per month, with what is due now apart and the horizon's totals.
 * Pure, so the panel's numbers can be checked against the forecast they come from.
 */

/** Records per family, their sum, and the actors removed, for one month or for what is due now. */
export type ForecastViewCounts = { records: FamilyCounts; recordsTotal: number; actorsRemoved: number };

export type ForecastView = {
  asOf: IsoDate;
  months: number;
  /** What one complete run on the as-of date processes (the backlog). */
  dueNow: ForecastViewCounts;
  /** One entry per month of the horizon (`YYYY-MM`), the as-of date's month first. */
  entries: (ForecastViewCounts & { month: string })[];
  /** The entries summed (dueNow not included). */
  totals: ForecastViewCounts;
  /** False when no month of the horizon has a record or an actor going. */
  hasAnythingAhead: boolean;
};

function countsOf(part: Forecast['dueNow']): ForecastViewCounts {
  const records = countRecordsByFamily(part.records);
  return { records, recordsTotal: sumFamilyCounts(records), actorsRemoved: part.actorsRemoved };
}

/** The screen's view of a forecast: its per-category counts folded into families. */
export function buildForecastView(forecast: Forecast): ForecastView {
  const entries = forecast.forecast.map((m) => ({ month: m.month, ...countsOf(m) }));
  const totals: ForecastViewCounts = { records: emptyFamilyCounts(), recordsTotal: 0, actorsRemoved: 0 };
  for (const e of entries) {
    for (const family of FAMILY_IDS) totals.records[family] += e.records[family];
    totals.recordsTotal += e.recordsTotal;
    totals.actorsRemoved += e.actorsRemoved;
  }
  return {
    asOf: forecast.asOf,
    months: forecast.months,
    dueNow: countsOf(forecast.dueNow),
    entries,
    totals,
    hasAnythingAhead: totals.recordsTotal > 0 || totals.actorsRemoved > 0,
  };
}
