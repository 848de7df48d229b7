import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

export type AuditEntryRow = {
  /** What changed: a setting (settings_audit), a login or an API token (audit_log). */
  kind: 'settings' | 'user' | 'token';
  id: number;
  at: Date;
  by: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
};

/**
 * Every settings, user and token change, newest first, for admins: the settings audit log and the
 * user-and-token audit log in one list. `beforeAt` pages back from an entry's time.
 */
export async function getAuditEntries(db: DbOrTx, params: { limit: number; beforeAt?: Date }): Promise<AuditEntryRow[]> {
  const before = params.beforeAt ?? null;
  const result = await db.execute<{ kind: 'settings' | 'user' | 'token'; id: string | number; at: string | Date; by: string; action: string; target: string; details: Record<string, unknown> }>(sql`
    select * from (
      select 'settings' as kind, id, changed_at as at, changed_by as by, 'settings.change' as action, setting as target,
             jsonb_build_object('oldValue', old_value, 'newValue', new_value, 'reason', reason) as details
        from settings_audit
       where ${before}::timestamptz is null or changed_at < ${before}::timestamptz
      union all
      select target_type, id, changed_at, changed_by, action, target_label, details
        from audit_log
       where ${before}::timestamptz is null or changed_at < ${before}::timestamptz
    ) e
    order by at desc, id desc
    limit ${params.limit}`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
}
