import type pg from 'pg';
import { drizzleOnClient } from '../../db/client';
import { getActorDataForIds } from '../../db/queries/actor-data';
import { getSettings } from '../../db/queries/settings';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import { DELETION_CONDITION_CODES, type DeletionConditionCode } from '../retention/conditions';
import type { IsoDate } from '../retention/dates';
import { createForecastModel, forecastMonths, type Forecast } from '../retention/forecast';
import { planActor, type ActorPlan } from '../retention/plan';
import type { RetentionSettings } from '../retention/settings';
import { isScheduleCurrent, outOfIntervalSql, PLAN_CHUNK_ACTORS, readScheduleState } from './schedule';
import {
  planTotals,
  toArray,
  TOTAL_ACTORS_PLANNED,
  TOTAL_ACTORS_REMOVED,
  TOTAL_KEPT_BASE,
  TOTAL_REMOVED_ON_REQUEST,
  type Client,
} from './schedule-plans';

/*
 * Sums over the retention schedule (lib/cleanup/schedule.ts): the backlog of a date, the circuit
 * breaker's removals, the `skipped` per condition and the forecast, read from the kept totals and
 * corrected for the plans that do not hold on the date. Read-only: only a run writes the schedule.
 */

/**
 * What the totals say before `end`, per category, summed in the database into the buckets the sums
 * use: every day on or before `asOf` together, then each month after it. Each row carries its
 * bucket's last day, which falls in the same bucket as every day summed into it. About 20 rows a
 * month instead of one per day and category (8,000 for a year): parsing those took most of the
 * read's 20 ms in Node, against 6 ms in PostgreSQL.
 */
async function readTotals(client: Client, asOf: IsoDate, end: IsoDate): Promise<{ day: string; category: number; count: number }[]> {
  const r = await client.query<{ day: string; category: number; count: number }>(
    `select max(day) as day, category, sum(count)::bigint as count from retention_plan_totals
     where day < $1 and count <> 0
     group by case when day <= $2 then null else date_trunc('month', day::timestamp) end, category`,
    [end, asOf],
  );
  return r.rows;
}

/** The stored plans of `ids` (for taking them off a sum, and for the tests). */
export async function readStoredPlans(client: Client, ids: readonly number[]): Promise<ActorPlan[]> {
  const r = await client.query<{
    actor_id: number;
    planned_for: string;
    valid_from: string;
    valid_to: string | null;
    next_on: string | null;
    removal_on: string | null;
    on_request: boolean;
    days: string[];
    categories: number[];
    counts: number[];
    kept_from: string | null;
    kept_codes: number[];
    kept_untils: (string | null)[];
  }>('select * from retention_schedule where actor_id = any($1::bigint[])', [toArray(ids)]);
  return r.rows.map((row) => ({
    actorId: row.actor_id,
    plannedFor: row.planned_for,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    removalOn: row.removal_on,
    onRequest: row.on_request,
    nextOn: row.next_on,
    entries: row.days.map((day, i) => ({ day, category: CATEGORY_IDS[row.categories[i]!]!, count: row.counts[i]! })),
    keptFrom: row.kept_from,
    keptBy: row.kept_codes.map((code, i) => ({ code: DELETION_CONDITION_CODES[code]!, until: row.kept_untils[i] ?? null })),
  }));
}

export type DueCounts = { actors: number; requestedActors: number; records: Record<CategoryId, number>; recordsTotal: number };

export type ScheduleSums = {
  forecast: Forecast;
  due: DueCounts;
  /** Per deletion condition, the actors it keeps on the as-of date (those a run finds kept: its `skipped`). */
  skipped: Partial<Record<DeletionConditionCode, number>>;
  /** All actors of the library (planned). */
  actorsTotal: number;
  /** How many actors were planned on the fly because their plan did not hold on the date. */
  plannedOnTheFly: number;
};

/**
 * The forecast of `asOf` over `months` and what one complete run on `asOf` would process, as sums
 * over the schedule, read-only: the kept totals, corrected for the actors whose plan does not hold
 * on `asOf` (queued since the last run, or out of their interval), which are planned here on the
 * fly from their rows (and not stored: only a run writes the schedule). The work grows with those
 * actors and the days of the horizon, not with the library. `null` while the schedule is being
 * rebuilt or was made with other settings (the caller then walks the library).
 */
export async function sumSchedule(client: Client, params: { asOf: IsoDate; months: number; settings?: RetentionSettings }): Promise<ScheduleSums | null> {
  const settings = params.settings ?? (await getSettings(drizzleOnClient(client as pg.PoolClient)));
  if (!isScheduleCurrent(await readScheduleState(client), settings)) return null;
  const model = createForecastModel(params.asOf, params.months);
  const due: DueCounts = { actors: 0, requestedActors: 0, records: Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>, recordsTotal: 0 };
  let actorsTotal = 0;
  const skipped: Partial<Record<DeletionConditionCode, number>> = {};
  const addEntry = (day: string, category: number, n: number) => {
    if (category <= TOTAL_KEPT_BASE) {
      const code = DELETION_CONDITION_CODES[TOTAL_KEPT_BASE - category];
      if (code && day <= params.asOf) skipped[code] = (skipped[code] ?? 0) + n;
    } else if (category === TOTAL_ACTORS_PLANNED) actorsTotal += n;
    else if (category === TOTAL_ACTORS_REMOVED) {
      model.addRemovals(day, n);
      if (day <= params.asOf) due.actors += n;
    } else if (category === TOTAL_REMOVED_ON_REQUEST) {
      if (day <= params.asOf) due.requestedActors += n;
    } else {
      const id = CATEGORY_IDS[category]!;
      model.addRecords(day, id, n);
      if (day <= params.asOf) {
        due.records[id] += n;
        due.recordsTotal += n;
      }
    }
  };
  const addPlan = (plan: ActorPlan, sign: 1 | -1) => planTotals(plan, (day, category, n) => addEntry(day, category, sign * n));

  // The first day after the horizon: the month after its last.
  const end = `${forecastMonths(params.asOf, params.months + 1).at(-1)!}-01`;
  await client.query('begin isolation level repeatable read read only');
  try {
    for (const row of await readTotals(client, params.asOf, end)) addEntry(row.day, row.category, row.count);
    const stale = await client.query<{ actor_id: number }>(
      `select actor_id from retention_dirty
       union select actor_id from retention_schedule where ${await outOfIntervalSql(client, params.asOf)}`,
      [params.asOf],
    );
    const ids = stale.rows.map((r) => r.actor_id).sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += PLAN_CHUNK_ACTORS) {
      const part = ids.slice(i, i + PLAN_CHUNK_ACTORS);
      for (const old of await readStoredPlans(client, part)) addPlan(old, -1);
      const data = await getActorDataForIds(drizzleOnClient(client as pg.PoolClient), part);
      for (const d of data) addPlan(planActor(d, settings, params.asOf), 1);
    }
    await client.query('commit');
    for (const [code, n] of Object.entries(skipped)) if (n === 0) delete skipped[code as DeletionConditionCode];
    return { forecast: model.result(), due, skipped, actorsTotal, plannedOnTheFly: ids.length };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}
