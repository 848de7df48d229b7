import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who looked up which actor. Kept 24 months; entries about an actor who is removed lose the actor
 * id in the removal's transaction (RETENTION.md, "Actor removal").
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: text('user_id').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    via: text('via').notNull(),
  },
  (t) => [index('access_log_actor_idx').on(t.actorId), index('access_log_at_idx').on(t.at)],
);

export type AccessLogRow = typeof accessLog.$inferSelect;
