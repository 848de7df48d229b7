import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** One library organisation in the shared system (Dutch: instantie). */
export const instances = pgTable('instances', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

/**
 * A library customer. `cancellationDate` is kept on the actor itself (RETENTION.md, "cancellation
 * date"): it is the latest end date of the actor's memberships and survives the deletion of the
 * membership rows by the `memberships` rule. A statement trigger on `roles` keeps it up to date.
 * The personal fields form the `personal_details` category and are erased (set to null) by it.
 */
export const actors = pgTable(
  'actors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    loanHistoryOptIn: boolean('loan_history_opt_in').notNull().default(true),
    cancellationDate: date('cancellation_date', { mode: 'string' }),
    name: text('name'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    district: text('district'),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [check('actors_id_positive', sql`${t.id} > 0`)],
);

/** A role ties an actor to an instance: memberships (ABON, EDUV), EDUB, VEST, EXTR, XTRN, SUBSCRIBE, … */
export const roles = pgTable(
  'roles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    instanceId: integer('instance_id')
      .notNull()
      .references(() => instances.id),
    type: text('type').notNull(),
    subtype: text('subtype'),
    status: integer('status').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    deregistrationDate: date('deregistration_date', { mode: 'string' }),
  },
  (t) => [
    index('roles_actor_idx').on(t.actorId, t.type),
    // Selections (lib/selections): one instance's membership roles in actor order, with the end
    // date for the membership state, read without touching the table.
    index('roles_membership_instance_idx')
      .on(t.instanceId, t.actorId, t.endDate)
      .where(sql`${t.type} in ('ABON','EDUV')`),
  ],
);

/** The other role kinds of the source system (wise_rol, role_supplier, …); each is a deletion condition. */
export const otherRoles = pgTable(
  'other_roles',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    kind: text('kind').notNull(),
  },
  (t) => [
    index('other_roles_actor_idx').on(t.actorId),
    check(
      'other_roles_kind_known',
      sql`${t.kind} in ('staff','supplier','external_supplier','location','external','external_branch','personnel')`,
    ),
  ],
);

/** Blocks on an actor; types ALG and DEU are deletion conditions and never go by a rule. */
export const blocks = pgTable(
  'blocks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    type: text('type').notNull(),
    createdOn: date('created_on', { mode: 'string' }),
  },
  (t) => [index('blocks_actor_idx').on(t.actorId)],
);

/** Passes and usernames; a username used as a SIP port id is a deletion condition. */
export const credentials = pgTable(
  'credentials',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint('actor_id', { mode: 'number' })
      .notNull()
      .references(() => actors.id),
    username: text('username').notNull(),
    sipPort: boolean('sip_port').notNull().default(false),
  },
  (t) => [index('credentials_actor_idx').on(t.actorId)],
);

export type Instance = typeof instances.$inferSelect;
export type Actor = typeof actors.$inferSelect;
export type NewActor = typeof actors.$inferInsert;
export type Role = typeof roles.$inferSelect;
export type NewRole = typeof roles.$inferInsert;
export type OtherRole = typeof otherRoles.$inferSelect;
export type Block = typeof blocks.$inferSelect;
export type Credential = typeof credentials.$inferSelect;
