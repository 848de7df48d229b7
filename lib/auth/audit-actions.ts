/** What an audit entry of the audit_log table records (user, token and cleanup-job changes); settings changes keep their own table (settings_audit). */
export const AUDIT_ACTIONS = [
  'user.create',
  'user.role_change',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'user.password_change',
  'token.create',
  'token.revoke',
  'cleanup.pause',
  'cleanup.resume',
  'cleanup.acknowledge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
