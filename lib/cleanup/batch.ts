import type pg from 'pg';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import { REMOVE_ACTORS_SQL, removeRecordsSql } from './removal-statements';
import { APPLY_BATCH_TO_SCHEDULE_SQL } from './schedule';
import {
  applyRulesSql,
  computeCutoffs,
  conditionsSql,
  fillBatchSql,
  isSparseBatch,
  KEEP_REQUEST_CANCELLATION_SQL,
} from './statements';

/*
 * One batch of a cleanup run: a short REPEATABLE READ transaction over a list of actors that
 * applies every age and cancellation rule, re-checks the deletion conditions of the removal
 * candidates on the locked rows, removes those free of them, and records its counts (run record,
 * per-day counts and, with the schedule, the plans) in the same transaction. lib/cleanup/run.ts
 * decides which actors; RunState keeps the run's totals across its batches.
 */

export type CategoryCounts = Record<string, { deleted: number; anonymized: number }>;

export type BatchPhase = 'snapshot' | 'filled' | 'rulesApplied' | 'conditionsChecked' | 'beforeCommit';

export type BatchOptions = {
  asOf: IsoDate;
  timeBudgetMs?: number;
  rowLimit?: number;
  lockTimeoutMs?: number;
  onPhase?: (phase: BatchPhase) => Promise<void> | void;
};

/**
 * How often a batch that lost a serialization race (the library system changed one of its rows
 * after the batch's snapshot) is tried again, each time on a new snapshot, before its actors are
 * split like any other failure.
 */
const SERIALIZATION_RETRIES = 3;
const RETRYABLE_CODES = new Set(['40001', '40P01']);

