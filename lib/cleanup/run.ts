import type pg from 'pg';
import { drizzleOnClient, type Db } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { PURGE_ACCESS_LOG_SQL } from '../access/access-log';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import { storeScheduleSums } from './backlog';
import { compactCounts, RunPausedSignal, RunState, type BatchPhase, type CategoryCounts } from './batch';
import { decideBreaker } from './job-state';
import {
  drainSchedule,
  getDueActorIds,
  isScheduleCurrent,
  readScheduleState,
  rebuildSchedule,
  refreshScheduleStatistics,
  requestScheduleRebuild,
} from './schedule';
import { dropEmptyTotals } from './schedule-plans';
import { sumSchedule, type ScheduleSums } from './schedule-sums';
import { CREATE_BATCH_TABLE } from './statements';

export type { BatchPhase, CategoryCounts };

/** Key of the advisory lock that makes a cleanup run exclusive, whoever starts it. */
export const CLEANUP_LOCK_KEY = 7325002;

/** The run summary of INTERFACES.md, plus a few fields of our own. */
export type RunSummary = {
  runId: string;
  asOf: IsoDate;
  dryRun: boolean;
  actorsRemoved: number;
  /** Of `actorsRemoved`, those removed on their own removal request (no approval used up). */
  actorsRemovedOnRequest: number;
  records: CategoryCounts;
  skipped: Record<string, number>;
  errors: number;
  /** Batches that failed and were split to find the actor behind it (each split is a failure, even when its parts then succeed). */
  batchesSplit: number;
  /** `paused`: ops paused the job while the run worked; it stopped after the batch in flight. */
  status: 'completed' | 'partial' | 'paused';
  actorsExamined: number;
  actorsLocked: number;
  /** Actors the run planned anew before its work (changed since their plan, or out of its interval), or all of them in a rebuild. */
  actorsPlanned: number;
  recordsProcessed: number;
  batches: number;
  durationMs: number;
};

export type RunProgress = Pick<RunSummary, 'actorsExamined' | 'actorsRemoved' | 'recordsProcessed' | 'batches' | 'errors'> & {
  actorsTotal: number;
  elapsedMs: number;
};

export type CleanupOptions = {
  asOf: IsoDate;
  dryRun?: boolean;
  /** How it was started: `cli`, `schedule`, `dashboard`, `api`, `demo`, … */
  trigger: string;
  /** Who started it, when a person or a token did (a staff login, never a customer): shown in the run history. */
  startedBy?: string;
  /** Actors per batch, and per transaction of the schedule's upkeep (default 5,000). */
  batchActors?: number;
  timeBudgetMs?: number;
  rowLimit?: number;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Settings to evaluate instead of the stored ones; only for a dry run that is not recorded
   * (the settings what-if). A real run always uses the stored settings.
   */
  settings?: RetentionSettings;
  /** false: no run record, no exclusive lock and no schedule (the what-if's dry runs walk the library). Default true. */
  recordRun?: boolean;
  /** How long a batch waits for a row another session holds before it gives up (default 2 s). */
  lockTimeoutMs?: number;
  /** Called once the run record exists (the run id of a run started in the background). */
  onStart?: (runId: string) => void;
  /**
   * An unattended run (the schedule, a token's run now): once the schedule is up to date, the
   * circuit breaker counts the removals due and, beyond its thresholds and the admin's approval,
   * the run removes nothing, is recorded as `tripped` and throws BreakerTrippedError.
   */
  breaker?: boolean;
  /**
   * Test hook: called inside each batch transaction at each phase (`snapshot`: the transaction's
   * snapshot is taken, nothing locked yet; `filled`: the actors are locked
   * and their flags taken; `rulesApplied`: the age and cancellation rules ran; `conditionsChecked`:
   * the deletion conditions of the removal candidates were evaluated; `beforeCommit`: all done).
   * Tests use it to commit writes of "the library system" between the phases.
   */
  onPhase?: (phase: BatchPhase) => Promise<void> | void;
};

export class CleanupBusyError extends Error {
  readonly code = 'CLEANUP_BUSY';
  constructor() {
    super('another cleanup run is active');
  }
}

export class CleanupPausedError extends Error {
  readonly code = 'CLEANUP_PAUSED';
  constructor() {
    super('the cleanup job is paused (a dry run is still allowed)');
  }
}

export type BreakerTrip = { dueActors: number; unapproved: number; actorsTotal: number; maxActors: number; maxShare: number; asOf: IsoDate };

