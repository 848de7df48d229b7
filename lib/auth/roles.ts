/*
 * The roles of INTERFACES.md ("Roles"). Plain data with no imports, so the database schema,
 * the permission table, the validation schemas and client components can all use it.
 */

export const USER_ROLES = ['manager', 'ops', 'support', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
