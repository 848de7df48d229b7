import 'server-only';
import { getActorData } from '@/db/queries/actor-data';
import { getActorRequests, getRequestCounts, type ActorRequests } from '@/db/queries/requests';

export type { ActorRequests };
import { getSettings } from '@/db/queries/settings';
import { recordActorLookup } from '@/lib/access/access-log';
import type { Caller } from '@/lib/auth/caller';
import { authorize, changedByOf } from '@/lib/auth/caller';
import { hasPermission } from '@/lib/auth/permissions';
import { retentionToday } from '@/lib/env';
import { recordRemovalRequest, releaseLegalHold, setLegalHold } from '@/lib/requests/requests';
import type { IsoDate } from '@/lib/retention/dates';
import { evaluateActor } from '@/lib/retention/report';
import type { ActorReport, Reason } from '@/lib/retention/types';
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

/**
 * What a removal request recorded today would do (the actor screen's confirmation): the actor
 * evaluated by the engine with a hypothetical request dated today, nothing saved. Checks
 * `actor.request_removal` first (ForbiddenError otherwise) and writes the lookup to the access
 * log before it reads, like every lookup; an unknown actor is `found: false`, an actor with a
 * request already recorded says so (a second request changes nothing).
 */
export type RemovalPreview =
  | { found: false; actorId: number }
  | { found: true; actorId: number; alreadyRequestedOn: IsoDate }
  | { found: true; actorId: number; alreadyRequestedOn: null; requestedOn: IsoDate; due: boolean; date: IsoDate | null; reasons: Reason[] };

export async function previewRemovalRequest(caller: Caller, params: { actorId: number; via: 'api' | 'screen' }): Promise<RemovalPreview> {
  authorize(caller, 'actor.request_removal');
  const db = await getServerDb();
  const today = retentionToday();
  await recordActorLookup(db, { caller, actorId: params.actorId, asOf: today, via: params.via });
  const [data, settings] = await Promise.all([getActorData(db, params.actorId), getSettings(db)]);
  if (!data) return { found: false, actorId: params.actorId };
  if (data.removalRequestedOn) return { found: true, actorId: params.actorId, alreadyRequestedOn: data.removalRequestedOn };
  const { report } = evaluateActor({ ...data, removalRequestedOn: today }, settings, today);
  return { found: true, actorId: params.actorId, alreadyRequestedOn: null, requestedOn: today, due: report.removal.due, date: report.removal.date, reasons: report.removal.reasons };
}

/**
 * The actor screen's request and hold, read after the screen's lookup (which wrote the access
 * log). The hold's reason is only read for callers with `actor.legal_hold` (admin); support sees
 * that a hold exists and its end date, never its reason.
 */
export async function readActorRequests(caller: Caller, actorId: number): Promise<ActorRequests> {
  authorize(caller, 'actor.lookup');
  const db = await getServerDb();
  return getActorRequests(db, actorId, { withHoldReason: hasPermission(caller.role, 'actor.legal_hold') });
}

/** The overview's and the cleanup screen's counts: actors on legal hold today, removal requests waiting. */
export async function readRequestCounts(): Promise<{ legalHolds: number; removalRequestsWaiting: number }> {
  return getRequestCounts(await getServerDb(), retentionToday());
}
