import { buildDayTable, wideCsv } from '@/lib/reports/deleted-per-day';
import { parseDeletedPerDayTableQuery } from '@/lib/validation/reports';
import { apiHandler } from '@/server/api/handler';
import { retentionToday } from '@/lib/env';
import { getDeletedPerDayReport } from '@/server/data/reports';

export const dynamic = 'force-dynamic';

/**
 * GET /reports/deleted-per-day.csv?from=D&to=D: the screen's table as CSV (one row per day of the
 * range, zeros included, a column per category and kind with a count, actors removed last), from
 * the same query and the same table builder as the screen. Same permission and parameters as the API.
 */
export const GET = apiHandler('reports.read', async (request) => {
  const range = parseDeletedPerDayTableQuery(new URL(request.url), retentionToday());
  const table = buildDayTable(await getDeletedPerDayReport(range), range.from, range.to);
  return new Response(wideCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deleted-per-day-table_${range.from}_${range.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