/** An unattended run stopped by the circuit breaker: recorded as `tripped`, nothing removed. */
export class BreakerTrippedError extends Error {
  readonly code = 'BREAKER_TRIPPED';
  constructor(
    readonly runId: string,
    readonly details: BreakerTrip,
  ) {
    super('the circuit breaker tripped: too many actors would be removed');
  }
}

/**
 * One cleanup run for `asOf`. A recorded run works from the retention schedule
 * (lib/cleanup/schedule.ts): it brings the schedule up to date (rebuilt after a settings change;
 * the actors changed since the last run, and those whose plan ends, planned anew), then works
 * through the actors due on `asOf` in batches (lib/cleanup/batch.ts), each one short transaction
 * that re-checks everything on the rows, and finally plans anew what changed meanwhile and works
 * those of them that became due. So its work grows with what is due, not with the library. An
 * unrecorded dry run (the settings what-if, with other settings) walks the whole library instead.
 * A dry run does the same work and rolls each batch back: the same counts, nothing written but the
 * run record and the schedule's upkeep.
 *
 * Exclusive: a session advisory lock held on a dedicated connection for the run's length makes any
 * other run, from any process, fail at once with CleanupBusyError. A killed process loses its
 * connection and with it the lock; its run record is marked interrupted by the next run.
 */
export async function runCleanup(db: Db, options: CleanupOptions): Promise<RunSummary> {
  const started = Date.now();
  const dryRun = options.dryRun ?? false;
  const recordRun = options.recordRun ?? true;
  if (!dryRun && (options.settings || !recordRun)) throw new Error('only an unrecorded dry run may use other settings');
  const batchActors = options.batchActors ?? 5000;
  const client = await db.$client.connect();
  let locked = false;
  try {
    if (recordRun) {
      const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [CLEANUP_LOCK_KEY]);
      locked = got.rows[0]?.ok === true;
      if (!locked) throw new CleanupBusyError();
    }

    const state = await client.query<{ paused: boolean }>('select paused from cleanup_state where id = 1');
    if ((state.rows[0]?.paused ?? false) && !dryRun) throw new CleanupPausedError();

    // On the run's own connection: a second one from the pool may have to be opened first.
    const settings = options.settings ?? (await getSettings(drizzleOnClient(client)));
    let runId = '';
    if (recordRun) {
      await client.query(
        `update cleanup_runs set status = 'interrupted', finished_at = now(), stop_reason = 'the process running it stopped'
         where status = 'running'`,
      );
      const inserted = await client.query<{ id: string }>(
        `insert into cleanup_runs (trigger, started_by, as_of, dry_run, settings) values ($1, $2, $3, $4, $5) returning id`,
        [options.trigger, options.startedBy ?? null, options.asOf, dryRun, JSON.stringify(settings)],
      );
      runId = inserted.rows[0]!.id;
      // An unattended run says it started once the circuit breaker let it (a trip is its answer).
      if (!options.breaker || dryRun) options.onStart?.(runId);
    }
    await client.query(CREATE_BATCH_TABLE);

    let actorsTotal = 0;
    let actorsPlanned = 0;
    const onBatch = (s: RunState) =>
      options.onProgress?.({
        actorsExamined: s.actorsExamined,
        actorsRemoved: s.actorsRemoved,
        recordsProcessed: s.recordsProcessed,
        batches: s.batches,
        errors: s.errors,
        actorsTotal,
        elapsedMs: Date.now() - started,
      });
    const run = new RunState(client, runId, options, settings, dryRun, started, recordRun, recordRun, onBatch);
    const shouldStop = () => run.shouldStop();
    let stopReason: string | null = null;
    let pausedMidRun = false;
    try {
      if (recordRun) {
        // 1. The schedule, up to date for the run's date.
        if (!isScheduleCurrent(await readScheduleState(client), settings)) {
          const rebuilt = await rebuildSchedule(client, { asOf: options.asOf, shouldStop, chunkActors: batchActors });
          actorsPlanned += rebuilt.planned;
          if (!rebuilt.complete) stopReason = `${shouldStop() ?? 'stopped'} while the schedule was rebuilt (the next run goes on)`;
        }
        if (!stopReason) {
          const drained = await drainSchedule(client, { asOf: options.asOf, settings, shouldStop, chunkActors: batchActors });
          actorsPlanned += drained.replanned;
          if (!drained.complete) stopReason = `${shouldStop() ?? 'stopped'} while changed actors were planned anew`;
        }
        // 2. The circuit breaker, for an unattended run, on the up-to-date schedule.
        if (options.breaker && !dryRun) {
          if (!stopReason) await checkBreaker(client, runId, options.asOf, settings);
          options.onStart?.(runId);
        }
        // 3. The actors due.
        if (!stopReason) {
          const due = await getDueActorIds(client, options.asOf);
          actorsTotal = due.length;
          stopReason = await processInBatches(run, due, batchActors);
          // 4. What changed while the run worked (the library system's writes, a batch whose work
          // differed from the plans), planned anew; those of it due today are worked now, once.
          if (!stopReason && !dryRun) {
            const drained = await drainSchedule(client, { asOf: options.asOf, settings, shouldStop, chunkActors: batchActors });
            actorsPlanned += drained.replanned;
            if (!drained.complete) stopReason = `${shouldStop() ?? 'stopped'} while changed actors were planned anew`;
            else if (drained.replanned > 0) {
              const visited = new Set(due);
              const more = (await getDueActorIds(client, options.asOf)).filter((id) => !visited.has(id));
              actorsTotal += more.length;
              stopReason = await processInBatches(run, more, batchActors);
            }
          }
        }
      } else {
        const total = await client.query<{ n: number }>('select count(*)::int as n from actors');
        actorsTotal = total.rows[0]?.n ?? 0;
        stopReason = await walkLibrary(client, run, batchActors);
      }
    } catch (e) {
      if (!(e instanceof RunPausedSignal)) throw e;
      pausedMidRun = true;
      stopReason = 'the job was paused while the run worked';
    }
    let sums: ScheduleSums | null = null;
    if (recordRun) {
      // Plans made anew, and (a real run) the plans of the actors it worked: each is a changed row.
      const manyChanged = await refreshScheduleStatistics(client, actorsPlanned + (dryRun ? 0 : run.actorsExamined));
      if (!dryRun) await dropEmptyTotals(client, manyChanged ? null : options.asOf);
      sums = await sumSchedule(client, { asOf: options.asOf, months: 12, settings });
      // The actors a condition keeps on the date, whether or not this run had anything of theirs to do.
      if (sums) run.skipped = { ...sums.skipped } as Record<string, number>;
    }
    const summary = await finishRun(client, run, options.asOf, dryRun, recordRun, stopReason, pausedMidRun, actorsPlanned, started);
    if (!dryRun && recordRun) await afterRealRun(client, summary, sums);
    return summary;
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1)', [CLEANUP_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Works through `ids` (ascending) in batches; returns why it stopped early, if it did. */
async function processInBatches(run: RunState, ids: readonly number[], batchActors: number): Promise<string | null> {
  for (let i = 0; i < ids.length; i += batchActors) {
    const stop = run.shouldStop();
    if (stop) return stop;
    await run.processIds(ids.slice(i, i + batchActors));
  }
  return null;
}

