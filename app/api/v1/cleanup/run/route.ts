import { parseJsonBody, runNowBodySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { conflictResponse } from '@/server/api/cleanup-errors';
import { startRunNow } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** POST /api/v1/cleanup/run { dryRun?, confirmedRemovals? }: starts a run now; 202 with its id, 409 when it cannot run. */
export const POST = apiHandler('cleanup.control', async (request, { caller }) => {
  const body = await parseJsonBody(request, runNowBodySchema);
  try {
    const started = await startRunNow(caller, { dryRun: body.dryRun ?? false, confirmedRemovals: body.confirmedRemovals });
    return json({ runId: started.runId, dryRun: body.dryRun ?? false, attended: started.attended }, 202);
  } catch (e) {
    const conflict = conflictResponse(e);
    if (conflict) return conflict;
    throw e;
  }
});
