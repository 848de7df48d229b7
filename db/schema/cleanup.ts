import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

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
    errorDetails: jsonb('error_details').$type<RunErrorSummary[]>().notNull().default([]),
  },
  (t) => [
    index('cleanup_runs_started_idx').on(t.startedAt),
    check('cleanup_runs_status', sql`${t.status} in ('running','completed','partial','failed','interrupted','tripped')`),
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
 * The job's single state row: pause switch and where the last run stopped in the actor-id space.
 * The position is the id of an actor that still exists (or 0), so it never keeps a removed actor's id.
 */
export const cleanupState = pgTable(
  'cleanup_state',
  {
    id: integer('id').primaryKey().default(1),
    paused: boolean('paused').notNull().default(false),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    pausedBy: text('paused_by'),
    position: bigint('position', { mode: 'number' }).notNull().default(0),
    backlog: jsonb('backlog').$type<{ actors: number; records: Record<string, number> }>(),
    backlogAsOf: date('backlog_as_of', { mode: 'string' }),
    backlogCountedAt: timestamp('backlog_counted_at', { withTimezone: true }),
  },
  (t) => [check('cleanup_state_singleton', sql`${t.id} = 1`)],
);

export type CleanupRun = typeof cleanupRuns.$inferSelect;
