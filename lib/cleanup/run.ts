import type pg from 'pg';
import type { Db } from '../../db/client';
import { getSettings } from '../../db/queries/settings';
import { countDue, type DueCounts } from './count-due';
import { PURGE_ACCESS_LOG_SQL } from '../access/access-log';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import {
  applyRulesSql,
  computeCutoffs,
  conditionsSql,
  CREATE_BATCH_TABLE,
  fillBatchSql,
  KEEP_REQUEST_CANCELLATION_SQL,
  REMOVE_ACTORS_SQL,
  removeRecordsSql,
} from './statements';

/** Key of the advisory lock that makes a cleanup run exclusive, whoever starts it. */
export const CLEANUP_LOCK_KEY = 7325002;
const MAX_ID = Number.MAX_SAFE_INTEGER;

export type CategoryCounts = Record<string, { deleted: number; anonymized: number }>;

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
  /** `paused`: ops paused the job while the run worked; it stopped after the batch in flight. */
  status: 'completed' | 'partial' | 'paused';
  actorsExamined: number;
  actorsLocked: number;
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
  /** Who started it: `cli`, `schedule`, `dashboard`, `api`, `demo`, … (never a person's name here). */
  trigger: string;
  batchActors?: number;
  timeBudgetMs?: number;
  rowLimit?: number;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Settings to evaluate instead of the stored ones; only for a dry run that is not recorded
   * (the settings what-if). A real run always uses the stored settings.
   */
  settings?: RetentionSettings;
  /** false: no run record and no exclusive lock (the what-if's dry runs). Default true. */
  recordRun?: boolean;
  /** How long a batch waits for a row another session holds before it gives up (default 2 s). */
  lockTimeoutMs?: number;
  /** Called once the run record exists (the run id of a run started in the background). */
  onStart?: (runId: string) => void;
  /**
   * Test hook: called inside each batch transaction at each phase (`snapshot`: the transaction's
   * snapshot is taken, nothing locked yet; `filled`: the actors are locked
   * and their flags taken; `rulesApplied`: the age and cancellation rules ran; `conditionsChecked`:
   * the deletion conditions of the removal candidates were evaluated; `beforeCommit`: all done).
   * Tests use it to commit writes of "the library system" between the phases.
   */
  onPhase?: (phase: BatchPhase) => Promise<void> | void;
};

export type BatchPhase = 'snapshot' | 'filled' | 'rulesApplied' | 'conditionsChecked' | 'beforeCommit';

/**
 * How often a batch that lost a serialization race (the library system changed one of its rows
 * after the batch's snapshot) is tried again, each time on a new snapshot, before its range is
 * split like any other failure.
 */
const SERIALIZATION_RETRIES = 3;
const RETRYABLE_CODES = new Set(['40001', '40P01']);

/** Thrown inside a batch that found the job paused: the run stops there (not a failure). */
class RunPausedSignal extends Error {
  constructor() {
    super('the cleanup job was paused');
  }
}

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

/** Generic messages for batch failures: a PostgreSQL error's own text can name an actor id. */
function describeFailure(error: unknown): { code: string; message: string } {
  const code = (error as { code?: string }).code ?? 'UNKNOWN';
  const messages: Record<string, string> = {
    '55P03': 'lock timeout: rows of the batch were held by another session',
    '57014': 'statement timeout',
    '40P01': 'deadlock detected',
    '40001': 'serialization failure',
    '23503': 'foreign key violation',
    '23505': 'unique violation',
    '23514': 'check constraint violation',
    '25P03': 'idle in transaction timeout',
  };
  return { code, message: messages[code] ?? 'batch failed' };
}

type BatchResult = {
  examined: number;
  locked: number;
  removed: number;
  /** Of the removed, those removed on their own removal request (they use up no approval). */
  removedOnRequest: number;
  counts: Record<CategoryId, { deleted: number; anonymized: number }>;
  skipped: Record<string, number>;
};

function emptyCounts(): Record<CategoryId, { deleted: number; anonymized: number }> {
  return Object.fromEntries(CATEGORY_IDS.map((id) => [id, { deleted: 0, anonymized: 0 }])) as Record<
    CategoryId,
    { deleted: number; anonymized: number }
  >;
}

function addCount(counts: Record<CategoryId, { deleted: number; anonymized: number }>, id: CategoryId, n: number) {
  if (!n) return;
  if (CATEGORIES[id].action === 'anonymize') counts[id].anonymized += n;
  else counts[id].deleted += n;
}

