import { noQuerySchema, parseJsonBody } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { createRunNowConfirmation } from '@/server/data/cleanup';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/cleanup/run/confirmation: counts what a run now would remove and answers
 * `{ confirmationId, actorsDue, recordsDue, expiresAt }` (201) for the person to confirm; valid
 * five minutes, once, for this session. A session only: an API token gets 403.
 */
export const POST = apiHandler('cleanup.control', async (request, { caller }) => {
  await parseJsonBody(request, noQuerySchema);
  const confirmation = await createRunNowConfirmation(caller);
  return json(confirmation, 201);
});
