import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../lib/retention/dates';
import type { DbOrTx } from '../client';

/*
 * Reads of the requests about one customer (RETENTION.md, "Requests about one customer"): the
 * actor screen's request and hold, and the overview's counts.
 */

export type ActorRequests = {
  /** The recorded removal request (one per actor at most). */
  request: { requestedOn: IsoDate } | null;
  /** The actor's legal hold row (also one that ended by its date); `reason` only when asked for. */
  hold: { until: IsoDate | null; reason: string | null } | null;
};

/**
 * The actor's removal request and legal hold. The hold's reason is only read when `withHoldReason`
 * (callers with `actor.legal_hold`): for anyone else it never leaves the database.
 */
export async function getActorRequests(db: DbOrTx, actorId: number, options: { withHoldReason: boolean }): Promise<ActorRequests> {
  const [request, hold] = await Promise.all([
    db.execute<{ requested_on: string }>(sql`select requested_on::text from removal_requests where actor_id = ${actorId}`),
    options.withHoldReason
      ? db.execute<{ until: string | null; reason: string | null }>(sql`select until::text, reason from legal_holds where actor_id = ${actorId}`)
      : db.execute<{ until: string | null; reason: string | null }>(sql`select until::text, null::text as reason from legal_holds where actor_id = ${actorId}`),
  ]);
  const r = request.rows[0];
  const h = hold.rows[0];
  return {
    request: r ? { requestedOn: r.requested_on } : null,
    hold: h ? { until: h.until, reason: h.reason } : null,
  };
}

/** A hold holds on `today` when it has no end or ends after today (RETENTION.md, "Legal hold"). */
export async function countLegalHoldsNow(db: DbOrTx, today: IsoDate): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from legal_holds where until is null or until > ${today}::date`);
  return r.rows[0]?.n ?? 0;
}

/**
 * Removal requests waiting: recorded, and the actor is still there (a removal deletes the actor's
 * request with the actor, so every row waits; the join keeps the count honest all the same).
 */
export async function countRemovalRequestsWaiting(db: DbOrTx): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from removal_requests q join actors a on a.id = q.actor_id`);
  return r.rows[0]?.n ?? 0;
}

/** Both counts of the overview and the cleanup screen, as of `today`. */
export async function getRequestCounts(db: DbOrTx, today: IsoDate): Promise<{ legalHolds: number; removalRequestsWaiting: number }> {
  const [legalHolds, removalRequestsWaiting] = await Promise.all([countLegalHoldsNow(db, today), countRemovalRequestsWaiting(db)]);
  return { legalHolds, removalRequestsWaiting };
}
