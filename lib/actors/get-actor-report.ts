import type { DbOrTx } from '../../db/client';
import { getActorData } from '../../db/queries/actor-data';
import { getSettings } from '../../db/queries/settings';
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
