import { noQuerySchema, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getCleanupStatus } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** GET /api/v1/cleanup/status: state, the run in progress, last and next run, backlog with the time it was counted. */
export const GET = apiHandler('cleanup.read', async (request) => {
  parseQuery(new URL(request.url), noQuerySchema);
  return json(await getCleanupStatus());
});
