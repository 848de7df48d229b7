/**
 * The steady-state rows of `npm run bench` (issue 14, "A run costs what is due"): once the first
 * backlog is cleared, a scheduled run with nothing due, the next day's run, and the day after's
 * once vacuumed and after a checkpoint, as in service; and the reads the screens and the API make
 * of the retention schedule: today's forecast and the backlog, the forecast for another date or
 * horizon.
 */
import type { Db } from '../db/client';
import { getJobStatus, runScheduledCleanup } from '../lib/cleanup/job';
import { computeForecast } from '../lib/forecast/forecast';
import { addDays, type IsoDate } from '../lib/retention/dates';

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`;

/** Median of `n` timed calls of `f`, in ms. */
async function median(n: number, f: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

export async function benchSteadyState(db: Db, params: { asOf: IsoDate; pricePerRecordMs: number }): Promise<{ rows: [string, string][]; lastDay: IsoDate }> {
  const rows: [string, string][] = [];
  // A scheduled run, as the worker starts it every ten minutes: schedule upkeep, breaker, due actors, backlog.
  const quiet = await runScheduledCleanup(db, { asOf: params.asOf, trigger: 'bench' });
  if (!quiet.ran) throw new Error(`the quiet run did not run (${quiet.reason})`);
  const q = quiet.summary;
  rows.push(['steady state: scheduled run, nothing due', `${ms(q.durationMs)} (${q.actorsExamined} actors examined, ${q.recordsProcessed} records, ${q.actorsPlanned} planned anew)`]);
  const dayRun = async (day: IsoDate, label: string) => {
    const run = await runScheduledCleanup(db, { asOf: day, trigger: 'bench' });
    if (!run.ran) throw new Error(`the run of ${day} did not run (${run.reason})`);
    const n = run.summary;
    const atFirstPrice = n.recordsProcessed * params.pricePerRecordMs;
    rows.push([
      `${label} (${day})`,
      `${ms(n.durationMs)}: ${n.recordsProcessed.toLocaleString('en-US')} records, ${n.actorsRemoved} actors removed, ${n.actorsExamined.toLocaleString('en-US')} actors examined, ${n.actorsPlanned.toLocaleString('en-US')} planned anew; ` +
        `at the first backlog's price per record ${ms(atFirstPrice)}, so ${ms(n.durationMs - atFirstPrice)} more`,
    ]);
  };
  // Straight after the backlog: every page the run touches was changed by it (hint bits to set,
  // dead rows to prune) and autovacuum has not come by yet.
  const nextDay = addDays(params.asOf, 1);
  await dayRun(nextDay, "steady state: the next day's run, straight after the backlog");
  const again = await runScheduledCleanup(db, { asOf: nextDay, trigger: 'bench' });
  if (again.ran) rows.push(['steady state: the next run that day (nothing due)', ms(again.summary.durationMs)]);
  // A day in service: autovacuum has worked the tables the backlog changed (it comes within
  // minutes of such a change), and a checkpoint came a few minutes before the run (every 5
  // minutes by default), so the run writes a full-page image of every page it changes first.
  const t0 = performance.now();
  await db.$client.query('vacuum (analyze)');
  const vacuumMs = performance.now() - t0;
  await db.$client.query('checkpoint');
  const dayAfter = addDays(nextDay, 1);
  await dayRun(dayAfter, `steady state: the day after, once vacuumed (as autovacuum does; ${ms(vacuumMs)}, not counted) and after a checkpoint`);
  return { rows, lastDay: dayAfter };
}

/** The reads of the schedule on `today`, the date of the last run. */
export async function benchReads(db: Db, params: { today: IsoDate }): Promise<{ rows: [string, string][] }> {
  const nextDay = params.today;
  const today = await median(11, () => computeForecast(db, { asOf: nextDay, months: 12 }));
  const status = await median(11, () => getJobStatus(db, { cadenceMinutes: 10 }));
  const kept = await median(11, () => db.$client.query('select forecast, backlog from cleanup_state where id = 1'));
  const later = await median(1, () => computeForecast(db, { asOf: addDays(nextDay, 45), months: 24 }));
  const earlier = await median(1, () => computeForecast(db, { asOf: addDays(nextDay, -365), months: 12 }));
  return {
    rows: [
      [`forecast: today's (${nextDay}), 12 months, summed over the schedule`, `median ${ms(today.median)}, max ${ms(today.max)}`],
      ['backlog: the job status as the screens read it', `median ${ms(status.median)}, max ${ms(status.max)}`],
      ['forecast and backlog kept at the end of the last run', `median ${ms(kept.median)}, max ${ms(kept.max)}`],
      ['forecast: 45 days later, 24 months', `median ${ms(later.median)}`],
      ['forecast: a year earlier, 12 months', `median ${ms(earlier.median)}`],
    ],
  };
}
