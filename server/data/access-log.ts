import 'server-only';
import { sql } from 'drizzle-orm';
import type { ExportDetails } from '@/db/schema/access';
import { getEnv } from '@/lib/env';
import type { AccessLogFilters } from '@/lib/validation/access-log';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export const ACCESS_LOG_SCREEN_LIMIT = 200;

export type AccessLogScreenEntry = {
  id: number;
  at: string;
  callerKind: string;
  callerLabel: string;
  /** null once the actor was removed (the removal unlinks the entry). */
  actorId: number | null;
  asOf: string | null;
  via: string;
  /**
   * Set for an export of a selection (then `actorId` is null and says nothing about a removal):
   * the set, the instance (with its name when it still exists), the criteria, the columns and
   * the rows sent (null while it streams or when it broke off before the end was recorded).
   */
  export: (ExportDetails & { instanceName: string | null }) | null;
};

/**
 * The access log (who looked up which actor or exported a selection, when, through which
 * channel), newest first, for
 * /admin/access-log; filtered by actor, by who looked, and by days in the system time zone.
 */
export async function getAccessLogScreen(filters: AccessLogFilters): Promise<{ entries: AccessLogScreenEntry[]; isLimited: boolean; limit: number; timeZone: string }> {
  await requirePermission('logs.read');
  const timeZone = getEnv().RETENTION_TIME_ZONE;
  const db = await getServerDb();
  const conditions = [sql`true`];
  if (filters.actorId !== undefined) conditions.push(sql`l.actor_id = ${filters.actorId}`);
  if (filters.caller) {
    const pattern = `%${filters.caller.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`l.caller_label ilike ${pattern}`);
  }
  if (filters.from) conditions.push(sql`l.at >= ((${filters.from}::date)::timestamp at time zone ${timeZone})`);
  if (filters.to) conditions.push(sql`l.at < ((${filters.to}::date + 1)::timestamp at time zone ${timeZone})`);
  const result = await db.execute<{
    id: number;
    at: Date;
    caller_kind: string;
    caller_label: string;
    actor_id: number | null;
    as_of: string | null;
    via: string;
    export_details: ExportDetails | null;
    instance_name: string | null;
  }>(sql`
    select l.id, l.at, l.caller_kind, l.caller_label, l.actor_id, l.as_of, l.via, l.export_details, i.name as instance_name
    from access_log l
    left join instances i on l.export_details is not null and i.id = (l.export_details->>'instanceId')::int
    where ${sql.join(conditions, sql` and `)}
    order by l.id desc limit ${ACCESS_LOG_SCREEN_LIMIT + 1}`);
  const entries = result.rows.slice(0, ACCESS_LOG_SCREEN_LIMIT).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    callerKind: r.caller_kind,
    callerLabel: r.caller_label,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    asOf: r.as_of,
    via: r.via,
    export: r.export_details ? { ...r.export_details, instanceName: r.instance_name } : null,
  }));
  return { entries, isLimited: result.rows.length > ACCESS_LOG_SCREEN_LIMIT, limit: ACCESS_LOG_SCREEN_LIMIT, timeZone };
}
