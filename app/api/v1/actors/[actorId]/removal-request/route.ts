import { z } from 'zod';
import { actorIdParamSchema, parseJsonBody, parseParam } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { requestErrorResponse } from '@/server/api/request-errors';
import { requestRemoval } from '@/server/data/requests';

export const dynamic = 'force-dynamic';

// The reason's own rules (1 to 1,000 characters, no NUL) are the domain's; here only its shape.
const bodySchema = z.strictObject({ reason: z.unknown() });

/**
 * POST /api/v1/actors/<id>/removal-request { reason }: records the customer's removal request,
 * dated today (support, admin); the actor report after it. 409 when one is recorded, 404 for an
 * unknown actor, 400 naming `reason`.
 */
export const POST = apiHandler<{ params: Promise<{ actorId: string }> }>('actor.request_removal', async (request, { params, caller }) => {
  const actorId = parseParam((await params).actorId, actorIdParamSchema, 'actorId');
  const body = await parseJsonBody(request, bodySchema);
  try {
    return json(await requestRemoval(caller, { actorId, reason: body.reason, via: 'api' }), 201);
  } catch (e) {
    const answer = requestErrorResponse(e, actorId);
    if (answer) return answer;
    throw e;
  }
});
