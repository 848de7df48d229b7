import type { AuditTargetType } from '../../lib/auth/audit-actions';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

export type AuditEntryRow = {
  /** What changed: a setting (settings_audit), a login or an API token (audit_log). */
  kind: 'settings' | AuditTargetType;
  id: number;
  at: Date;
  by: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
};

export type GetAuditEntriesParams = {
  limit: number;
  /** Pages back from an entry's time. */
  beforeAt?: Date;
  /** Only changes of these kinds (all when absent). */
  kinds?: readonly AuditEntryRow['kind'][];
  /** Only changes on or after this calendar day ('YYYY-MM-DD') in `timeZone`. */
  fromDate?: string;
  /** Only changes on or before this calendar day ('YYYY-MM-DD') in `timeZone`. */
  toDate?: string;
  /** The time zone of `fromDate` and `toDate`; UTC when absent. */
  timeZone?: string;
};

/**
 * Every settings, user and token change, newest first, for admins: the settings audit log and the
 * user-and-token audit log in one list, optionally only some kinds and a range of days.
 */
export async function getAuditEntries(db: DbOrTx, params: GetAuditEntriesParams): Promise<AuditEntryRow[]> {
  const timeZone = params.timeZone ?? 'UTC';
  const conditions = [sql`true`];
  if (params.beforeAt) conditions.push(sql`e.at < ${params.beforeAt.toISOString()}::timestamptz`);
  if (params.kinds && params.kinds.length > 0)
    conditions.push(sql`e.kind in (${sql.join(params.kinds.map((k) => sql`${k}`), sql`, `)})`);
  // A day's bounds are its midnights in the time zone: [from 00:00, the day after `to` 00:00).
  if (params.fromDate) conditions.push(sql`e.at >= ((${params.fromDate}::date)::timestamp at time zone ${timeZone})`);
  if (params.toDate) conditions.push(sql`e.at < ((${params.toDate}::date + 1)::timestamp at time zone ${timeZone})`);
  const result = await db.execute<{ kind: AuditEntryRow['kind']; id: string | number; at: string | Date; by: string; action: string; target: string; details: Record<string, unknown> }>(sql`
    select * from (
      select 'settings' as kind, id, changed_at as at, changed_by as by, 'settings.change' as action, setting as target,
             jsonb_build_object('oldValue', old_value, 'newValue', new_value, 'reason', reason) as details
        from settings_audit
      union all
      select target_type, id, changed_at, changed_by, action, target_label, details
        from audit_log
    ) e
    where ${sql.join(conditions, sql` and `)}
    order by at desc, id desc
    limit ${params.limit}`);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
}
