import { z } from 'zod';
import { REPORT_MAX_DAYS, resolveReportRange, type ReportRange } from '../reports/deleted-per-day';
import { apiDateSchema, BadParameterError, parseQuery } from './api';

/** `GET reports/deleted-per-day?from=D&to=D[&format=json|csv]`: every parameter optional, nothing else. */
export const deletedPerDayQuerySchema = z.strictObject({
  from: apiDateSchema.optional(),
  to: apiDateSchema.optional(),
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
});

/**
 * The query of the API: each value checked on its own (400 naming it), then the range as a whole
 * (from after to: 400 naming `from`). `today` is in the system time zone. No cap on the length:
 * the API lists only days with counts (one small indexed table, counts only), and a client that
 * wants a library's whole history should get it in one call, as the command line does.
 */
export function parseDeletedPerDayQuery(url: URL, today: string): ReportRange & { format: 'json' | 'csv' } {
  const query = parseQuery(url, deletedPerDayQuerySchema);
  return { ...checkedRange(query, today, undefined), format: query.format ?? 'json' };
}

/**
 * The screen's CSV of the table (`/reports/deleted-per-day.csv?from=D&to=D`): the screen's range
 * rules (a row for every day, so at most REPORT_MAX_DAYS, as the chart), no format.
 */
export function parseDeletedPerDayTableQuery(url: URL, today: string): ReportRange {
  return checkedRange(parseQuery(url, deletedPerDayQuerySchema.omit({ format: true })), today, REPORT_MAX_DAYS);
}

function checkedRange(query: { from?: string; to?: string }, today: string, maxDays: number | undefined): ReportRange {
  const range = resolveReportRange(query, today, { maxDays });
  if (!range.ok) throw new BadParameterError(range.parameter, range.message);
  return { from: range.from, to: range.to, days: range.days };
}
