import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { changedByOf } from '@/lib/auth/caller';
import { retentionToday } from '@/lib/env';
import { recordRemovalRequest, releaseLegalHold, setLegalHold } from '@/lib/requests/requests';
import type { ActorReport } from '@/lib/retention/types';
import { lookUpActorReport } from '@/server/data/actor-report';
import { getServerDb } from '@/server/db';

/*
 * Requests about one customer for the API and the actor screen: the change (audited by its own id),
 * then the actor report of today, read like any lookup (written to the access log). The caller's
 * permission is checked by the route or action first.
 */

/** Records the actor's removal request, dated today; the report after it. */
export async function requestRemoval(caller: Caller, params: { actorId: number; reason: unknown; via: 'api' | 'screen' }): Promise<ActorReport> {
  const db = await getServerDb();
  const today = retentionToday();
  await recordRemovalRequest(db, { actorId: params.actorId, reason: params.reason, by: changedByOf(caller), today });
  return lookUpActorReport(caller, { actorId: params.actorId, asOf: today, via: params.via });
}

/** Places or changes the actor's legal hold; the report after it. */
export async function placeLegalHold(caller: Caller, params: { actorId: number; until: unknown; reason: unknown; via: 'api' | 'screen' }): Promise<ActorReport> {
  const db = await getServerDb();
  const today = retentionToday();
  await setLegalHold(db, { actorId: params.actorId, until: params.until, reason: params.reason, by: changedByOf(caller), today });
  return lookUpActorReport(caller, { actorId: params.actorId, asOf: today, via: params.via });
}

/** Releases the actor's legal hold; the report after it. */
export async function liftLegalHold(caller: Caller, params: { actorId: number; reason: unknown; via: 'api' | 'screen' }): Promise<ActorReport> {
  const db = await getServerDb();
  await releaseLegalHold(db, { actorId: params.actorId, reason: params.reason, by: changedByOf(caller) });
  return lookUpActorReport(caller, { actorId: params.actorId, asOf: retentionToday(), via: params.via });
}