/** Counts without the categories where nothing was done (INTERFACES.md allows leaving them out). */
function compactCounts(counts: Record<string, { deleted: number; anonymized: number }>): CategoryCounts {
  const out: CategoryCounts = {};
  for (const [id, c] of Object.entries(counts)) if (c.deleted || c.anonymized) out[id] = { ...c };
  return out;
}

/**
 * One cleanup run for `asOf`: works through every actor in batches of whole actors, each batch
 * one short transaction that applies every age and cancellation rule, re-checks the deletion
 * conditions of the removal candidates on the locked rows and removes those free of them, and
 * records its counts (run record and per-day counts) in the same transaction. A dry run does the
 * same work and rolls each batch back: the same counts, nothing written but the run record.
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

    const state = await client.query<{ paused: boolean; position: number }>('select paused, position from cleanup_state where id = 1');
    const paused = state.rows[0]?.paused ?? false;
    if (paused && !dryRun) throw new CleanupPausedError();
    const position = state.rows[0]?.position ?? 0;

    const settings = options.settings ?? (await getSettings(db));
    let runId = '';
    if (recordRun) {
      await client.query(
        `update cleanup_runs set status = 'interrupted', finished_at = now(), stop_reason = 'the process running it stopped'
         where status = 'running'`,
      );
      const inserted = await client.query<{ id: string }>(
        `insert into cleanup_runs (trigger, as_of, dry_run, settings) values ($1, $2, $3, $4) returning id`,
        [options.trigger, options.asOf, dryRun, JSON.stringify(settings)],
      );
      runId = inserted.rows[0]!.id;
      options.onStart?.(runId);
    }
    const total = await client.query<{ n: number }>('select count(*)::int as n from actors');
    const actorsTotal = total.rows[0]?.n ?? 0;
    await client.query(CREATE_BATCH_TABLE);

    const run = new RunState(client, runId, options, settings, dryRun, started, actorsTotal, recordRun);
    const segments: [number, number][] = dryRun || position <= 0 ? [[0, MAX_ID]] : [[position, MAX_ID], [0, position]];
    let stopReason: string | null = null;
    let pausedMidRun = false;
    outer: for (const [segmentStart, segmentEnd] of segments) {
      let lo = segmentStart;
      for (;;) {
        stopReason = run.shouldStop();
        if (stopReason) break outer;
        const next = await client.query<{ hi: number | null }>(
          `select coalesce(
             (select id from actors where id > $1 and id <= $2 order by id offset $3 limit 1),
             (select max(id) from actors where id > $1 and id <= $2)) as hi`,
          [lo, segmentEnd, batchActors - 1],
        );
        const hi = next.rows[0]?.hi ?? null;
        if (hi === null) break;
        try {
          await run.processRange(lo, hi);
        } catch (e) {
          if (!(e instanceof RunPausedSignal)) throw e;
          pausedMidRun = true;
          stopReason = 'the job was paused while the run worked';
          break outer;
        }
        lo = hi;
      }
    }
    const summary = await run.finish(stopReason, pausedMidRun);
    if (!dryRun && recordRun) await afterRealRun(db, client, summary);
    return summary;
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1)', [CLEANUP_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/**
 * After a real run, still holding the run lock: the actors it removed use up an admin's approval
 * (circuit breaker), and the backlog of its as-of date is counted and kept with the time it was
 * counted (RETENTION.md, "Backlog"). A run that completed with no failed batch and no locked actor
 * leaves nothing due, so that backlog is zero without a count.
 */
async function afterRealRun(db: Db, client: pg.PoolClient, summary: RunSummary): Promise<void> {
  // Removals on the actor's own request were decided by a person: they use up no approval.
  const approvedUsed = summary.actorsRemoved - summary.actorsRemovedOnRequest;
  if (approvedUsed > 0) {
    await client.query('update cleanup_state set approved_actors_left = greatest(0, approved_actors_left - $1) where id = 1', [approvedUsed]);
  }
  const clean = summary.status === 'completed' && summary.errors === 0 && summary.actorsLocked === 0;
  await storeBacklog(client, summary.asOf, clean ? emptyDue() : await countDue(db, { asOf: summary.asOf }));
}

/** How long the per-day backlog history (the ops screen's burn-down) is kept: a little over a year. */
export const BACKLOG_HISTORY_DAYS = 400;

/**
 * Keeps the backlog counted for `asOf` as the job's current backlog and as that day's point of the
 * burn-down history (the last count of a day wins), trimming history older than BACKLOG_HISTORY_DAYS.
 */
