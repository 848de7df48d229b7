import type { Db } from '../../db/client';
import { getActorData } from '../../db/queries/actor-data';
import { getSettings } from '../../db/queries/settings';
import { recordActorLookup, type LookupCaller } from '../access/access-log';
import type { IsoDate } from '../retention/dates';
import { buildActorReport } from '../retention/report';
import { buildRetentionStatement, type MissingRetentionStatement, type RetentionStatement } from './statement';
import type { StatementLang } from './statement-text';

/**
 * Makes the retention statement of one actor as of a day: first written to the access log (channel
 * `statement`, unknown actors included), then the actor report of that day, unchanged, and its
 * wording from the settings it was computed with. `found: false` for an unknown or removed actor.
 * The caller's permission is checked by the route, page or command.
 */
export async function makeRetentionStatement(
  db: Db,
  params: { caller: LookupCaller; actorId: number; asOf: IsoDate; lang: StatementLang },
): Promise<RetentionStatement | MissingRetentionStatement> {
  const { actorId, asOf, lang } = params;
  await recordActorLookup(db, { caller: params.caller, actorId, asOf, via: 'statement' });
  // One snapshot for the data and the settings, so the report and the rules it names agree.
  const [data, settings] = await db.transaction(async (tx) => Promise.all([getActorData(tx, actorId), getSettings(tx)]), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  if (!data) return { actorId, asOf, lang, found: false };
  return buildRetentionStatement(buildActorReport(data, settings, asOf), settings, lang);
}
