import type { Db } from '../../db/client';
import type { IsoDate } from '../retention/dates';
import { countDueNow } from './backlog';

/*
 * A person's confirmation of a run now (RETENTION.md, "Circuit breaker"; INTERFACES.md,
 * `POST cleanup/run/confirmation`): the run would remove this many actors, counted just now, and
 * the person who saw the number said yes. Only a run that presents a confirmation of its own
 * session, within five minutes, once, and whose count still holds, is attended (not stopped by
 * the circuit breaker). API tokens have no session and so never get one: a script's run is always
 * subject to the breaker. Counts only: no actor id is kept here.
 */

/** How long a confirmation can be used after it was counted. */
export const RUN_CONFIRMATION_MINUTES = 5;

export type RunConfirmation = {
  confirmationId: string;
  asOf: IsoDate;
  actorsDue: number;
  recordsDue: number;
  expiresAt: string;
};

/** Why a confirmation cannot be used: too old, used before, or not this session's (or unknown). */
export class RunConfirmationError extends Error {
  constructor(
    readonly code: 'CONFIRMATION_EXPIRED' | 'CONFIRMATION_USED' | 'CONFIRMATION_INVALID',
    message: string,
  ) {
    super(message);
  }
}

type ConfirmationRow = { id: string; as_of: string; actors_due: number; records_due: number; expires_at: Date };

/**
 * Counts what a run on `asOf` would remove now (summed over the retention schedule, as the run finds them) and keeps
 * it as a confirmation for this session, valid RUN_CONFIRMATION_MINUTES. Confirmations that
 * expired more than a day ago are dropped on the way.
 */
export async function createRunConfirmation(db: Db, params: { sessionId: string; userId: string; asOf: IsoDate }): Promise<RunConfirmation> {
  const due = await countDueNow(db, { asOf: params.asOf });
  await db.$client.query(`delete from cleanup_run_confirmations where expires_at < now() - interval '1 day'`);
  const r = await db.$client.query<ConfirmationRow>(
    `insert into cleanup_run_confirmations (session_id, user_id, as_of, actors_due, records_due, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(mins => $6::int))
     returning id, as_of::text, actors_due, records_due::float8 as records_due, expires_at`,
    [params.sessionId, params.userId, params.asOf, due.actors, due.recordsTotal, RUN_CONFIRMATION_MINUTES],
  );
  const row = r.rows[0]!;
  return { confirmationId: row.id, asOf: row.as_of, actorsDue: row.actors_due, recordsDue: row.records_due, expiresAt: row.expires_at.toISOString() };
}

/**
 * Uses a confirmation up: marks it used in one statement that only matches an unused, unexpired
 * confirmation of this session and user, so of two requests presenting it at once only one gets
 * it. Returns the count that was confirmed; RunConfirmationError when it cannot be used.
 */
export async function consumeRunConfirmation(
  db: Db,
  params: { confirmationId: string; sessionId: string; userId: string },
): Promise<{ asOf: IsoDate; actorsDue: number; recordsDue: number }> {
  const used = await db.$client.query<ConfirmationRow>(
    `update cleanup_run_confirmations set used_at = now()
      where id = $1 and session_id = $2 and user_id = $3 and used_at is null and expires_at > now()
      returning id, as_of::text, actors_due, records_due::float8 as records_due, expires_at`,
    [params.confirmationId, params.sessionId, params.userId],
  );
  const row = used.rows[0];
  if (row) return { asOf: row.as_of, actorsDue: row.actors_due, recordsDue: row.records_due };
  // Why not: another session's confirmation is answered like an unknown one (it is none of theirs).
  const found = await db.$client.query<{ mine: boolean; used: boolean; expired: boolean }>(
    `select session_id = $2 and user_id = $3 as mine, used_at is not null as used, expires_at <= now() as expired
       from cleanup_run_confirmations where id = $1`,
    [params.confirmationId, params.sessionId, params.userId],
  );
  const why = found.rows[0];
  if (!why || !why.mine) throw new RunConfirmationError('CONFIRMATION_INVALID', 'this confirmation is not one of this session: ask for a new one');
  if (why.used) throw new RunConfirmationError('CONFIRMATION_USED', 'this confirmation was used already: ask for a new one');
  if (why.expired) throw new RunConfirmationError('CONFIRMATION_EXPIRED', `this confirmation expired (it is valid ${RUN_CONFIRMATION_MINUTES} minutes): ask for a new one`);
  throw new RunConfirmationError('CONFIRMATION_INVALID', 'this confirmation cannot be used: ask for a new one');
}
