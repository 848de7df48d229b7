import { bigint, boolean, date, index, pgTable } from 'drizzle-orm/pg-core';
import { actors } from './library';

/*
 * The record-only categories of RETENTION.md, one table each, named by category id. Every row has
 * the actor it belongs to and the record's date (the date the category's rule counts from: event,
 * sent, created, closing or hand-over date). Holds and tickets also say whether they are still
 * open (open ones are never processed by an age rule). The (actor_id, record_date) index serves
 * both the cleanup's per-batch range scans and the actor report.
 */

const actorId = () =>
  bigint('actor_id', { mode: 'number' })
    .notNull()
    .references(() => actors.id);
const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const recordDate = () => date('record_date', { mode: 'string' }).notNull();

function recordTable<const N extends string>(name: N) {
  return pgTable(name, { id: id(), actorId: actorId(), recordDate: recordDate() }, (t) => [
    index(`${name}_actor_idx`).on(t.actorId, t.recordDate),
  ]);
}

function openableRecordTable<const N extends string>(name: N) {
  return pgTable(
    name,
    { id: id(), actorId: actorId(), recordDate: recordDate(), isOpen: boolean('is_open').notNull().default(false) },
    (t) => [index(`${name}_actor_idx`).on(t.actorId, t.recordDate)],
  );
}

export const titlesPreviouslyBorrowed = recordTable('titles_previously_borrowed');
export const assetProfiles = recordTable('asset_profiles');
export const instanceHistory = recordTable('instance_history');
export const holds = openableRecordTable('holds');
export const marketing = recordTable('marketing');
export const ksm = recordTable('ksm');
export const customerNotifications = recordTable('customer_notifications');
export const toInform = recordTable('to_inform');
export const tickets = openableRecordTable('tickets');
export const accountChanges = recordTable('account_changes');
export const documents = recordTable('documents');
export const collectionRecords = recordTable('collection_records');
export const collectionsAgency = recordTable('collections_agency');

/** Relationships; `relatedActorId` may name an actor outside the library and loses the link when that actor is removed. */
export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    actorId: actorId(),
    recordDate: recordDate(),
    relatedActorId: bigint('related_actor_id', { mode: 'number' }),
  },
  (t) => [
    index('relationships_actor_idx').on(t.actorId, t.recordDate),
    index('relationships_related_idx').on(t.relatedActorId),
  ],
);
