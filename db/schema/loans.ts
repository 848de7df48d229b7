import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { actors, instances } from './library';

/**
 * Loans. While `actorId` is set the loan belongs to the actor's loan history. Anonymizing cuts
 * that link for good and keeps only the statistical fields, copied from the actor at that moment:
 * membership type, district, the four digits of the postal code, the branch (instance) and the item.
 * No card number, actor id or hash of one is ever stored on an anonymized loan.
 */
export const loans = pgTable(
  'loans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' }).references(() => actors.id),
    instanceId: integer('instance_id')
      .notNull()
      .references(() => instances.id),
    itemId: text('item_id').notNull(),
    loanedOn: date('loaned_on', { mode: 'string' }).notNull(),
    returnedOn: date('returned_on', { mode: 'string' }),
    anonymizedOn: date('anonymized_on', { mode: 'string' }),
    membershipType: text('membership_type'),
    district: text('district'),
    postalCode4: text('postal_code4'),
  },
  (t) => [
    index('loans_actor_idx')
      .on(t.actorId, t.returnedOn)
      .where(sql`${t.actorId} is not null`),
    // Selections (lib/selections): the loans of one instance in a borrowing period, with the actor
    // (null when anonymized) included so counts and the period filter read the index only.
    index('loans_instance_loaned_idx').on(t.instanceId, t.loanedOn, t.actorId),
    check(
      'loans_anonymized_has_no_actor',
      sql`(${t.anonymizedOn} is null) = (${t.actorId} is not null)`,
    ),
  ],
);

export type Loan = typeof loans.$inferSelect;
