import { backlogQuerySchema, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getCleanupBacklogHistory } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/cleanup/backlog?days=N (default 14): the backlog's burn-down, one entry per day up to
 * today: the backlog counted after the day's last run (null without one) and what was processed.
 */
export const GET = apiHandler('cleanup.read', async (request) => {
  const query = parseQuery(new URL(request.url), backlogQuerySchema);
  return json(await getCleanupBacklogHistory(query.days ?? 14));
});