/** Thrown inside a batch that found the job paused: the run stops there (not a failure). */
export class RunPausedSignal extends Error {
  constructor() {
    super('the cleanup job was paused');
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

type Counts = Record<CategoryId, { deleted: number; anonymized: number }>;

type BatchResult = {
  examined: number;
  locked: number;
  removed: number;
  /** Of the removed, those removed on their own removal request (they use up no approval). */
  removedOnRequest: number;
  counts: Counts;
  skipped: Record<string, number>;
};

export function emptyCounts(): Counts {
  return Object.fromEntries(CATEGORY_IDS.map((id) => [id, { deleted: 0, anonymized: 0 }])) as Counts;
}

function addCount(counts: Counts, id: CategoryId, n: number) {
  if (!n) return;
  if (CATEGORIES[id].action === 'anonymize') counts[id].anonymized += n;
  else counts[id].deleted += n;
}

/** Counts without the categories where nothing was done (INTERFACES.md allows leaving them out). */
export function compactCounts(counts: Record<string, { deleted: number; anonymized: number }>): CategoryCounts {
  const out: CategoryCounts = {};
  for (const [id, c] of Object.entries(counts)) if (c.deleted || c.anonymized) out[id] = { ...c };
  return out;
}

const idList = (ids: readonly number[]) => `{${ids.join(',')}}`;

/** The run's totals over its committed batches, and the batch transaction itself. */
export class RunState {
  counts = emptyCounts();
  skipped: Record<string, number> = {};
  actorsExamined = 0;
  actorsLocked = 0;
  actorsRemoved = 0;
  actorsRemovedOnRequest = 0;
  recordsProcessed = 0;
  batches = 0;
  errors = 0;
  /**
   * Batches that failed (not a serialization retry) and were split. Every split is a failure a
   * monitor should see: a systematic fault (a statement that always fails) shows here as many
   * splits even when the single actors then succeed and `errors` stays 0.
   */
  batchesSplit = 0;
  /** Batches whose work differed from the actors' plans; their actors are planned anew. */
  planMismatches = 0;
  errorDetails: { code: string; message: string; at: string }[] = [];
  private readonly sql: Record<'dense' | 'sparse' | 'planned', { fill: string; rules: string; conditions: string }>;
  private readonly removeSql;

  constructor(
    private readonly client: pg.PoolClient,
    readonly runId: string,
    private readonly options: BatchOptions,
    settings: RetentionSettings,
    private readonly dryRun: boolean,
    private readonly started: number,
    private readonly recordRun: boolean,
    /** Whether the batches keep the retention schedule (a recorded run) or walk without it (the what-if). */
    private readonly keepSchedule: boolean,
    private readonly onBatch?: (state: RunState) => void,
  ) {
    const cutoffs = computeCutoffs(settings, options.asOf);
    const variant = (sparse: boolean, planned = false) => ({
      fill: fillBatchSql(options.asOf, cutoffs, sparse, planned),
      rules: applyRulesSql(options.asOf, cutoffs, sparse, planned),
      conditions: conditionsSql(settings, cutoffs, sparse),
    });
    // `planned`: a sparse batch of a recorded run, whose actors come from a schedule made with these
    // settings; each table is then looked up for the actors its plans name (statements.ts, inPlan).
    this.sql = { dense: variant(false), sparse: variant(true), planned: variant(true, true) };
    this.removeSql = removeRecordsSql(options.asOf);
  }

  shouldStop(): string | null {
    if (this.options.timeBudgetMs !== undefined && Date.now() - this.started >= this.options.timeBudgetMs) return 'time budget reached';
    if (this.options.rowLimit !== undefined && this.recordsProcessed >= this.options.rowLimit) return 'row limit reached';
    return null;
  }

  /**
   * Processes the actors of `ids` (ascending). A batch that fails is rolled back and its actors
   * split into about √n chunks, each its own transaction, recursively, so that one bad actor (a row
   * held by another session, a constraint) costs a couple of retries and never holds back the
   * rest. The failure that is left is recorded without any id; a later run retries it.
   */
  async processIds(ids: readonly number[], attempt = 0): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.processBatch(ids);
      return;
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      if (error instanceof RunPausedSignal) throw error;
      // A write of the library system to a row of the batch, committed after the batch's snapshot:
      // the batch is tried again on a new snapshot, which sees that write (and honours it).
      if (RETRYABLE_CODES.has((error as { code?: string }).code ?? '') && attempt < SERIALIZATION_RETRIES) {
        await this.processIds(ids, attempt + 1);
        return;
      }
      const n = ids.length;
      if (n > 1) {
        this.batchesSplit += 1;
        if (this.recordRun)
          await this.client.query(`update cleanup_runs set batches_split = $2, updated_at = now() where id = $1`, [this.runId, this.batchesSplit]);
        const size = Math.min(Math.ceil(Math.sqrt(n)), Math.ceil(n / 2));
        for (let i = 0; i < n; i += size) await this.processIds(ids.slice(i, i + size));
        return;
      }
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
   * way. Either way the batch is rolled back and tried again on a new snapshot (processIds), so
   * whatever the library system commits before a batch commits is honoured. A write that comes
   * after the batch took its locks waits for the batch and is honoured by the next run.
   *
   * The job's state is read inside the same transaction: a paused job stops the run before this
   * batch does anything (RunPausedSignal); a pause committed while the batch works makes its
   * bookkeeping update of cleanup_state conflict, so the batch is rolled back, retried and stops.
   * A dry run is not stopped by a pause.
   *
   * The batch's own writes are kept out of the schedule's queue (`retention.quiet`): it takes what
   * it did off the plans itself (APPLY_BATCH_TO_SCHEDULE_SQL). When that differs from what the plans
   * said (a write the plans have not seen yet), the batch's actors are queued to be planned anew.
   */
  private async processBatch(ids: readonly number[]): Promise<void> {
    const c = this.client;
    const lo = ids[0]! - 1;
    const hi = ids.at(-1)!;
    const list = idList(ids);
    const sparse = isSparseBatch(ids.length, lo, hi);
    const sql = this.sql[sparse ? (this.keepSchedule ? 'planned' : 'sparse') : 'dense'];
    // A statement names the range ($1, $2], and the list of ids ($3) when it uses it (a sparse batch).
    const params = (text: string) => (text.includes('$3') ? [lo, hi, list] : [lo, hi]);
    await c.query('begin isolation level repeatable read');
    const lockTimeout = Math.max(1, Math.round(this.options.lockTimeoutMs ?? 2000));
    await c.query(
      // synchronous_commit off: a crash right after a commit may undo the batch, as a unit, counts
      // and schedule with it; the next run does it again. The run does not wait for the disk.
      `set local lock_timeout = '${lockTimeout}ms'; set local statement_timeout = '5min'; set local idle_in_transaction_session_timeout = '2min'; ` +
        `set local retention.quiet = 'on'; set local synchronous_commit = off`,
    );
    // The first statement takes the transaction's snapshot.
    if (!this.dryRun && this.recordRun) {
      const state = await c.query<{ paused: boolean }>('select paused from cleanup_state where id = 1');
      if (state.rows[0]?.paused) throw new RunPausedSignal();
    } else await c.query('select 1');
    await this.options.onPhase?.('snapshot');
    const filled = await c.query(sql.fill, [lo, hi, list]);
    await c.query(KEEP_REQUEST_CANCELLATION_SQL, [lo, hi]);
    await this.options.onPhase?.('filled');
    const lockedCount = filled.rowCount ?? 0;
    // Every actor of the list is examined, unless the library system deleted it meanwhile; the ones
    // not filled are held by another session (skipped, done by a later run).
    let examined = ids.length;
    if (lockedCount < ids.length) {
      const present = await c.query<{ n: number }>('select count(*)::int as n from actors where id = any($1::bigint[])', [list]);
      examined = present.rows[0]?.n ?? 0;
    }
    const result: BatchResult = { examined, locked: examined - lockedCount, removed: 0, removedOnRequest: 0, counts: emptyCounts(), skipped: {} };

    const phase1 = await c.query<Record<CategoryId, number>>(sql.rules, params(sql.rules));
    for (const id of CATEGORY_IDS) addCount(result.counts, id, phase1.rows[0]?.[id] ?? 0);
    await this.options.onPhase?.('rulesApplied');

    const candidates = await c.query<{ actor_id: number; codes: string[]; requested: boolean }>(sql.conditions, params(sql.conditions));
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
    let mismatch = false;
    if (this.keepSchedule) mismatch = await this.applyToSchedule(result, removable, list);
    await this.options.onPhase?.('beforeCommit');

    const next = this.merge(result);
    if (this.dryRun) {
      await c.query('rollback');
      await this.writeProgress(next);
    } else {
      await this.writeDailyCounts(result);
      await c.query(`update cleanup_state set position = $1, plan_latest = greatest(plan_latest, $2::date) where id = 1`, [hi, this.options.asOf]);
      await this.writeProgress(next);
      await c.query('commit');
    }
    if (mismatch) this.planMismatches += 1;
    this.apply(next);
    this.onBatch?.(this);
  }

  /**
   * Takes what the batch did off its actors' plans and compares it with what they said: the same
   * records per category and the same actors removed. A difference queues the batch's actors to
   * be planned anew (in the batch's transaction). Returns whether there was one.
   */
  private async applyToSchedule(result: BatchResult, removed: readonly number[], batch: string): Promise<boolean> {
    const planned = await this.client.query<{ records: Record<string, number>; planned_removals: number[] }>(APPLY_BATCH_TO_SCHEDULE_SQL, [
      this.options.asOf,
      idList(removed),
      batch,
    ]);
    const row = planned.rows[0]!;
    const sorted = [...removed].sort((a, b) => a - b);
    let same = row.planned_removals.length === sorted.length && row.planned_removals.every((id, i) => id === sorted[i]);
    for (let i = 0; same && i < CATEGORY_IDS.length; i++) {
      const c = result.counts[CATEGORY_IDS[i]!];
      if ((row.records[String(i)] ?? 0) !== c.deleted + c.anonymized) same = false;
    }
    if (!same) await this.client.query('insert into retention_dirty (actor_id) select actor_id from cleanup_batch');
    return !same;
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
}
