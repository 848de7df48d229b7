import type { Db, DbOrTx } from '../../db/client';
import { getActorData, getActorDataLogged } from '../../db/queries/actor-data';
import { accessLogCaller, type LookupCaller, type LookupChannel } from '../access/access-log';
import { getSettings, settingsFromRows } from '../../db/queries/settings';
import type { IsoDate } from '../retention/dates';
import { evaluateActor, type ActorEvaluation } from '../retention/report';
import type { ActorReport } from '../retention/types';

/** The actor report of INTERFACES.md from the database: `found: false` for an unknown or removed actor. */
export async function getActorReport(db: DbOrTx, actorId: number, asOf: IsoDate): Promise<ActorReport> {
  const evaluation = await getActorEvaluation(db, actorId, asOf);
  return evaluation ? evaluation.report : { actorId, asOf, found: false };
}

/** The full evaluation (report and each record's day of going) of one stored actor, for the timeline. */
export async function getActorEvaluation(db: DbOrTx, actorId: number, asOf: IsoDate): Promise<ActorEvaluation | undefined> {
  const [data, settings] = await Promise.all([getActorData(db, actorId), getSettings(db)]);
  return data ? evaluateActor(data, settings, asOf) : undefined;
}

/**
 * The actor report for a lookup that the access log must record (who, when, which actor, through
 * which channel): the entry is written in the statement that reads the actor, so the report exists
 * only with its entry, in one round trip. Unknown actors are logged too (`found: false`).
 */
export async function getActorReportLogged(
  db: Db,
  params: { caller: LookupCaller; actorId: number; asOf: IsoDate; via: LookupChannel },
): Promise<ActorReport> {
  const { data, settings } = await getActorDataLogged(db.$client, { ...accessLogCaller(params.caller), actorId: params.actorId, asOf: params.asOf, via: params.via });
  return data ? evaluateActor(data, settingsFromRows(settings), params.asOf).report : { actorId: params.actorId, asOf: params.asOf, found: false };
}
