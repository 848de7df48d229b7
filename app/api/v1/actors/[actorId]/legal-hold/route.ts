import { z } from 'zod';
import { actorIdParamSchema, parseJsonBody, parseParam } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { requestErrorResponse } from '@/server/api/request-errors';
import { liftLegalHold, placeLegalHold } from '@/server/data/requests';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ actorId: string }> };

// `until` and `reason` are checked by the domain (a date after today or null; 1 to 1,000 characters).
const putSchema = z.strictObject({ until: z.unknown(), reason: z.unknown() });
const deleteSchema = z.strictObject({ reason: z.unknown() });

/** PUT /api/v1/actors/<id>/legal-hold { until: D | null, reason } (admin): places or changes the hold; the actor report after it. */
export const PUT = apiHandler<Context>('actor.legal_hold', async (request, { params, caller }) => {
  const actorId = parseParam((await params).actorId, actorIdParamSchema, 'actorId');
  const body = await parseJsonBody(request, putSchema);
  if (!('until' in body)) return json({ error: { code: 'BAD_PARAMETER', message: 'until: give a date after today, or null for a hold without end', parameter: 'until' } }, 400);
  try {
    return json(await placeLegalHold(caller, { actorId, until: body.until, reason: body.reason, via: 'api' }));
  } catch (e) {
    const answer = requestErrorResponse(e, actorId);
    if (answer) return answer;
    throw e;
  }
});

/** DELETE /api/v1/actors/<id>/legal-hold { reason } (admin): releases the hold; 409 when there is none. */
export const DELETE = apiHandler<Context>('actor.legal_hold', async (request, { params, caller }) => {
  const actorId = parseParam((await params).actorId, actorIdParamSchema, 'actorId');
  const body = await parseJsonBody(request, deleteSchema);
  try {
    return json(await liftLegalHold(caller, { actorId, reason: body.reason, via: 'api' }));
  } catch (e) {
    const answer = requestErrorResponse(e, actorId);
    if (answer) return answer;
    throw e;
  }
});
