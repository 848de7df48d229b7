import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { USER_ROLES, type UserRole } from '../../lib/auth/roles';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from '../../lib/auth/audit-actions';

export { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType };

/*
 * Sign-in, sessions and API tokens. The four Better Auth tables (users, sessions, accounts,
 * verifications) and its rate-limit table follow Better Auth's core schema: the property names
 * are Better Auth's field names (its Drizzle adapter addresses columns by property), the SQL
 * names are snake_case. The adapter is configured with `usePlural`, so the tables are looked up
 * as `users`, `sessions`, … in the object passed to it (lib/auth/auth.ts).
 */

export { USER_ROLES, type UserRole };

/** `'manager','ops','support','admin'`, for the role check constraints. */
const ROLE_LIST = sql.raw(USER_ROLES.map((r) => `'${r}'`).join(','));

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A login. Our own columns: `role`; `mustChangePassword` (set for a one-time password, cleared
 * when the user chooses their own); `disabled` (no sign-in, no session, no access). Users are
 * never deleted: they are disabled, so the audit log keeps naming them.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique('users_email_unique'),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    role: text('role').$type<UserRole>().notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    disabled: boolean('disabled').notNull().default(false),
    disabledAt: ts('disabled_at'),
    /** When the one-time password (mustChangePassword) stops working: 72 hours after it was made. */
    oneTimePasswordExpiresAt: ts('one_time_password_expires_at'),
    /**
     * The library instance this login is tied to (INTERFACES.md, Roles): its selections and exports
     * are limited to that instance. Null: not tied, may choose any. No foreign key: `load --replace`
     * replaces the instances, and a login must survive that (a tie to a vanished instance selects nothing).
     */
    instanceId: integer('instance_id'),
  },
  (t) => [
    check('users_role_known', sql`${t.role} in (${ROLE_LIST})`),
    // Emails are stored lower-case (Better Auth looks them up lower-cased).
    check('users_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A database session: deleting the row signs the user out on their next request. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: ts('expires_at').notNull(),
    token: text('token').notNull().unique('sessions_token_unique'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Credentials of a login; for email and password, `providerId` is `credential` and `password` the hash. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: ts('access_token_expires_at'),
    refreshTokenExpiresAt: ts('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

/** Better Auth's verification values (unused by email and password sign-in, required by its core). */
export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** Sign-in rate-limit counters, in the database so every web instance shares them. */
export const rateLimits = pgTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique('rate_limits_key_unique'),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/**
 * API tokens for `Authorization: Bearer`. Only the SHA-256 of a token is stored; the token itself
 * is shown once. `hint` is the token's recognisable start (`rdt_` and four characters), for lists.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').$type<UserRole>().notNull(),
    tokenHash: text('token_hash').notNull(),
    hint: text('hint').notNull(),
    createdBy: text('created_by').notNull(),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by'),
    /** A token stops working at this time (default 90 days after it was made; existing ones: 90 days from the migration). */
    expiresAt: ts('expires_at')
      .notNull()
      .default(sql`now() + interval '90 days'`),
    /** The library instance the token is tied to, like `users.instanceId`; null: not tied. */
    instanceId: integer('instance_id'),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    check('api_tokens_role_known', sql`${t.role} in (${ROLE_LIST})`),
    check('api_tokens_hash_is_sha256', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Failed sign-ins per e-mail address (lower-cased), whatever the client address: after
 * SIGN_IN_FAILURES_FREE failures in a row each further attempt waits a growing delay
 * (`blockedUntil`), so guessing is slow but the real user is never locked out for long. A
 * successful sign-in deletes the row. An unknown address gets a row too, so the answer does not
 * tell which addresses exist.
 */
export const signInFailures = pgTable('sign_in_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: ts('last_failure_at').notNull().defaultNow(),
  blockedUntil: ts('blocked_until'),
});

/** Secrets the product makes for itself on a fresh database (the sign-in secret when AUTH_SECRET is not set). */
export const systemSecrets = pgTable('system_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type AuditDetails = Record<string, string | number | boolean | null>;


/**
 * Append-only log of user and token changes (a trigger in the migrations refuses UPDATE, DELETE
 * and TRUNCATE). `changedBy` is the user's email or a command ("cli root"); `details` never holds
 * a password, a token or a hash.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    changedAt: ts('changed_at').notNull().defaultNow(),
    changedBy: text('changed_by').notNull(),
    changedByUserId: text('changed_by_user_id'),
    action: text('action').$type<AuditAction>().notNull(),
    targetType: text('target_type').$type<AuditTargetType>().notNull(),
    targetId: text('target_id').notNull(),
    targetLabel: text('target_label').notNull(),
    details: jsonb('details').$type<AuditDetails>().notNull().default({}),
  },
  (t) => [
    index('audit_log_changed_at_idx').on(t.changedAt),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    check('audit_log_target_type', sql`${t.targetType} in (${sql.raw(AUDIT_TARGET_TYPES.map((a) => `'${a}'`).join(','))})`),
    check(
      'audit_log_action_known',
      sql`${t.action} in (${sql.raw(AUDIT_ACTIONS.map((a) => `'${a}'`).join(','))})`,
    ),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type AuditLogRow = typeof auditLog.$inferSelect;
