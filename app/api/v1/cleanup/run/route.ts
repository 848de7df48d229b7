import { parseJsonBody, runNowBodySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { conflictResponse } from '@/server/api/cleanup-errors';
import { startRunNow } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/cleanup/run { dryRun?, confirmationId? }: starts a run now; 202 with its id and
 * whether it is attended (a valid confirmation of this session whose count still holds), 409 when
 * it cannot run (paused, a run active, tripped for an unattended run, the confirmation expired,
 * used or not this session's, or the count changed).
 */
export const POST = apiHandler('cleanup.control', async (request, { caller }) => {
  const body = await parseJsonBody(request, runNowBodySchema);
  try {
    const started = await startRunNow(caller, { dryRun: body.dryRun ?? false, confirmationId: body.confirmationId });
    return json({ runId: started.runId, dryRun: body.dryRun ?? false, attended: started.attended }, 202);
  } catch (e) {
    const conflict = conflictResponse(e);
    if (conflict) return conflict;
    throw e;
  }
});