async function storeBacklog(client: pg.ClientBase, asOf: IsoDate, backlog: DueCounts): Promise<void> {
  const records = JSON.stringify(backlog.records);
  await client.query(
    `with state as (
       update cleanup_state set backlog = $1, backlog_as_of = $2, backlog_counted_at = now() where id = 1
     ), day as (
       insert into cleanup_backlog_days (day, counted_at, actors, records_total, records)
       values ($2, now(), $3, $4, $5)
       on conflict (day) do update
         set counted_at = excluded.counted_at, actors = excluded.actors,
             records_total = excluded.records_total, records = excluded.records
     )
     delete from cleanup_backlog_days where day < $2::date - $6::int`,
    [JSON.stringify(backlog), asOf, backlog.actors, backlog.recordsTotal, records, BACKLOG_HISTORY_DAYS],
  );
}

/** Counts what is due on `asOf` and keeps it as the job's backlog, with the time it was counted. */
export async function countAndStoreBacklog(db: Db, asOf: IsoDate): Promise<DueCounts> {
  const backlog = await countDue(db, { asOf });
  const client = await db.$client.connect();
  try {
    await storeBacklog(client, asOf, backlog);
  } finally {
    client.release();
  }
  return backlog;
}

function emptyDue(): DueCounts {
  return { actors: 0, requestedActors: 0, records: Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>, recordsTotal: 0 };
}

class RunState {
  counts = emptyCounts();
  skipped: Record<string, number> = {};
  actorsExamined = 0;
  actorsLocked = 0;
  actorsRemoved = 0;
  actorsRemovedOnRequest = 0;
  recordsProcessed = 0;
  batches = 0;
  errors = 0;
  errorDetails: { code: string; message: string; at: string }[] = [];
  private readonly cutoffs;
  private readonly fillSql;
  private readonly rulesSql;
  private readonly conditionSql;
  private readonly removeSql;

  constructor(
    private readonly client: pg.PoolClient,
    readonly runId: string,
    private readonly options: CleanupOptions,
    settings: RetentionSettings,
    private readonly dryRun: boolean,
    private readonly started: number,
    private readonly actorsTotal: number,
    private readonly recordRun: boolean,
  ) {
    this.cutoffs = computeCutoffs(settings, options.asOf);
    this.fillSql = fillBatchSql(options.asOf, this.cutoffs);
    this.rulesSql = applyRulesSql(options.asOf, this.cutoffs);
    this.conditionSql = conditionsSql(settings, this.cutoffs);
    this.removeSql = removeRecordsSql(options.asOf);
  }

  shouldStop(): string | null {
    if (this.options.timeBudgetMs !== undefined && Date.now() - this.started >= this.options.timeBudgetMs) return 'time budget reached';
    if (this.options.rowLimit !== undefined && this.recordsProcessed >= this.options.rowLimit) return 'row limit reached';
    return null;
  }

  /**
   * Processes actors with ids in (lo, hi]. A batch that fails is rolled back and its range split
   * into about √n chunks, each its own transaction, recursively, so that one bad actor (a row held
   * by another session, a constraint) costs a couple of retries and never holds back the rest.
   * The failure that is left is recorded without any id; a later run retries it.
   */
  async processRange(lo: number, hi: number, attempt = 0): Promise<void> {
    try {
      await this.processBatch(lo, hi);
      return;
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      if (error instanceof RunPausedSignal) throw error;
      // A write of the library system to a row of the batch, committed after the batch's snapshot:
      // the batch is tried again on a new snapshot, which sees that write (and honours it).
      if (RETRYABLE_CODES.has((error as { code?: string }).code ?? '') && attempt < SERIALIZATION_RETRIES) {
        await this.processRange(lo, hi, attempt + 1);
        return;
      }
      const ids = await this.client.query<{ id: number }>('select id from actors where id > $1 and id <= $2 order by id', [lo, hi]);
      const n = ids.rowCount ?? 0;
      if (n > 1) {
        const size = Math.min(Math.ceil(Math.sqrt(n)), Math.ceil(n / 2));
        let from = lo;
        for (let i = size - 1; i < n + size - 1; i += size) {
          const to = i >= n - 1 ? hi : ids.rows[i]!.id;
          await this.processRange(from, to);
          from = to;
          if (to === hi) break;
        }
        return;
      }
      if (n === 0) return;
      // One actor left: record the failure, without any id, and go on.
      this.errors += 1;
      this.errorDetails.push({ ...describeFailure(error), at: new Date().toISOString() });
      if (this.recordRun)
        await this.client.query(`update cleanup_runs set errors = $2, error_details = $3, updated_at = now() where id = $1`, [
        this.runId,
        this.errors,
        JSON.stringify(this.errorDetails.slice(-50)),
      ]);
    }
  }