/** Every actor of the library, in batches of consecutive ids (the what-if's walk, without a schedule). */
async function walkLibrary(client: pg.PoolClient, run: RunState, batchActors: number): Promise<string | null> {
  let after = 0;
  for (;;) {
    const stop = run.shouldStop();
    if (stop) return stop;
    const next = await client.query<{ id: number }>('select id from actors where id > $1 order by id limit $2', [after, batchActors]);
    if (next.rows.length === 0) return null;
    const ids = next.rows.map((r) => r.id);
    await run.processIds(ids);
    after = ids.at(-1)!;
  }
}

/**
 * The circuit breaker of an unattended run (RETENTION.md, "The cleanup job"): the removals due on
 * `asOf`, summed over the up-to-date schedule, beyond the admin's approval and the thresholds stop
 * the run before it removes anything: the run is recorded as `tripped` with the numbers, the job
 * trips, and BreakerTrippedError says so. Removals on the actor's own request need no approval.
 */
async function checkBreaker(client: pg.PoolClient, runId: string, asOf: IsoDate, settings: RetentionSettings): Promise<void> {
  const sums = await sumSchedule(client, { asOf, months: 1, settings });
  if (!sums) throw new Error('the retention schedule is not up to date');
  const state = await client.query<{ approved_actors_left: number; breaker_max_actors: number; breaker_max_share: number }>(
    'select approved_actors_left, breaker_max_actors, breaker_max_share from cleanup_state where id = 1',
  );
  const s = state.rows[0]!;
  const decision = decideBreaker({
    dueActors: sums.due.actors,
    requestedActors: sums.due.requestedActors,
    approvedLeft: s.approved_actors_left,
    actorsTotal: sums.actorsTotal,
    thresholds: { maxActors: s.breaker_max_actors, maxShare: s.breaker_max_share },
  });
  if (!decision.trips) return;
  const details: BreakerTrip = {
    dueActors: decision.dueActors,
    unapproved: decision.unapproved,
    actorsTotal: decision.actorsTotal,
    maxActors: decision.thresholds.maxActors,
    maxShare: decision.thresholds.maxShare,
    asOf,
  };
  const reason = `circuit breaker: ${decision.unapproved} actors would be removed beyond the approval (${decision.dueActors} due of ${decision.actorsTotal}); limits ${decision.thresholds.maxActors} actors or ${(decision.thresholds.maxShare * 100).toFixed(2)} %`;
  await client.query('begin');
  await client.query(`update cleanup_runs set status = 'tripped', stop_reason = $2, finished_at = now(), updated_at = now() where id = $1`, [runId, reason]);
  await client.query(`update cleanup_state set tripped_at = now(), trip = $1::jsonb where id = 1`, [JSON.stringify({ ...details, runId })]);
  await client.query('commit');
  throw new BreakerTrippedError(runId, details);
}

