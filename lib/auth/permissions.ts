import { USER_ROLES, type UserRole } from './roles';

export { USER_ROLES, type UserRole };

/**
 * Everything a caller may be allowed to do. Server actions and API handlers ask for one of these
 * (`requirePermission('cleanup.control')`), never for a role name.
 */
export const PERMISSIONS = [
  'settings.read',
  'settings.change',
  'policy.read',
  'reports.read',
  'cleanup.read',
  'cleanup.control',
  'cleanup.acknowledge',
  'metrics.read',
  'actor.lookup',
  // Loan item ids and financial amounts on the actor screen: admin only (support sees dates and
  // categories, INTERFACES/issue). Stripped on the server for callers without it.
  'actor.details',
  // Requests about one customer (RETENTION.md): support records a removal request; only admin
  // places, changes and releases a legal hold (support sees that one exists, never its reason).
  'actor.request_removal',
  'actor.legal_hold',
  // The retention statement for the customer (GDPR art. 15): support and admin.
  'actor.statement',
  // Selections of the library's customers and their CSV exports (RETENTION.md, "Selections and
  // exports"): manager and admin only; ops and support are refused (INTERFACES.md, Roles).
  'selection.read',
  'selection.export',
  'users.manage',
  'tokens.manage',
  'logs.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What manager and ops both see: settings, policy, reports and the cleanup dashboard. */
const DASHBOARD = ['settings.read', 'policy.read', 'reports.read', 'cleanup.read'] as const satisfies readonly Permission[];

/**
 * The role table of INTERFACES.md ("Roles"), the one place that says who may do what:
 * manager sees settings, policy, reports and the cleanup dashboard, and makes selections of the
 * library's customers and exports them; ops sees what a manager sees but selections and exports, and
 * pauses, resumes, runs and dry-runs the cleanup (and reads the Prometheus metrics); support looks up
 * single actors; admin may do everything.
 */
export const ROLE_PERMISSIONS: { readonly [R in UserRole]: readonly Permission[] } = {
  manager: [...DASHBOARD, 'selection.read', 'selection.export'],
  ops: [...DASHBOARD, 'cleanup.control', 'metrics.read'],
  support: ['actor.lookup', 'actor.request_removal', 'actor.statement'],
  admin: PERMISSIONS,
};

/** True when the role may do what the permission names. */
export function hasPermission(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permissions of a role, in PERMISSIONS order (for a navigation or a "what may I do" answer). */
export function permissionsOf(role: UserRole): Permission[] {
  return PERMISSIONS.filter((p) => hasPermission(role, p));
}

/**
 * The roles that hold every permission of `role` (the role itself included): a token made on the
 * tokens screen works only while its creator has one of these (lib/auth/tokens.ts).
 */
export function rolesCovering(role: UserRole): UserRole[] {
  return USER_ROLES.filter((r) => ROLE_PERMISSIONS[role].every((p) => hasPermission(r, p)));
}

/** Narrows an unknown value (a form field, a command-line word) to a role. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
