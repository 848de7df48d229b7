import type { DbOrTx } from '../../db/client';
import { getActorData } from '../../db/queries/actor-data';
import { getSettings } from '../../db/queries/settings';
import type { IsoDate } from '../retention/dates';
import { evaluateActor } from '../retention/report';
import type { RetentionSettings } from '../retention/settings';
import type { FoundActorReport } from '../retention/types';
import { explainReasons, type ExplainedReason } from '../timeline/reasons';
import { stripDetails, timelineRecords, type TimelineRecord } from '../timeline/records';

/** What the actor screen shows: the actor report (unchanged) and the records and reasons behind it. */
export type ActorTimelineView =
  | {
      found: true;
      /** The same report as the API and `retention actor --json` give. */
      report: FoundActorReport;
      registeredOn: IsoDate;
      records: TimelineRecord[];
      reasons: ExplainedReason[];
      settings: RetentionSettings;
      /** Whether loan items and financial amounts are included (callers with `actor.details`). */
      withDetails: boolean;
    }
  | { found: false; actorId: number; asOf: IsoDate };

/**
 * One actor's timeline view from the database: one read of the actor and the settings, evaluated
 * by the same `evaluateActor` as the report. Without `withDetails`, items and amounts never leave here.
 */
export async function getActorTimeline(db: DbOrTx, actorId: number, asOf: IsoDate, options: { withDetails: boolean }): Promise<ActorTimelineView> {
  const [data, settings] = await Promise.all([getActorData(db, actorId), getSettings(db)]);
  if (!data) return { found: false, actorId, asOf };
  const evaluation = evaluateActor(data, settings, asOf);
  const records = timelineRecords(data, evaluation);
  return {
    found: true,
    report: evaluation.report,
    registeredOn: data.registeredOn,
    records: options.withDetails ? records : stripDetails(records),
    reasons: explainReasons(data, settings, evaluation.report.removal.reasons, asOf),
    settings,
    withDetails: options.withDetails,
  };
}
