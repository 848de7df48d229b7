import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { writeAuditEntry, type ChangedBy } from '../auth/audit';
import type { IsoDate } from '../retention/dates';
import { getSettings } from '../../db/queries/settings';
import { countDueNow } from './backlog';
import { deriveJobState, estimateBacklogClearedAt, type JobState } from './job-state';
import { BreakerTrippedError, CLEANUP_LOCK_KEY, runCleanup, type CleanupOptions, type RunSummary } from './run';
import { isScheduleCurrent } from './schedule';
import { TOTAL_ACTORS_PLANNED } from './schedule-plans';

/*
 * The cleanup job as ops see and steer it: its state, pause and resume, the circuit breaker and
 * its acknowledgement, and the scheduled run that honours all of them. Counts only: no actor id.
 */

type StateRow = {
  paused: boolean;
  paused_at: Date | null;
  paused_by: string | null;
  backlog: { actors: number; records: Record<string, number>; recordsTotal: number } | null;
  backlog_as_of: string | null;
  backlog_counted_at: Date | null;
  breaker_max_actors: number;
  breaker_max_share: number;
  tripped_at: Date | null;
  trip: Record<string, number | string> | null;
  approved_actors_left: number;
  approved_at: Date | null;
  approved_by: string | null;
  schedule_started_at: Date | null;
  plan_rebuild_after: number | null;
  plan_version: number;
  plan_settings: Record<string, number> | null;
  plan_built_at: Date | null;
};

async function readState(db: Db): Promise<StateRow> {
  const r = await db.$client.query<StateRow>(`select * from cleanup_state where id = 1`);
  return r.rows[0]!;
}

/** True when a cleanup run (from any process) holds the run lock now. */
export async function isRunActive(db: Db): Promise<boolean> {
  const r = await db.$client.query<{ active: boolean }>(
    // Advisory locks belong to a database; pg_locks lists every database's, so keep to this one (a
    // cleanup of another database on the same server is not this job's run).
    `select exists (
       select 1 from pg_locks
        where locktype = 'advisory' and granted and classid = 0 and objid = $1
          and database = (select oid from pg_database where datname = current_database())
     ) as active`,
    [CLEANUP_LOCK_KEY],
  );
  return r.rows[0]?.active === true;
}

export type RunDto = {
  runId: string;
  trigger: string;
  /** Who started it (a login's e-mail, `token <name>`, `cli <os user>`), or null: the trigger says (schedule, demo). */
  startedBy: string | null;
  asOf: string;
  dryRun: boolean;
  status: string;
  stopReason: string | null;
  startedAt: string;
  finishedAt: string | null;
  updatedAt: string;
  durationMs: number;
  actorsExamined: number;
  actorsRemoved: number;
  actorsLocked: number;
  recordsProcessed: number;
  records: Record<string, { deleted: number; anonymized: number }>;
  skipped: Record<string, number>;
  batches: number;
  errors: number;
  /** Batches that failed and were split into smaller ones to find the actor behind the failure. */
  batchesSplit: number;
  errorDetails: { code: string; message: string; at: string }[];
};

type RunRow = {
  id: string;
  trigger: string;
  started_by: string | null;
  as_of: string;
  dry_run: boolean;
  status: string;
  stop_reason: string | null;
  started_at: Date;
  finished_at: Date | null;
  updated_at: Date;
  actors_examined: number;
  actors_removed: number;
  actors_locked: number;
  records_processed: number;
  records: RunDto['records'];
  skipped: Record<string, number>;
  batches: number;
  errors: number;
  batches_split: number;
  error_details: RunDto['errorDetails'];
};

function toRunDto(r: RunRow): RunDto {
  const end = r.finished_at ?? r.updated_at;
  return {
    runId: r.id,
    trigger: r.trigger,
    startedBy: r.started_by,
    asOf: r.as_of,
    dryRun: r.dry_run,
    status: r.status,
    stopReason: r.stop_reason,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    durationMs: end.getTime() - r.started_at.getTime(),
    actorsExamined: r.actors_examined,
    actorsRemoved: r.actors_removed,
    actorsLocked: r.actors_locked,
    recordsProcessed: r.records_processed,
    records: r.records,
    skipped: r.skipped,
    batches: r.batches,
    errors: r.errors,
    batchesSplit: r.batches_split,
    errorDetails: r.error_details,
  };
}

/** What GET cleanup/runs may filter on; days are calendar days in `timeZone`, both included. */
export type RunFilter = { status?: string; trigger?: string; dryRun?: boolean; from?: string; to?: string; timeZone?: string };

