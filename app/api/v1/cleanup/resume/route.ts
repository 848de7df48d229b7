import { parseJsonBody, noQuerySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { resumeCleanup } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** POST /api/v1/cleanup/resume: answers the new state. */
export const POST = apiHandler('cleanup.control', async (request, { caller }) => {
  await parseJsonBody(request, noQuerySchema);
  const status = await resumeCleanup(caller);
  return json({ state: status.state, paused: status.paused });
});
