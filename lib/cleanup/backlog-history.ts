import type { Db } from '../../db/client';
import { daysOfRange } from '../reports/deleted-per-day';
import { addDays, type IsoDate } from '../retention/dates';

/*
 * The backlog's burn-down over recent days (the ops screen): for each day, the backlog counted at
 * the end of that day's last real run (cleanup_backlog_days) and what the runs of that day
 * processed (cleanup_daily_counts). Both tables are small (one row per day, or per day and
 * category), so this never scans the library. Counts only.
 */

export type BacklogDay = {
  date: IsoDate;
  /** The backlog after the day's last real run; null when no run of that day counted it. */
  backlog: { actors: number; recordsTotal: number; countedAt: string } | null;
  /** What the runs of that as-of day processed: records deleted or anonymized, actors removed. */
  processed: { records: number; actors: number };
};

export type BacklogHistory = { from: IsoDate; to: IsoDate; days: BacklogDay[] };

type BacklogRow = { day: string; actors: number; records_total: string | number; counted_at: Date };
type ProcessedRow = { day: string; records: string | number; actors: string | number };

/** One entry per day from `from` to `to`, oldest first; days without data get null / zeros. */
export function fillBacklogDays(from: IsoDate, to: IsoDate, backlog: BacklogRow[], processed: ProcessedRow[]): BacklogDay[] {
  const byDay = new Map(backlog.map((r) => [r.day, r]));
  const done = new Map(processed.map((r) => [r.day, r]));
  return daysOfRange(from, to).map((d) => {
    const b = byDay.get(d);
    const p = done.get(d);
    return {
      date: d,
      backlog: b ? { actors: b.actors, recordsTotal: Number(b.records_total), countedAt: b.counted_at.toISOString() } : null,
      processed: { records: Number(p?.records ?? 0), actors: Number(p?.actors ?? 0) },
    };
  });
}

/** The burn-down of the `days` days up to `today` (inclusive). */
export async function getBacklogHistory(db: Db, params: { today: IsoDate; days: number }): Promise<BacklogHistory> {
  const to = params.today;
  const from = addDays(to, -(Math.max(1, params.days) - 1));
  const [backlog, processed] = await Promise.all([
    db.$client.query<BacklogRow>(
      `select to_char(day, 'YYYY-MM-DD') as day, actors, records_total, counted_at
         from cleanup_backlog_days where day between $1 and $2`,
      [from, to],
    ),
    db.$client.query<ProcessedRow>(
      `select to_char(day, 'YYYY-MM-DD') as day,
              coalesce(sum(deleted + anonymized) filter (where category <> 'actors'), 0) as records,
              coalesce(sum(deleted) filter (where category = 'actors'), 0) as actors
         from cleanup_daily_counts where day between $1 and $2 group by day`,
      [from, to],
    ),
  ]);
  return { from, to, days: fillBacklogDays(from, to, backlog.rows, processed.rows) };
}
