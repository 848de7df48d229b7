import { parseJsonBody, noQuerySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { conflictResponse } from '@/server/api/cleanup-errors';
import { acknowledgeCleanup } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** POST /api/v1/cleanup/acknowledge: an admin approves the removals that tripped the breaker; 409 when it has not tripped. */
export const POST = apiHandler('cleanup.acknowledge', async (request, { caller }) => {
  await parseJsonBody(request, noQuerySchema);
  try {
    const result = await acknowledgeCleanup(caller);
    return json({ approvedActors: result.approvedActors, state: result.status.state });
  } catch (e) {
    const conflict = conflictResponse(e);
    if (conflict) return conflict;
    throw e;
  }
});
