import { parseQuery, runsQuerySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getCleanupRuns } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/cleanup/runs?limit=N&status=S&trigger=T&dryRun=true|false&from=D&to=D: the newest
 * runs that pass the filters (all runs when none is given), newest first, with their summaries
 * (counts only). The body stays the array of INTERFACES.md; `X-Total-Count` says how many runs pass
 * the filters in all, so a screen can say that older ones exist.
 */
export const GET = apiHandler('cleanup.read', async (request) => {
  const { limit, ...filter } = parseQuery(new URL(request.url), runsQuerySchema);
  const { runs, total } = await getCleanupRuns(limit ?? 20, filter);
  const response = json(runs);
  response.headers.set('X-Total-Count', String(total));
  return response;
});
