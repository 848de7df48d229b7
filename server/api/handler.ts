import 'server-only';
import type { Permission } from '@/lib/auth/permissions';
import { BadParameterError } from '@/lib/validation/api';
import { apiErrorResponse, withPermission } from '@/server/auth/require-permission';

/**
 * An API route handler: the caller's permission is checked first (401/403), bad parameters are
 * answered 400 naming the parameter, anything unexpected 500 with an error id. Answers are never
 * cached.
 */
export function apiHandler<C extends object>(
  permission: Permission,
  handler: Parameters<typeof withPermission<C>>[1],
): (request: Request, context: C) => Promise<Response> {
  return withPermission<C>(permission, async (request, context) => {
    try {
      return await handler(request, context);
    } catch (e) {
      if (e instanceof BadParameterError) {
        return Response.json({ error: { code: e.code, message: e.message, parameter: e.parameter } }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
      }
      return apiErrorResponse(e);
    }
  });
}

/** A JSON answer with no caching. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
