import { longCsv } from '@/lib/reports/deleted-per-day';
import { parseDeletedPerDayQuery } from '@/lib/validation/reports';
import { apiHandler, json } from '@/server/api/handler';
import { retentionToday } from '@/lib/env';
import { getDeletedPerDayReport } from '@/server/data/reports';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/reports/deleted-per-day?from=D&to=D[&format=csv]: records deleted and anonymized per
 * day and category (`actors` = actors removed), sorted by date then category, only days and
 * categories with counts; default the last 30 days up to today; any length.
 */
export const GET = apiHandler('reports.read', async (request) => {
  const query = parseDeletedPerDayQuery(new URL(request.url), retentionToday());
  const rows = await getDeletedPerDayReport(query);
  if (query.format === 'csv') {
    return new Response(longCsv(rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="deleted-per-day_${query.from}_${query.to}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  }
  return json(rows);
});
