import { bigint, boolean, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { actors } from './library';

/**
 * Financial items: open ones (the source's fin_posten) are never processed by a rule and keep the
 * actor; settled ones (fin_posten_archive) form the `financial_transactions` category.
 */
export const financialItems = pgTable(
  'financial_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    kind: text('kind').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    settled: boolean('settled').notNull(),
  },
  (t) => [index('financial_items_actor_idx').on(t.actorId, t.bookedOn)],
);

export type FinancialItem = typeof financialItems.$inferSelect;
