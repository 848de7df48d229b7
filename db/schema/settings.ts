import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The retention settings of RETENTION.md, one row per setting name; 0 disables every rule that uses it. */
export const settings = pgTable(
  'settings',
  {
    name: text('name').primaryKey(),
    value: integer('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull().default('system'),
  },
  (t) => [check('settings_value_range', sql`${t.value} >= 0 and ${t.value} <= 36500`)],
);

/** System options (e.g. NOAFVLN); none of them changes what the cleanup does. */
export const systemOptions = pgTable('system_options', {
  code: text('code').primaryKey(),
});

/**
 * Append-only audit log of settings changes: a trigger in the migrations refuses UPDATE and DELETE.
 * `changedBy` is the user's email or a command ("cli load").
 */
export const settingsAudit = pgTable('settings_audit', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  changedBy: text('changed_by').notNull(),
  setting: text('setting').notNull(),
  oldValue: integer('old_value'),
  newValue: integer('new_value').notNull(),
  reason: text('reason').notNull(),
});

export type SettingRow = typeof settings.$inferSelect;
export type SettingsAuditRow = typeof settingsAudit.$inferSelect;
