import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actors } from './library';

/*
 * Requests about one customer (RETENTION.md): rows of their own that name the actor and go with
 * the actor (the cleanup deletes them when it removes the actor; no cascade, so a removal that
 * forgot them fails on the foreign key). The audit log names them by their own id, never by the
 * actor id.
 */

/**
 * A customer's removal request (GDPR art. 17), dated the day it was recorded. One per actor: a
 * request cannot be withdrawn and a second one changes nothing. `reason` is a reference to the
 * customer's letter or visit, never a copy of it.
 */
export const removalRequests = pgTable(
  'removal_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    uniqueIndex('removal_requests_actor_unique').on(t.actorId),
    check('removal_requests_reason_length', sql`char_length(${t.reason}) between 1 and 1000`),
  ],
);

/**
 * A legal hold an admin placed on an actor: while it holds (no `until`, or `until` after the as-of
 * date) the actor is not removed and no record of theirs goes by any rule. Released holds are
 * deleted (the audit log keeps the history); one that ended by its date stays until the actor goes.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    until: date('until', { mode: 'string' }),
    reason: text('reason').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    placedBy: text('placed_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_holds_actor_unique').on(t.actorId),
    check('legal_holds_reason_length', sql`char_length(${t.reason}) between 1 and 1000`),
  ],
);

export type RemovalRequestRow = typeof removalRequests.$inferSelect;
export type LegalHoldRow = typeof legalHolds.$inferSelect;
