import 'server-only';
import { sql } from 'drizzle-orm';
import { getRequestCounts } from '@/db/queries/requests';
import { getEnv, retentionToday } from '@/lib/env';
import { SETTING_NAMES, SETTING_UNIT, type SettingName } from '@/lib/retention/settings';
import { requirePermission } from '@/server/auth/require-permission';
import { getServerDb } from '@/server/db';

export type SettingOverview = {
  name: SettingName;
  /** null when the row is missing (a damaged database); the rules then treat it as 0, disabled. */
  value: number | null;
  unit: 'months' | 'days';
  updatedAt: string | null;
  updatedBy: string | null;
};

export type LastRunOverview = {
  startedAt: string;
  finishedAt: string | null;
  status: string;
  asOf: string;
  isDryRun: boolean;
  actorsRemoved: number;
  recordsProcessed: number;
};

export type LiveCounts = {
  actors: number;
  loansLinkedToActors: number;
  anonymizedLoans: number;
  financialItems: number;
  cleanupRuns: number;
  /** Actors on legal hold today (no end, or an end after today). */
  legalHolds: number;
  /** Removal requests recorded whose actor is still there. */
  removalRequestsWaiting: number;
  lastRun: LastRunOverview | null;
  /** The time zone in which the screen shows timestamps (RETENTION_TIME_ZONE). */
  timeZone: string;
};

type SettingRow = { name: string; value: number; updated_at: Date; updated_by: string };

export type SettingsOverview = {
  settings: SettingOverview[];
  /** The time zone in which the screen shows timestamps (RETENTION_TIME_ZONE). */
  timeZone: string;
};

/** The five retention settings, in the order of RETENTION.md, with their units. */
export async function getSettingsOverview(): Promise<SettingsOverview> {
  await requirePermission('settings.read');
  const db = await getServerDb();
  const result = await db.execute<SettingRow>(sql`
    select name, value::int as value, updated_at, updated_by
    from settings
    where name in (${sql.join(
      SETTING_NAMES.map((n) => sql`${n}`),
      sql`, `,
    )})
  `);
  const byName = new Map(result.rows.map((r) => [r.name, r]));
  const settings = SETTING_NAMES.map((name) => {
    const row = byName.get(name);
    return {
      name,
      value: row ? row.value : null,
      unit: SETTING_UNIT[name],
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      updatedBy: row ? row.updated_by : null,
    };
  });
  return { settings, timeZone: getEnv().RETENTION_TIME_ZONE };
}

type CountsRow = {
  actors: number;
  loans_linked: number;
  loans_anonymized: number;
  financial_items: number;
  cleanup_runs: number;
};

type LastRunRow = {
  started_at: Date;
  finished_at: Date | null;
  status: string;
  as_of: string;
  dry_run: boolean;
  actors_removed: number;
  records_processed: number;
};

/** Row counts of the live database and the latest cleanup run, read in one snapshot. */
export async function getLiveCounts(): Promise<LiveCounts> {
  await requirePermission('settings.read');
  const db = await getServerDb();
  // One transaction so that every count comes from the same snapshot.
  return db.transaction(
    async (tx) => {
      const counts = await tx.execute<CountsRow>(sql`
        select
          (select count(*)::int from actors) as actors,
          (select count(*)::int from loans where actor_id is not null) as loans_linked,
          (select count(*)::int from loans where anonymized_on is not null) as loans_anonymized,
          (select count(*)::int from financial_items) as financial_items,
          (select count(*)::int from cleanup_runs) as cleanup_runs
      `);
      const lastRun = await tx.execute<LastRunRow>(sql`
        select started_at, finished_at, status, as_of::text as as_of, dry_run,
               actors_removed::int as actors_removed, records_processed::bigint as records_processed
        from cleanup_runs
        order by started_at desc
        limit 1
      `);
      const requests = await getRequestCounts(tx, retentionToday());
      const c = counts.rows[0];
      const run = lastRun.rows[0];
      return {
        actors: c?.actors ?? 0,
        loansLinkedToActors: c?.loans_linked ?? 0,
        anonymizedLoans: c?.loans_anonymized ?? 0,
        financialItems: c?.financial_items ?? 0,
        cleanupRuns: c?.cleanup_runs ?? 0,
        legalHolds: requests.legalHolds,
        removalRequestsWaiting: requests.removalRequestsWaiting,
        lastRun: run
          ? {
              startedAt: new Date(run.started_at).toISOString(),
              finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
              status: run.status,
              asOf: run.as_of,
              isDryRun: run.dry_run,
              actorsRemoved: Number(run.actors_removed),
              recordsProcessed: Number(run.records_processed),
            }
          : null,
        timeZone: getEnv().RETENTION_TIME_ZONE,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
