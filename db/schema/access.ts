import { bigint, date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who looked up which actor (INTERFACES.md: every lookup, screen or API, is access-logged). Kept
 * 24 months (the cleanup deletes older entries); entries about an actor who is removed lose the
 * actor id in the removal's transaction (RETENTION.md, "Actor removal"). The caller is a staff
 * login or an API token, never a customer.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** `user` (a signed-in login) or `token` (an API token). */
    callerKind: text('caller_kind').notNull(),
    /** The user's or token's id. */
    callerId: text('caller_id').notNull(),
    /** The user's e-mail or the token's name, as it was at the lookup. */
    callerLabel: text('caller_label').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    /** The as-of date the report was asked for. */
    asOf: date('as_of', { mode: 'string' }),
    /** `screen` or `api`. */
    via: text('via').notNull(),
  },
  (t) => [index('access_log_actor_idx').on(t.actorId), index('access_log_at_idx').on(t.at), index('access_log_caller_idx').on(t.callerId, t.at)],
);

export type AccessLogRow = typeof accessLog.$inferSelect;
