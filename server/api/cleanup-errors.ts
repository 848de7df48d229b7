import 'server-only';
import { CannotRunError } from '@/server/data/cleanup';

/** 409 for a cleanup that cannot run now (paused, tripped, a run active, the confirmation no longer valid, the count changed). */
export function conflictResponse(e: unknown): Response | null {
  if (!(e instanceof CannotRunError)) return null;
  return Response.json({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, { status: 409, headers: { 'Cache-Control': 'no-store' } });
}
