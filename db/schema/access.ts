import { bigint, date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What an export entry of the access log keeps: never the rows, only what was asked and how many. */
export type ExportDetails = {
  set: 'customers' | 'items';
  instanceId: number;
  criteria: { membership: string; loanHistoryOptIn: boolean | null; borrowedFrom: string | null; borrowedTo: string | null };
  columns: string[];
  /** Rows sent; null while the export streams (or when it broke off before the end was recorded). */
  rows: number | null;
  /** False when the download broke off before its last row. */
  complete: boolean | null;
};

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
    /**
     * Set for an export of a selection (RETENTION.md, "Selections and exports"): then `actorId` is
     * null. Written before the first row is sent and completed with the row count at the end.
     */
    exportDetails: jsonb('export_details').$type<ExportDetails>(),
  },
  (t) => [index('access_log_actor_idx').on(t.actorId), index('access_log_at_idx').on(t.at), index('access_log_caller_idx').on(t.callerId, t.at)],
);

export type AccessLogRow = typeof accessLog.$inferSelect;
