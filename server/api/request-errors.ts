import 'server-only';
import { ActorNotFoundError, NoLegalHoldError, RemovalRequestExistsError, RequestInputError } from '@/lib/requests/requests';
import { BadParameterError } from '@/lib/validation/api';

/**
 * The answers of the requests' expected failures: a bad reason or date is a 400 naming it (thrown
 * as BadParameterError for the API wrapper), an unknown actor 404, an existing request or a missing
 * hold 409. Anything else is left to the wrapper (500 with an error id).
 */
export function requestErrorResponse(e: unknown, actorId: number): Response | null {
  const headers = { 'Cache-Control': 'no-store' };
  if (e instanceof RequestInputError) throw new BadParameterError(e.field, e.message.replace(new RegExp(`^${e.field} `), ''));
  if (e instanceof ActorNotFoundError) return Response.json({ actorId, found: false, error: { code: e.code, message: e.message } }, { status: 404, headers });
  if (e instanceof RemovalRequestExistsError || e instanceof NoLegalHoldError)
    return Response.json({ error: { code: e.code, message: e.message } }, { status: 409, headers });
  return null;
}
