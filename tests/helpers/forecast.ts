import type { Forecast, ForecastCounts } from '@/lib/retention/forecast';

/** Counts without the zero entries, so a left-out category and zeros compare equal (INTERFACES.md). */
export function nonZero(counts: ForecastCounts | undefined): ForecastCounts {
  return Object.fromEntries(Object.entries(counts ?? {}).filter(([, c]) => c.deleted !== 0 || c.anonymized !== 0));
}

/** A forecast (or a partial one of an expectation) with the zero entries of its counts left out. */
export function normalizedForecast(f: Partial<Forecast>) {
  return {
    ...f,
    ...(f.dueNow ? { dueNow: { ...f.dueNow, records: nonZero(f.dueNow.records) } } : {}),
    ...(f.forecast ? { forecast: f.forecast.map((m) => ({ ...m, records: nonZero(m.records) })) } : {}),
  };
}
