import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sessions, users } from './auth';

export type CategoryCounts = Record<string, { deleted: number; anonymized: number }>;
export type CodeCounts = Record<string, number>;
export type RunErrorSummary = { code: string; message: string; at: string };

/**
 * One cleanup run. Holds counts only: never an actor id or personal data (SAFETY.md). `records`,
 * `skipped` and the progress columns are rewritten after every batch, in the batch's transaction.
 */
export const cleanupRuns = pgTable(
  'cleanup_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trigger: text('trigger').notNull(),
    /** Who started it, when a person or a token did: the login's e-mail, `token <name>`, `cli <os user>`; null for the schedule. */
    startedBy: text('started_by'),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    status: text('status').notNull().default('running'),
    stopReason: text('stop_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    settings: jsonb('settings').$type<Record<string, number>>().notNull(),
    actorsExamined: integer('actors_examined').notNull().default(0),
    actorsRemoved: integer('actors_removed').notNull().default(0),
    actorsLocked: integer('actors_locked').notNull().default(0),
    recordsProcessed: bigint('records_processed', { mode: 'number' }).notNull().default(0),
    records: jsonb('records').$type<CategoryCounts>().notNull().default({}),
    skipped: jsonb('skipped').$type<CodeCounts>().notNull().default({}),
    batches: integer('batches').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    /** Batches that failed and were split to find the actor behind the failure (lib/cleanup/batch.ts). */
    batchesSplit: integer('batches_split').notNull().default(0),
    errorDetails: jsonb('error_details').$type<RunErrorSummary[]>().notNull().default([]),
  },
  (t) => [
    index('cleanup_runs_started_idx').on(t.startedAt),
    check('cleanup_runs_status', sql`${t.status} in ('running','completed','partial','failed','interrupted','tripped','paused')`),
  ],
);

/** Records processed per as-of day and category; category `actors` counts actors removed (as `deleted`). */
export const cleanupDailyCounts = pgTable(
  'cleanup_daily_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    deleted: bigint('deleted', { mode: 'number' }).notNull().default(0),
    anonymized: bigint('anonymized', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.category] })],
);

/**
 * The job's single state row: the pause switch, the circuit breaker, where the last run stopped in
 * the actor-id space, and the backlog counted at the end of the last run. The position is the id
 * of an actor that still exists (or 0), so it never keeps a removed actor's id.
 */
export const cleanupState = pgTable(
  'cleanup_state',
  {
    id: integer('id').primaryKey().default(1),
    paused: boolean('paused').notNull().default(false),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedBy: text('paused_by'),
    position: bigint('position', { mode: 'number' }).notNull().default(0),
    backlog: jsonb('backlog').$type<{ actors: number; records: Record<string, number>; recordsTotal: number }>(),
    backlogAsOf: date('backlog_as_of', { mode: 'string' }),
    backlogCountedAt: timestamp('backlog_counted_at', { withTimezone: true }),
    /** Circuit breaker thresholds (RETENTION.md): more removals than this beyond the approval trips it. */
    breakerMaxActors: integer('breaker_max_actors').notNull().default(1000),
    breakerMaxShare: doublePrecision('breaker_max_share').notNull().default(0.01),
    /** Set when a scheduled run tripped the breaker; cleared by an admin's acknowledgement. */
    trippedAt: timestamp('tripped_at', { withTimezone: true }),
    trip: jsonb('trip').$type<{ dueActors: number; unapproved: number; actorsTotal: number; maxActors: number; maxShare: number; asOf: string; runId: string }>(),
    /** Removals an admin approved (acknowledgement or a confirmed settings change) not yet done. */
    approvedActorsLeft: integer('approved_actors_left').notNull().default(0),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    /** When a worker last started the schedule (the "stale" clock starts here). */
    scheduleStartedAt: timestamp('schedule_started_at', { withTimezone: true }),
    /**
     * The retention schedule (lib/cleanup/schedule.ts): `null` when every actor is planned with the
     * settings in `planSettings`; otherwise it is being rebuilt and the actors with ids up to this one
     * are planned (0: none yet). A settings change or a TRUNCATE sets it to 0 (migration 0014).
     */
    planRebuildAfter: bigint('plan_rebuild_after', { mode: 'number' }).default(0),
    planSettings: jsonb('plan_settings').$type<Record<string, number>>(),
    /** The plan format the schedule was made with (SCHEDULE_VERSION): another one means rebuild. */
    planVersion: integer('plan_version').notNull().default(0),
    planBuiltAt: timestamp('plan_built_at', { withTimezone: true }),
    /** The latest date a plan was made for or a run worked on: a date before it means some plans start after it. */
    planLatest: date('plan_latest', { mode: 'string' }),
    /** Today's forecast (RETENTION.md, "Forecast") as summed at the end of the last run, and when. */
    forecast: jsonb('forecast'),
    forecastCountedAt: timestamp('forecast_counted_at', { withTimezone: true }),
  },
  (t) => [
    check('cleanup_state_singleton', sql`${t.id} = 1`),
    check('cleanup_state_breaker', sql`${t.breakerMaxActors} >= 0 and ${t.breakerMaxShare} >= 0 and ${t.breakerMaxShare} <= 1`),
  ],
);

export type CleanupRun = typeof cleanupRuns.$inferSelect;

/**
 * The backlog as counted at the end of the last real run of each as-of day (RETENTION.md,
 * "Backlog"): one row per day, rewritten by every later run of that day, so the ops screen can draw
 * the backlog's burn-down over recent days without scanning the library. Counts only. Rows older
 * than BACKLOG_HISTORY_DAYS (lib/cleanup/run.ts) are trimmed by the run that writes a new one.
 */
export const cleanupBacklogDays = pgTable('cleanup_backlog_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  actors: integer('actors').notNull(),
  recordsTotal: bigint('records_total', { mode: 'number' }).notNull(),
  records: jsonb('records').$type<Record<string, number>>().notNull(),
});

/**
 * A person's confirmation of a run now (INTERFACES.md, `POST cleanup/run/confirmation`): the count
 * the screen showed, for one session, valid five minutes and usable once. Only a run that presents
 * one whose count still holds is attended (not stopped by the circuit breaker); token callers
 * cannot get one, so a script is always subject to the breaker.
 */
export const cleanupRunConfirmations = pgTable(
  'cleanup_run_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    actorsDue: integer('actors_due').notNull(),
    recordsDue: bigint('records_due', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('cleanup_run_confirmations_expires_idx').on(t.expiresAt)],
);
