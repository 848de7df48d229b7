import { parseQuery, runsQuerySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getCleanupRuns } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** GET /api/v1/cleanup/runs?limit=N: recent runs, newest first, with their summaries (counts only). */
export const GET = apiHandler('cleanup.read', async (request) => {
  const query = parseQuery(new URL(request.url), runsQuerySchema);
  return json(await getCleanupRuns(query.limit ?? 20));
});