  /**
   * One batch, one REPEATABLE READ transaction. The library system writes the same tables at any
   * time; at READ COMMITTED a reactivation, a fine reopened, a loan un-returned or a block retyped,
   * committed after the batch decided "removable" but before it deleted, was not seen and the
   * actor went anyway. At REPEATABLE READ every statement of the batch sees one snapshot, and any
   * row the batch then changes (removal changes every row of the actor) that another session
   * changed after that snapshot fails the batch with a serialization error; rows inserted since
   * (a new loan, a new membership) make the actor's delete fail its foreign-key check the same
   * way. Either way the batch is rolled back and tried again on a new snapshot (processRange), so
   * whatever the library system commits before a batch commits is honoured. A write that comes
   * after the batch took its locks waits for the batch and is honoured by the next run.
   *
   * The job's state is read inside the same transaction: a paused job stops the run before this
   * batch does anything (RunPausedSignal); a pause committed while the batch works makes its
   * bookkeeping update of cleanup_state conflict, so the batch is rolled back, retried and stops.
   * A dry run is not stopped by a pause.
   */
  private async processBatch(lo: number, hi: number): Promise<void> {
    const c = this.client;
    await c.query('begin isolation level repeatable read');
    const lockTimeout = Math.max(1, Math.round(this.options.lockTimeoutMs ?? 2000));
    await c.query(
      `set local lock_timeout = '${lockTimeout}ms'; set local statement_timeout = '5min'; set local idle_in_transaction_session_timeout = '2min'`,
    );
    if (!this.dryRun && this.recordRun) {
      const state = await c.query<{ paused: boolean }>('select paused from cleanup_state where id = 1');
      if (state.rows[0]?.paused) throw new RunPausedSignal();
    }
    const inRange = await c.query<{ n: number }>('select count(*)::int as n from actors where id > $1 and id <= $2', [lo, hi]);
    await this.options.onPhase?.('snapshot');
    const filled = await c.query(this.fillSql, [lo, hi]);
    await c.query(KEEP_REQUEST_CANCELLATION_SQL, [lo, hi]);
    await this.options.onPhase?.('filled');
    const examined = inRange.rows[0]?.n ?? 0;
    const lockedCount = filled.rowCount ?? 0;
    const result: BatchResult = { examined, locked: examined - lockedCount, removed: 0, removedOnRequest: 0, counts: emptyCounts(), skipped: {} };

    const phase1 = await c.query<Record<CategoryId, number>>(this.rulesSql, [lo, hi]);
    for (const id of CATEGORY_IDS) addCount(result.counts, id, phase1.rows[0]?.[id] ?? 0);
    await this.options.onPhase?.('rulesApplied');

    const candidates = await c.query<{ actor_id: number; codes: string[]; requested: boolean }>(this.conditionSql, [lo, hi]);
    const removable: number[] = [];
    for (const row of candidates.rows) {
      if (row.codes.length === 0) {
        removable.push(row.actor_id);
        if (row.requested) result.removedOnRequest += 1;
      }
      for (const code of row.codes) result.skipped[code] = (result.skipped[code] ?? 0) + 1;
    }
    await this.options.onPhase?.('conditionsChecked');
    if (removable.length > 0) {
      const phase3 = await c.query<Record<CategoryId, number>>(this.removeSql, [removable]);
      for (const id of CATEGORY_IDS) addCount(result.counts, id, phase3.rows[0]?.[id] ?? 0);
      const removed = await c.query(REMOVE_ACTORS_SQL, [removable]);
      result.removed = removed.rowCount ?? 0;
    }
    await this.options.onPhase?.('beforeCommit');

    const next = this.merge(result);
    if (this.dryRun) {
      await c.query('rollback');
      await this.writeProgress(next);
    } else {
      await this.writeDailyCounts(result);
      await c.query(
        `update cleanup_state set position = coalesce((select max(id) from actors where id > $1 and id <= $2), position) where id = 1`,
        [lo, hi],
      );
      await this.writeProgress(next);
      await c.query('commit');
    }
    this.apply(next);
    this.options.onProgress?.({
      actorsExamined: this.actorsExamined,
      actorsRemoved: this.actorsRemoved,
      recordsProcessed: this.recordsProcessed,
      batches: this.batches,
      errors: this.errors,
      actorsTotal: this.actorsTotal,
      elapsedMs: Date.now() - this.started,
    });
  }

