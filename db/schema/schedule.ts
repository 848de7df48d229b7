import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint } from 'drizzle-orm/pg-core';

/*
 * The retention schedule (lib/cleanup/schedule.ts says how it is kept): per actor the plan of
 * lib/retention/plan.ts, the running sum of all plans per day, and the queue of actors whose rows
 * changed since they were planned. Triggers on every table the library system writes fill the queue
 * (migration 0014). Actor ids only, as in the library's own tables: a removed actor's rows go in the
 * run's transaction that removes the actor.
 */

/**
 * One actor's plan: the days its records go (arrays of equal length: day, category index in
 * CATEGORY_IDS, count), the day it is removed, and the days between which the plan holds. No
 * foreign key: the library system may delete an actor directly; its queue entry then drops the row.
 */
export const retentionSchedule = pgTable(
  'retention_schedule',
  {
    actorId: bigint('actor_id', { mode: 'number' }).primaryKey(),
    plannedFor: date('planned_for', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    nextOn: date('next_on', { mode: 'string' }),
    removalOn: date('removal_on', { mode: 'string' }),
    onRequest: boolean('on_request').notNull().default(false),
    days: date('days', { mode: 'string' }).array().notNull(),
    categories: smallint('categories').array().notNull(),
    counts: integer('counts').array().notNull(),
    /** From this day a run finds the actor kept by the conditions below (index in DELETION_CONDITION_CODES, until: null = no end). */
    keptFrom: date('kept_from', { mode: 'string' }),
    keptCodes: smallint('kept_codes').array().notNull(),
    keptUntils: date('kept_untils', { mode: 'string' }).array().notNull(),
  },
  (t) => [
    index('retention_schedule_next_idx').on(t.nextOn),
    // Plans that end on a day (a membership's end, a hold's, a request's day); most members' never do.
    index('retention_schedule_valid_to_idx')
      .on(t.validTo)
      .where(sql`${t.validTo} is not null`),
    // No index on valid_from: a plan starts after a date only when a run goes back in time
    // (cleanup_state.plan_latest says when), and then the schedule is read whole.
  ],
);

/**
 * The sum of every actor's plan per day: `category` is the index in CATEGORY_IDS, or -1 for actors
 * removed, -2 for those of them removed on their own request, -3 for the number of actors planned
 * (on 1900-01-01), and -100 - i for the actors that deletion condition i starts (+1) or stops (-1)
 * keeping that day. The backlog of a day is the sum of the rows up to it; the forecast sums the
 * days of each month; the actors a condition keeps on a day are its rows up to that day.
 */
export const retentionPlanTotals = pgTable(
  'retention_plan_totals',
  {
    day: date('day', { mode: 'string' }).notNull(),
    category: smallint('category').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category] })],
);

/**
 * Actors whose rows changed since they were planned (written by the triggers, the library system's
 * writes and the product's own alike); the next run plans them anew first. Append-only, duplicates
 * allowed, so that a trigger never waits on another transaction's entry.
 */
export const retentionDirty = pgTable('retention_dirty', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  actorId: bigint('actor_id', { mode: 'number' }).notNull(),
});

export type RetentionScheduleRow = typeof retentionSchedule.$inferSelect;
