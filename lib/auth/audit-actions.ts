/**
 * What an audit entry of the audit_log table records (user, token and cleanup-job changes, and the
 * requests about one customer, named by the request's or hold's own id); settings changes keep
 * their own table (settings_audit).
 */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.role_change',
  'user.instance_change',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'token.create',
  'token.revoke',
  'cleanup.pause',
  'cleanup.resume',
  'cleanup.acknowledge',
  'removal_request.create',
  'legal_hold.place',
  'legal_hold.change',
  'legal_hold.release',
] as const;

/** What an audit entry is about. */
export const AUDIT_TARGET_TYPES = ['user', 'token', 'job', 'removal_request', 'legal_hold'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
