import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

export type DeletedPerDayRow = { date: string; category: string; deleted: number; anonymized: number };

/**
 * The "deleted customer records per day" counts between two as-of days (inclusive), sorted by
 * date then category; only days and categories with counts. Category `actors` counts actors removed.
 */
export async function getDeletedPerDay(db: DbOrTx, params: { from: string; to: string }): Promise<DeletedPerDayRow[]> {
  const result = await db.execute<DeletedPerDayRow>(sql`
    select to_char(day, 'YYYY-MM-DD') as date, category, deleted::bigint as deleted, anonymized::bigint as anonymized
    from cleanup_daily_counts
    where day between ${params.from}::date and ${params.to}::date and (deleted > 0 or anonymized > 0)
    order by day, category`);
  return result.rows.map((r) => ({ date: r.date, category: r.category, deleted: Number(r.deleted), anonymized: Number(r.anonymized) }));
}
