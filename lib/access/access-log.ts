import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { accessLog } from '../../db/schema/access';
import type { Caller } from '../auth/caller';
import type { IsoDate } from '../retention/dates';

/** Access-log entries are kept this many months (RETENTION.md, "The cleanup job"). */
export const ACCESS_LOG_MONTHS = 24;

/** `statement`: a retention statement was made for the actor (screen, API or command line). */
export type LookupChannel = 'screen' | 'api' | 'statement';

/** Who looks: a signed-in user or API token, or the command line (`cli <os user>`). */
export type LookupCaller = Caller | { kind: 'cli'; label: string };

/** How a caller is written in an access-log entry: its kind, id and label as they are now. */
export function accessLogCaller(c: LookupCaller): { callerKind: string; callerId: string; callerLabel: string } {
  return {
    callerKind: c.kind,
    callerId: c.kind === 'user' ? c.userId : c.kind === 'token' ? c.tokenId : 'cli',
    callerLabel: c.kind === 'user' ? c.email : c.kind === 'token' ? c.name : c.label,
  };
}

/**
 * A lookup's access-log entry commits asynchronously: committed and visible before the lookup's
 * answer is returned (and no answer if the commit fails), without waiting for the disk.
 *
 * Why: a commit that waits for the disk waits for all WAL written before it, and while a cleanup
 * batch works that is megabytes of the batch's own records (the batch commits asynchronously too).
 * Measured with the benchmark's dashboard probe at 200,000 actors during the first backlog, the
 * actor report over HTTP had p50 32 ms and p95 106 ms with a synchronous commit, p50 23 ms and
 * p95 40 ms with this; the other reads, which write nothing, were unchanged (README, Performance).
 *
 * What it gives up: if the database server itself crashes (not the app) within the WAL writer's
 * delay (3 × wal_writer_delay at most, 600 ms by default), the last lookups' entries may be lost
 * while their answers were shown; the database stays consistent. Exports and every other write
 * (settings, removal requests, legal holds, runs) keep synchronous commits.
 */
export const ACCESS_LOG_ASYNC_COMMIT = 'set local synchronous_commit = off';

/**
 * Records that `caller` looked up `actorId` (as of `asOf`) through a screen, the API or a
 * statement: its own transaction, committed asynchronously (ACCESS_LOG_ASYNC_COMMIT), before the
 * caller reads anything.
 */
export async function recordActorLookup(db: Db, params: { caller: LookupCaller; actorId: number; asOf: IsoDate; via: LookupChannel }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(ACCESS_LOG_ASYNC_COMMIT));
    await tx.insert(accessLog).values({
      ...accessLogCaller(params.caller),
      actorId: params.actorId,
      asOf: params.asOf,
      via: params.via,
    });
  });
}

export type AccessLogFilter = {
  actorId?: number;
  callerId?: string;
  /** Timestamps, inclusive from, exclusive to. */
  from?: Date;
  to?: Date;
  limit?: number;
  /** Entries with an id below this one (keyset paging, newest first). */
  before?: number;
};

/** Access-log entries (lookups, and exports with their details), newest first, with optional filters. */
export async function getAccessLog(db: DbOrTx, filter: AccessLogFilter = {}) {
  const where: SQL[] = [];
  if (filter.actorId !== undefined) where.push(eq(accessLog.actorId, filter.actorId));
  if (filter.callerId !== undefined) where.push(eq(accessLog.callerId, filter.callerId));
  if (filter.from) where.push(gte(accessLog.at, filter.from));
  if (filter.to) where.push(lt(accessLog.at, filter.to));
  if (filter.before !== undefined) where.push(lt(accessLog.id, filter.before));
  return db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      callerKind: accessLog.callerKind,
      callerId: accessLog.callerId,
      callerLabel: accessLog.callerLabel,
      actorId: accessLog.actorId,
      asOf: accessLog.asOf,
      via: accessLog.via,
      exportDetails: accessLog.exportDetails,
    })
    .from(accessLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(accessLog.id))
    .limit(Math.min(filter.limit ?? 100, 1000));
}

/**
 * Deletes access-log entries older than ACCESS_LOG_MONTHS before the as-of date $1; every real
 * cleanup run does this (RETENTION.md: the access log keeps entries for 24 months).
 */
export const PURGE_ACCESS_LOG_SQL = `delete from access_log where at < ($1::date - interval '${ACCESS_LOG_MONTHS} months')`;
