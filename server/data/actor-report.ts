import 'server-only';
import { recordActorLookup, type LookupChannel } from '@/lib/access/access-log';
import { getActorReportLogged } from '@/lib/actors/get-actor-report';
import { getActorTimeline, type ActorTimelineView } from '@/lib/actors/get-actor-timeline';
import type { Caller } from '@/lib/auth/caller';
import { hasPermission } from '@/lib/auth/permissions';
import type { IsoDate } from '@/lib/retention/dates';
import type { ActorReport } from '@/lib/retention/types';
import { getServerDb } from '@/server/db';

/**
 * One actor's report for a caller who may look actors up, written to the access log (who, when,
 * which actor) before it is returned. The caller's permission is checked by the route or page.
 */
export async function lookUpActorReport(caller: Caller, params: { actorId: number; asOf: IsoDate; via: LookupChannel }): Promise<ActorReport> {
  // The entry and the read are one statement: the report is returned only once the entry is
  // committed, and not at all if it fails.
  return getActorReportLogged(await getServerDb(), { caller, actorId: params.actorId, asOf: params.asOf, via: params.via });
}

/**
 * The actor screen's lookup: like lookUpActorReport (one access-log entry, written before the
 * read, unknown actors included), returning the report with the records and reasons behind it.
 * Loan items and financial amounts are only read out for callers with `actor.details` (admin):
 * support gets dates, categories and kinds, and the rest never reaches their browser.
 */
export async function lookUpActorTimeline(caller: Caller, params: { actorId: number; asOf: IsoDate }): Promise<ActorTimelineView> {
  const db = await getServerDb();
  await recordActorLookup(db, { caller, actorId: params.actorId, asOf: params.asOf, via: 'screen' });
  return getActorTimeline(db, params.actorId, params.asOf, { withDetails: hasPermission(caller.role, 'actor.details') });
}