function runFilterSql(filter: RunFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  if (filter.trigger !== undefined) add((p) => `trigger = ${p}`, filter.trigger);
  if (filter.dryRun !== undefined) add((p) => `dry_run = ${p}`, filter.dryRun);
  if (filter.from !== undefined || filter.to !== undefined) {
    // A day starts at midnight in the job's time zone (a day of 23 or 25 hours when the clocks change).
    params.push(filter.timeZone ?? 'UTC');
    const tz = `$${params.length}`;
    if (filter.from !== undefined) add((p) => `started_at >= (${p}::date)::timestamp at time zone ${tz}`, filter.from);
    if (filter.to !== undefined) add((p) => `started_at < (${p}::date + 1)::timestamp at time zone ${tz}`, filter.to);
  }
  return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/** Recent runs, newest first, with their summaries (GET cleanup/runs), optionally filtered. */
export async function getRecentRuns(db: Db, params: { limit?: number } & RunFilter = {}): Promise<RunDto[]> {
  const { where, params: values } = runFilterSql(params);
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 500);
  const r = await db.$client.query<RunRow>(`select * from cleanup_runs ${where} order by started_at desc, id limit ${limit}`, values);
  return r.rows.map(toRunDto);
}

/** How many runs pass a filter (all of them, not only the newest `limit`). */
export async function countRuns(db: Db, filter: RunFilter = {}): Promise<number> {
  const { where, params } = runFilterSql(filter);
  const r = await db.$client.query<{ n: number }>(`select count(*)::int as n from cleanup_runs ${where}`, params);
  return r.rows[0]!.n;
}

export type JobStatus = {
  state: JobState;
  paused: { at: string | null; by: string | null } | null;
  tripped: { at: string; details: Record<string, number | string> | null } | null;
  running: RunDto | null;
  lastRun: RunDto | null;
  lastSuccessAt: string | null;
  cadenceMinutes: number;
  nextRunAt: string | null;
  backlog: { asOf: string; countedAt: string; actors: number; records: Record<string, number>; recordsTotal: number } | null;
  backlogClearedAt: string | null;
  breaker: { maxActors: number; maxShare: number; approvedActorsLeft: number; approvedAt: string | null; approvedBy: string | null };
  /**
   * The retention schedule (lib/cleanup/schedule.ts): `current` when every actor is planned with
   * the settings in force, `rebuilding` after a settings change until a run has planned them all
   * (`plannedActors` of `actorsTotal` so far); `queued`: actors changed since the last run, which
   * the next run plans anew first.
   */
  schedule: { state: 'current' | 'rebuilding'; plannedActors: number; actorsTotal: number | null; queued: number; builtAt: string | null };
};

/** The next time a `*\/cadence` minutes schedule fires after `now`. */
export function nextScheduledAt(now: Date, cadenceMinutes: number): Date {
  const step = Math.max(1, Math.round(cadenceMinutes)) * 60_000;
  return new Date(Math.floor(now.getTime() / step) * step + step);
}

/**
 * The job's state for the ops screen, the API and `job status`: state, pause, breaker, the run in
 * progress with its counts, the last run, the last success and the next run, and the backlog with
 * the time it was counted and when it will be cleared at the current cadence.
 */
export async function getJobStatus(db: Db, params: { cadenceMinutes: number; now?: Date }): Promise<JobStatus> {
  const now = params.now ?? new Date();
  const [state, active, runs, success, recent, plan, settingsNow] = await Promise.all([
    readState(db),
    isRunActive(db),
    db.$client.query<RunRow>(`select * from cleanup_runs order by started_at desc limit 1`),
    db.$client.query<{ at: Date | null }>(
      // Every real run that ended well counts, the demo's history too (it shows what the job did);
      // whether the job is stale is counted from the later of this and the schedule's start.
      `select max(finished_at) as at from cleanup_runs where not dry_run and status in ('completed', 'partial')`,
    ),
    db.$client.query<{ n: number }>(
      // A run stopped by a pause did real work at the job's real pace: it counts for the ETA too.
      `select records_processed::int as n from cleanup_runs where not dry_run and status in ('completed', 'partial', 'paused') order by started_at desc limit 10`,
    ),
    db.$client.query<{ planned: number; queued: number }>(
      `select coalesce((select sum(count) from retention_plan_totals where category = $1), 0)::int as planned,
              (select count(*) from retention_dirty)::int as queued`,
      [TOTAL_ACTORS_PLANNED],
    ),
    getSettings(db),
  ]);
  const last = runs.rows[0] ? toRunDto(runs.rows[0]) : null;
  const running = active && last && last.status === 'running' ? last : null;
  const lastSuccessAt = success.rows[0]?.at ?? null;
  const tripped = state.tripped_at !== null;
  const jobState = deriveJobState({
    isRunning: running !== null,
    isTripped: tripped,
    isPaused: state.paused,
    lastSuccessAt,
    scheduleStartedAt: state.schedule_started_at,
    cadenceMinutes: params.cadenceMinutes,
    now,
  });
  const backlog =
    state.backlog && state.backlog_counted_at && state.backlog_as_of
      ? { asOf: state.backlog_as_of, countedAt: state.backlog_counted_at.toISOString(), ...state.backlog }
      : null;
  const clearedAt = backlog
    ? estimateBacklogClearedAt({ backlogRecords: backlog.recordsTotal, recentRecordsPerRun: recent.rows.map((r) => r.n), cadenceMinutes: params.cadenceMinutes, now })
    : null;
  const current = isScheduleCurrent({ rebuildAfter: state.plan_rebuild_after, settings: state.plan_settings, version: state.plan_version }, settingsNow);
  const actorsTotal = current
    ? null
    : ((await db.$client.query<{ n: number }>('select count(*)::int as n from actors')).rows[0]?.n ?? 0);
  return {
    state: jobState,
    paused: state.paused ? { at: state.paused_at?.toISOString() ?? null, by: state.paused_by } : null,
    tripped: tripped ? { at: state.tripped_at!.toISOString(), details: state.trip } : null,
    running,
    lastRun: running ? null : last,
    lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
    cadenceMinutes: params.cadenceMinutes,
    nextRunAt: state.schedule_started_at && !state.paused && !tripped ? nextScheduledAt(now, params.cadenceMinutes).toISOString() : null,
    backlog,
    backlogClearedAt: clearedAt?.toISOString() ?? null,
    breaker: {
      maxActors: state.breaker_max_actors,
      maxShare: state.breaker_max_share,
      approvedActorsLeft: state.approved_actors_left,
      approvedAt: state.approved_at?.toISOString() ?? null,
      approvedBy: state.approved_by,
    },
    schedule: {
      state: current ? 'current' : 'rebuilding',
      plannedActors: current || state.plan_rebuild_after ? (plan.rows[0]?.planned ?? 0) : 0,
      actorsTotal,
      queued: plan.rows[0]?.queued ?? 0,
      builtAt: state.plan_built_at?.toISOString() ?? null,
    },
  };
}

