import { parseJsonBody, noQuerySchema } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { pauseCleanup } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/** POST /api/v1/cleanup/pause: no run removes anything until resumed; answers the new state. */
export const POST = apiHandler('cleanup.control', async (request, { caller }) => {
  await parseJsonBody(request, noQuerySchema);
  const status = await pauseCleanup(caller);
  return json({ state: status.state, paused: status.paused });
});
