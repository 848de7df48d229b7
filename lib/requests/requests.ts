import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { writeAuditEntry, type ChangedBy } from '../auth/audit';
import type { IsoDate } from '../retention/dates';
import { isoDateSchema, withoutNul } from '../validation/common';

/*
 * Requests about one customer (RETENTION.md): a removal request (GDPR art. 17) and a legal hold.
 * Each is a row of its own that names the actor and goes with the actor; every change is written
 * to the append-only audit log, in the change's transaction, by the request's or hold's own id
 * (never the actor id), with who, when, what and the reason.
 */

/** A reason: a reference to the customer's letter or visit, or the case; never a copy of it. */
export const requestReasonSchema = withoutNul(
  z
    .string({ error: 'reason must be a text of 1 to 1,000 characters' })
    .trim()
    .min(1, { error: 'reason must not be empty' })
    .max(1000, { error: 'reason must be at most 1,000 characters' }),
  'reason',
);

export class RequestInputError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class ActorNotFoundError extends Error {
  readonly code = 'ACTOR_NOT_FOUND';
  constructor() {
    super('no such actor (or the actor was removed)');
  }
}

export class RemovalRequestExistsError extends Error {
  readonly code = 'REQUEST_EXISTS';
  constructor(readonly requestedOn: IsoDate) {
    super(`a removal request of ${requestedOn} is already recorded; a second one changes nothing`);
  }
}

export class NoLegalHoldError extends Error {
  readonly code = 'NO_LEGAL_HOLD';
  constructor() {
    super('there is no legal hold to release');
  }
}

function parseReason(reason: unknown): string {
  const parsed = requestReasonSchema.safeParse(reason);
  if (!parsed.success) throw new RequestInputError('reason', parsed.error.issues[0]?.message ?? 'bad reason');
  return parsed.data;
}

/** Locks the actor row (the cleanup's batch waits, and a removed actor is not found). */
async function lockActor(tx: DbOrTx, actorId: number): Promise<void> {
  const r = await tx.execute<{ id: number }>(sql`select id from actors where id = ${actorId} for update`);
  if (r.rows.length === 0) throw new ActorNotFoundError();
}

/**
 * Records the actor's removal request, dated `today`. Refused (RemovalRequestExistsError) when one
 * is recorded: a request cannot be withdrawn and a second one changes nothing.
 */
export async function recordRemovalRequest(
  db: DbOrTx,
  params: { actorId: number; reason: unknown; by: ChangedBy; today: IsoDate },
): Promise<{ requestId: string; requestedOn: IsoDate }> {
  const reason = parseReason(params.reason);
  return db.transaction(async (tx) => {
    await lockActor(tx, params.actorId);
    const existing = await tx.execute<{ requested_on: string }>(sql`select requested_on::text from removal_requests where actor_id = ${params.actorId}`);
    if (existing.rows[0]) throw new RemovalRequestExistsError(existing.rows[0].requested_on);
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into removal_requests (actor_id, requested_on, reason, recorded_by)
      values (${params.actorId}, ${params.today}, ${reason}, ${params.by.label}) returning id`);
    const requestId = inserted.rows[0]!.id;
    await writeAuditEntry(tx, {
      action: 'removal_request.create',
      by: params.by,
      target: { type: 'removal_request', id: requestId, label: `removal request of ${params.today}` },
      details: { requestedOn: params.today, reason },
    });
    return { requestId, requestedOn: params.today };
  });
}

/**
 * Places a legal hold on the actor, or changes the end date and reason of the one placed. `until`
 * must be after `today`, or null for a hold without end.
 */
export async function setLegalHold(
  db: DbOrTx,
  params: { actorId: number; until: unknown; reason: unknown; by: ChangedBy; today: IsoDate },
): Promise<{ holdId: string; until: IsoDate | null; changed: 'placed' | 'changed' }> {
  const reason = parseReason(params.reason);
  let until: IsoDate | null = null;
  if (params.until !== null && params.until !== undefined) {
    const parsed = isoDateSchema.safeParse(params.until);
    if (!parsed.success) throw new RequestInputError('until', `until ${parsed.error.issues[0]?.message ?? 'must be a date'}`);
    if (parsed.data <= params.today) throw new RequestInputError('until', `until must be after today (${params.today}), or empty for a hold without end`);
    until = parsed.data;
  }
  return db.transaction(async (tx) => {
    await lockActor(tx, params.actorId);
    const existing = await tx.execute<{ id: string; until: string | null }>(sql`select id, until::text from legal_holds where actor_id = ${params.actorId}`);
    const old = existing.rows[0];
    if (old) {
      await tx.execute(sql`update legal_holds set until = ${until}, reason = ${reason}, placed_by = ${params.by.label}, updated_at = now() where id = ${old.id}`);
      await writeAuditEntry(tx, {
        action: 'legal_hold.change',
        by: params.by,
        target: { type: 'legal_hold', id: old.id, label: 'legal hold' },
        details: { oldUntil: old.until, until, reason },
      });
      return { holdId: old.id, until, changed: 'changed' as const };
    }
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into legal_holds (actor_id, until, reason, placed_by) values (${params.actorId}, ${until}, ${reason}, ${params.by.label}) returning id`);
    const holdId = inserted.rows[0]!.id;
    await writeAuditEntry(tx, { action: 'legal_hold.place', by: params.by, target: { type: 'legal_hold', id: holdId, label: 'legal hold' }, details: { until, reason } });
    return { holdId, until, changed: 'placed' as const };
  });
}

/** Releases the actor's legal hold, with a reason; NoLegalHoldError when there is none. */
export async function releaseLegalHold(db: DbOrTx, params: { actorId: number; reason: unknown; by: ChangedBy }): Promise<{ holdId: string }> {
  const reason = parseReason(params.reason);
  return db.transaction(async (tx) => {
    await lockActor(tx, params.actorId);
    const deleted = await tx.execute<{ id: string; until: string | null }>(sql`delete from legal_holds where actor_id = ${params.actorId} returning id, until::text`);
    const hold = deleted.rows[0];
    if (!hold) throw new NoLegalHoldError();
    await writeAuditEntry(tx, {
      action: 'legal_hold.release',
      by: params.by,
      target: { type: 'legal_hold', id: hold.id, label: 'legal hold' },
      details: { until: hold.until, reason },
    });
    return { holdId: hold.id };
  });
}