const JOB_TARGET = { type: 'job' as const, id: 'cleanup', label: 'cleanup job' };

/** Pauses the job: no run removes anything until it is resumed, whoever starts it (a dry run still may). */
export async function pauseJob(db: Db, by: ChangedBy): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update cleanup_state set paused = true, paused_at = now(), paused_by = ${by.label} where id = 1`);
    await writeAuditEntry(tx, { action: 'cleanup.pause', by, target: JOB_TARGET });
  });
}

/** Resumes a paused job. */
export async function resumeJob(db: Db, by: ChangedBy): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update cleanup_state set paused = false, paused_at = null, paused_by = null where id = 1`);
    await writeAuditEntry(tx, { action: 'cleanup.resume', by, target: JOB_TARGET });
  });
}

/**
 * An admin's acknowledgement of a tripped circuit breaker, after looking: approves the removals
 * due now (counted as of `asOf`) and clears the trip; the job goes on until they are done and
 * trips again only if more become due beyond the thresholds. Returns the number approved.
 */
export async function acknowledgeBreaker(db: Db, params: { by: ChangedBy; asOf: IsoDate }): Promise<{ approvedActors: number }> {
  const due = await countDueNow(db, { asOf: params.asOf });
  // Removals on the actor's own request need no approval and use up none.
  const actors = due.actors - due.requestedActors;
  await approveRemovals(db, { actors, by: params.by, acknowledge: true });
  return { approvedActors: actors };
}

/**
 * Records an admin's approval of `actors` removals (an acknowledgement, or a settings change whose
 * what-if the admin confirmed): the breaker lets that many through beyond its thresholds.
 */
export async function approveRemovals(db: Db, params: { actors: number; by: ChangedBy; acknowledge?: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    const acknowledge = params.acknowledge === true;
    await tx.execute(sql`
      update cleanup_state set approved_actors_left = ${Math.max(0, Math.round(params.actors))}, approved_at = now(), approved_by = ${params.by.label},
        tripped_at = case when ${acknowledge} then null else tripped_at end, trip = case when ${acknowledge} then null else trip end
      where id = 1`);
    if (params.acknowledge) {
      await writeAuditEntry(tx, { action: 'cleanup.acknowledge', by: params.by, target: JOB_TARGET, details: { approvedActors: params.actors } });
    }
  });
}

export type ScheduledOutcome =
  | { ran: true; summary: RunSummary }
  | { ran: false; reason: 'paused' | 'tripped' | 'busy'; runId?: string; details?: Record<string, number | string> };

/**
 * A scheduled (unattended) run: not while paused or tripped; one bounded run that passes the
 * circuit breaker (runCleanup with `breaker`): once its schedule is up to date it counts the actors
 * that would be removed and, beyond the thresholds and the admin's approval, removes nothing,
 * records a `tripped` run with the numbers and trips the job.
 */
export async function runScheduledCleanup(db: Db, options: Omit<CleanupOptions, 'dryRun' | 'settings' | 'recordRun' | 'breaker'>): Promise<ScheduledOutcome> {
  const state = await readState(db);
  if (state.paused) return { ran: false, reason: 'paused' };
  if (state.tripped_at) return { ran: false, reason: 'tripped' };
  if (await isRunActive(db)) return { ran: false, reason: 'busy' };
  try {
    return { ran: true, summary: await runCleanup(db, { ...options, breaker: true }) };
  } catch (e) {
    if (e instanceof BreakerTrippedError) return { ran: false, reason: 'tripped', runId: e.runId, details: { ...e.details } };
    const code = (e as { code?: string }).code;
    if (code === 'CLEANUP_BUSY') return { ran: false, reason: 'busy' };
    if (code === 'CLEANUP_PAUSED') return { ran: false, reason: 'paused' };
    throw e;
  }
}
