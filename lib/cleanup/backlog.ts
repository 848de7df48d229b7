import type pg from 'pg';
import type { Db } from '../../db/client';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import { countDue } from './count-due';
import { sumSchedule, type DueCounts, type ScheduleSums } from './schedule-sums';

/*
 * The backlog (RETENTION.md, "Backlog"): what is due today, counted at the end of each run and kept
 * with the time it was counted, with today's forecast beside it; screens and metrics read that.
 * Both are sums over the retention schedule, so counting them costs what is due and the days of
 * the horizon, not the library.
 */

/** How long the per-day backlog history (the ops screen's burn-down) is kept: a little over a year. */
export const BACKLOG_HISTORY_DAYS = 400;

/**
 * Keeps the backlog counted for `asOf` as the job's current backlog and as that day's point of the
 * burn-down history (the last count of a day wins), trimming history older than BACKLOG_HISTORY_DAYS.
 */
export async function storeBacklog(client: pg.ClientBase, asOf: IsoDate, backlog: DueCounts): Promise<void> {
  const records = JSON.stringify(backlog.records);
  await client.query(
    `with state as (
       update cleanup_state set backlog = $1, backlog_as_of = $2, backlog_counted_at = now() where id = 1
     ), day as (
       insert into cleanup_backlog_days (day, counted_at, actors, records_total, records)
       values ($2, now(), $3, $4, $5)
       on conflict (day) do update
         set counted_at = excluded.counted_at, actors = excluded.actors,
             records_total = excluded.records_total, records = excluded.records
     )
     delete from cleanup_backlog_days where day < $2::date - $6::int`,
    [JSON.stringify(backlog), asOf, backlog.actors, backlog.recordsTotal, records, BACKLOG_HISTORY_DAYS],
  );
}

/** Keeps the backlog and today's forecast of `sums` (counted for `asOf`). */
export async function storeScheduleSums(client: pg.ClientBase, asOf: IsoDate, sums: ScheduleSums): Promise<void> {
  await storeBacklog(client, asOf, sums.due);
  await client.query('update cleanup_state set forecast = $1, forecast_counted_at = now() where id = 1', [JSON.stringify(sums.forecast)]);
}

/**
 * What one complete cleanup run on `asOf` would process now (actors removed, of them on request,
 * records per category), summed over the retention schedule; while the schedule is being rebuilt,
 * counted by walking the library (countDue). Read-only.
 */
export async function countDueNow(db: Db, params: { asOf: IsoDate; settings?: RetentionSettings }): Promise<DueCounts> {
  const client = await db.$client.connect();
  try {
    const sums = await sumSchedule(client, { asOf: params.asOf, months: 1, settings: params.settings });
    if (sums) return sums.due;
  } finally {
    client.release();
  }
  return countDue(db, params);
}

/** Counts what is due on `asOf` and keeps it (and today's forecast) as the job's backlog, with the time it was counted. */
export async function countAndStoreBacklog(db: Db, asOf: IsoDate): Promise<DueCounts> {
  const client = await db.$client.connect();
  try {
    const sums = await sumSchedule(client, { asOf, months: 12 });
    if (sums) {
      await storeScheduleSums(client, asOf, sums);
      return sums.due;
    }
  } finally {
    client.release();
  }
  const due = await countDue(db, { asOf });
  const client2 = await db.$client.connect();
  try {
    await storeBacklog(client2, asOf, due);
  } finally {
    client2.release();
  }
  return due;
}