async function finishRun(
  client: pg.PoolClient,
  run: RunState,
  asOf: IsoDate,
  dryRun: boolean,
  recordRun: boolean,
  stopReason: string | null,
  paused: boolean,
  actorsPlanned: number,
  started: number,
): Promise<RunSummary> {
  const status = paused ? 'paused' : stopReason ? 'partial' : 'completed';
  // The access log keeps 24 months (RETENTION.md); a real run trims it for its as-of date.
  if (!dryRun && recordRun) await client.query(PURGE_ACCESS_LOG_SQL, [asOf]);
  if (recordRun)
    await client.query(`update cleanup_runs set status = $2, stop_reason = $3, finished_at = now(), updated_at = now(), errors = $4 where id = $1`, [
      run.runId,
      status,
      stopReason,
      run.errors,
    ]);
  return {
    runId: run.runId,
    asOf,
    dryRun,
    actorsRemoved: run.actorsRemoved,
    actorsRemovedOnRequest: run.actorsRemovedOnRequest,
    records: compactCounts(run.counts),
    skipped: { ...run.skipped },
    errors: run.errors,
    batchesSplit: run.batchesSplit,
    status,
    actorsExamined: run.actorsExamined,
    actorsLocked: run.actorsLocked,
    actorsPlanned,
    recordsProcessed: run.recordsProcessed,
    batches: run.batches,
    durationMs: Date.now() - started,
  };
}

/**
 * After a real run, still holding the run lock: the actors it removed use up an admin's approval
 * (circuit breaker), and the backlog and today's forecast are summed over the schedule and kept
 * with the time they were counted (RETENTION.md, "Backlog").
 */
async function afterRealRun(client: pg.PoolClient, summary: RunSummary, sums: ScheduleSums | null): Promise<void> {
  // Removals on the actor's own request were decided by a person: they use up no approval.
  const approvedUsed = summary.actorsRemoved - summary.actorsRemovedOnRequest;
  if (approvedUsed > 0) {
    await client.query('update cleanup_state set approved_actors_left = greatest(0, approved_actors_left - $1) where id = 1', [approvedUsed]);
  }
  // A schedule still being rebuilt (the run stopped in it) has no sums yet: the last ones stay, with their time.
  if (sums) await storeScheduleSums(client, summary.asOf, sums);
}

/**
 * Plans every actor anew now (`retention job replan`), holding the run lock so that no run works
 * meanwhile: for an operator who wants the schedule rebuilt at once (after restoring a backup, say)
 * rather than by the next run. Resumable like any rebuild. CleanupBusyError when a run is active.
 */
export async function replanSchedule(
  db: Db,
  params: { asOf: IsoDate; chunkActors?: number; onProgress?: (planned: number) => void },
): Promise<{ planned: number; durationMs: number }> {
  const started = Date.now();
  const client = await db.$client.connect();
  let locked = false;
  try {
    const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [CLEANUP_LOCK_KEY]);
    locked = got.rows[0]?.ok === true;
    if (!locked) throw new CleanupBusyError();
    await requestScheduleRebuild(client);
    const rebuilt = await rebuildSchedule(client, { asOf: params.asOf, onProgress: params.onProgress, chunkActors: params.chunkActors });
    const settings = await getSettings(drizzleOnClient(client));
    await drainSchedule(client, { asOf: params.asOf, settings, chunkActors: params.chunkActors });
    await dropEmptyTotals(client, null);
    const sums = await sumSchedule(client, { asOf: params.asOf, months: 12, settings });
    if (sums) await storeScheduleSums(client, params.asOf, sums);
    return { planned: rebuilt.planned, durationMs: Date.now() - started };
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1)', [CLEANUP_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