  /** The run's totals after this batch; applied to `this` only once the batch has committed. */
  private merge(batch: BatchResult) {
    const counts = emptyCounts();
    let processed = 0;
    for (const id of CATEGORY_IDS) {
      counts[id].deleted = this.counts[id].deleted + batch.counts[id].deleted;
      counts[id].anonymized = this.counts[id].anonymized + batch.counts[id].anonymized;
      processed += batch.counts[id].deleted + batch.counts[id].anonymized;
    }
    const skipped = { ...this.skipped };
    for (const [code, n] of Object.entries(batch.skipped)) skipped[code] = (skipped[code] ?? 0) + n;
    return {
      counts,
      skipped,
      actorsExamined: this.actorsExamined + batch.examined,
      actorsLocked: this.actorsLocked + batch.locked,
      actorsRemoved: this.actorsRemoved + batch.removed,
      actorsRemovedOnRequest: this.actorsRemovedOnRequest + batch.removedOnRequest,
      recordsProcessed: this.recordsProcessed + processed,
      batches: this.batches + 1,
    };
  }

  private apply(next: ReturnType<RunState['merge']>) {
    this.counts = next.counts;
    this.skipped = next.skipped;
    this.actorsExamined = next.actorsExamined;
    this.actorsLocked = next.actorsLocked;
    this.actorsRemoved = next.actorsRemoved;
    this.actorsRemovedOnRequest = next.actorsRemovedOnRequest;
    this.recordsProcessed = next.recordsProcessed;
    this.batches = next.batches;
  }

  private async writeProgress(next: ReturnType<RunState['merge']>) {
    if (!this.recordRun) return;
    await this.client.query(
      `update cleanup_runs set actors_examined = $2, actors_locked = $3, actors_removed = $4, records_processed = $5,
         records = $6, skipped = $7, batches = $8, updated_at = now() where id = $1`,
      [
        this.runId,
        next.actorsExamined,
        next.actorsLocked,
        next.actorsRemoved,
        next.recordsProcessed,
        JSON.stringify(compactCounts(next.counts)),
        JSON.stringify(next.skipped),
        next.batches,
      ],
    );
  }

  private async writeDailyCounts(batch: BatchResult) {
    const rows: { category: string; deleted: number; anonymized: number }[] = [];
    for (const id of CATEGORY_IDS) {
      const c = batch.counts[id];
      if (c.deleted || c.anonymized) rows.push({ category: id, ...c });
    }
    if (batch.removed) rows.push({ category: 'actors', deleted: batch.removed, anonymized: 0 });
    if (rows.length === 0) return;
    await this.client.query(
      `insert into cleanup_daily_counts (day, category, deleted, anonymized)
       select $1::date, x.category, x.deleted, x.anonymized
       from json_to_recordset($2::json) as x(category text, deleted bigint, anonymized bigint)
       on conflict (day, category) do update
         set deleted = cleanup_daily_counts.deleted + excluded.deleted,
             anonymized = cleanup_daily_counts.anonymized + excluded.anonymized`,
      [this.options.asOf, JSON.stringify(rows)],
    );
  }

  async finish(stopReason: string | null, paused = false): Promise<RunSummary> {
    const status = paused ? 'paused' : stopReason ? 'partial' : 'completed';
    // The access log keeps 24 months (RETENTION.md); a real run trims it for its as-of date.
    if (!this.dryRun && this.recordRun) {
      await this.client.query(PURGE_ACCESS_LOG_SQL, [this.options.asOf]);
    }
    if (this.recordRun)
      await this.client.query(
      `update cleanup_runs set status = $2, stop_reason = $3, finished_at = now(), updated_at = now(), errors = $4 where id = $1`,
      [this.runId, status, stopReason, this.errors],
    );
    return {
      runId: this.runId,
      asOf: this.options.asOf,
      dryRun: this.dryRun,
      actorsRemoved: this.actorsRemoved,
      actorsRemovedOnRequest: this.actorsRemovedOnRequest,
      records: compactCounts(this.counts),
      skipped: { ...this.skipped },
      errors: this.errors,
      status,
      actorsExamined: this.actorsExamined,
      actorsLocked: this.actorsLocked,
      recordsProcessed: this.recordsProcessed,
      batches: this.batches,
      durationMs: Date.now() - this.started,
    };
  }
}
