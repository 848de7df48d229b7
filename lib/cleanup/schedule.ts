import type pg from 'pg';
import { drizzleOnClient } from '../../db/client';
import { getActorDataForIds, getActorDataPageBulk } from '../../db/queries/actor-data';
import { getSettings } from '../../db/queries/settings';
import type { IsoDate } from '../retention/dates';
import { PLAN_EPOCH, planActor, type ActorPlan } from '../retention/plan';
import { SETTING_NAMES, type RetentionSettings } from '../retention/settings';
import type { ActorData } from '../retention/types';
import { replacePlans, TOTAL_ACTORS_PLANNED, TOTAL_ACTORS_REMOVED, TOTAL_KEPT_BASE, TOTAL_REMOVED_ON_REQUEST, type Client } from './schedule-plans';

/*
 * The retention schedule: what lets a run find the actors and records due on its date without
 * reading the others, and count the backlog, the circuit breaker's removals and the forecast the
 * same way.
 *
 * - retention_schedule keeps each actor's plan (lib/retention/plan.ts: the days its records go and
 *   the day it is removed, made by the rules engine itself, valid while the actor's state holds).
 *   A run takes the actors whose first day (next_on) is on or before its date, by index.
 * - retention_plan_totals keeps the sum of all plans per day and category, changed in the same
 *   transaction as every plan. The backlog of D is the sum up to D; the forecast sums each month.
 * - Every write follows: statement triggers on every table the library system writes, and on the
 *   product's requests and holds, queue the actors they touch in retention_dirty (migration 0014);
 *   a plan whose interval ends (a membership ends, a hold stops, a request applies) is due for
 *   planning anew on that day (valid_to). A run plans both anew before anything else ("drain").
 *   A settings change or a TRUNCATE makes the whole schedule be rebuilt, resumably, in chunks.
 * - The run keeps the schedule itself for its own writes: in each batch's transaction it takes the
 *   processed days off the plans of the actors it worked on and drops the plans of those it removed.
 *   Its final check stays on the rows: when what a batch did differs from the plans, its actors are
 *   queued to be planned anew.
 * Each step is one transaction, so a kill -9 leaves the schedule as it was before the step, and the
 * rebuild goes on where it stopped.
 *
 * schedule-plans.ts writes the plans and their totals; schedule-sums.ts reads the sums.
 */

/** The plan format. A schedule made with another is rebuilt. */
export const SCHEDULE_VERSION = 1;

/** How many actors one schedule transaction plans (a page of the rules engine's bulk loader). */
export const PLAN_CHUNK_ACTORS = 5000;

/**
 * The plans that do not hold on `asOf`: those whose interval ended (valid_to, by index), and, for
 * a date before the latest one a plan was made for or a run worked on, those that start after it
 * (a run going back in time; read whole, it happens in tests and catch-ups, not in the job).
 */
export async function outOfIntervalSql(client: Client, asOf: IsoDate): Promise<string> {
  const r = await client.query<{ latest: string | null }>('select plan_latest as latest from cleanup_state where id = 1');
  const latest = r.rows[0]?.latest ?? null;
  return latest !== null && asOf < latest ? `(valid_to <= $1 or valid_from > $1)` : `valid_to <= $1`;
}

/** Plans the actors of `ids` anew for `asOf` from their rows (in the caller's transaction). */
export async function planActorsAnew(client: Client, ids: readonly number[], settings: RetentionSettings, asOf: IsoDate): Promise<ActorPlan[]> {
  const data = await getActorDataForIds(drizzleOnClient(client as pg.PoolClient), ids);
  const plans = data.map((d) => planActor(d, settings, asOf));
  await replacePlans(client, ids, plans);
  return plans;
}

export type ScheduleState = {
  /** `null`: complete; otherwise the rebuild's position (actors with ids up to it are planned). */
  rebuildAfter: number | null;
  settings: Record<string, number> | null;
  version: number;
};

export async function readScheduleState(client: Client): Promise<ScheduleState> {
  const r = await client.query<{ plan_rebuild_after: number | null; plan_settings: Record<string, number> | null; plan_version: number }>(
    'select plan_rebuild_after, plan_settings, plan_version from cleanup_state where id = 1',
  );
  const row = r.rows[0];
  if (!row) return { rebuildAfter: 0, settings: null, version: 0 };
  return { rebuildAfter: row.plan_rebuild_after, settings: row.plan_settings, version: row.plan_version };
}

const sameSettings = (a: Record<string, number> | null, b: RetentionSettings) => a !== null && SETTING_NAMES.every((n) => a[n] === b[n]);

/** True when every actor is planned, with these settings and this plan format. */
export function isScheduleCurrent(state: ScheduleState, settings: RetentionSettings): boolean {
  return state.rebuildAfter === null && state.version === SCHEDULE_VERSION && sameSettings(state.settings, settings);
}

export type RebuildOptions = {
  asOf: IsoDate;
  chunkActors?: number;
  /** Asked before each chunk; a reason stops the rebuild there (it goes on at the next call). */
  shouldStop?: () => string | null;
  onProgress?: (planned: number) => void;
};

/** Empties the schedule for a rebuild with `settings` (in the caller's transaction). */
async function startRebuild(client: Client, settings: RetentionSettings): Promise<void> {
  // The queued marks so far are covered by planning every actor from its rows now (marks of
  // writes still in flight are not visible here and stay).
  await client.query('truncate retention_schedule, retention_plan_totals');
  await client.query('delete from retention_dirty where id <= (select max(id) from retention_dirty)');
  await client.query('update cleanup_state set plan_rebuild_after = 0, plan_settings = $1, plan_version = $2 where id = 1', [
    JSON.stringify(settings),
    SCHEDULE_VERSION,
  ]);
}

/** Plans the next `chunk` actors after id `after` (in the caller's transaction); returns the last id planned, `null` when none was left. */
async function planChunk(client: Client, after: number, settings: RetentionSettings, asOf: IsoDate, chunk: number): Promise<{ last: number | null; planned: number }> {
  const page = await getActorDataPageBulk(drizzleOnClient(client as pg.PoolClient), after, chunk);
  const plans = page.map((d: ActorData) => planActor(d, settings, asOf));
  await replacePlans(client, [], plans);
  const last = page.at(-1)?.actorId ?? null;
  await client.query(
    `update cleanup_state set plan_rebuild_after = $1, plan_built_at = case when $1::bigint is null then now() else plan_built_at end where id = 1`,
    [last],
  );
  return { last, planned: plans.length };
}

/**
 * Plans every actor anew, in chunks of consecutive actor ids, each chunk one transaction that also
 * moves the rebuild's position: stopped or killed, it goes on where it stopped at the next call.
 * Starting from 0 it empties the schedule first. A settings change committed meanwhile (the
 * trigger puts the position back to 0, and the chunk holds the state row while it works) is
 * noticed by the next chunk, which starts over. Returns whether the schedule is complete.
 */
export async function rebuildSchedule(client: Client, options: RebuildOptions): Promise<{ complete: boolean; planned: number }> {
  const chunk = options.chunkActors ?? PLAN_CHUNK_ACTORS;
  let planned = 0;
  for (;;) {
    if (options.shouldStop?.()) return { complete: false, planned };
    await client.query('begin');
    try {
      const state = await client.query<{ after: number | null; version: number; settings: Record<string, number> | null }>(
        'select plan_rebuild_after as after, plan_version as version, plan_settings as settings from cleanup_state where id = 1 for update',
      );
      const settings = await getSettings(drizzleOnClient(client as pg.PoolClient));
      const row = state.rows[0];
      const current = row !== undefined && row.version === SCHEDULE_VERSION && sameSettings(row.settings, settings);
      if (current && row.after === null) {
        await client.query('commit');
        return { complete: true, planned };
      }
      const after = current ? (row.after ?? 0) : 0;
      if (after === 0) await startRebuild(client, settings);
      const step = await planChunk(client, after, settings, options.asOf, chunk);
      await client.query('commit');
      planned += step.planned;
      options.onProgress?.(planned);
      if (step.last === null) return { complete: true, planned };
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    }
  }
}

/**
 * Builds the whole schedule for `asOf` inside the caller's transaction (a `load`: the library and
 * its schedule appear together).
 */
export async function buildScheduleInTransaction(client: Client, asOf: IsoDate): Promise<number> {
  const settings = await getSettings(drizzleOnClient(client as pg.PoolClient));
  await startRebuild(client, settings);
  let after = 0;
  let planned = 0;
  for (;;) {
    const step = await planChunk(client, after, settings, asOf, PLAN_CHUNK_ACTORS);
    planned += step.planned;
    if (step.last === null) return planned;
    after = step.last;
  }
}

/** Marks the schedule for a rebuild (a settings change does it by trigger; this is for the rest). */
export async function requestScheduleRebuild(client: Client): Promise<void> {
  await client.query('update cleanup_state set plan_rebuild_after = 0 where id = 1');
}

export type DrainOptions = {
  asOf: IsoDate;
  settings: RetentionSettings;
  chunkActors?: number;
  shouldStop?: () => string | null;
};

/**
 * Plans anew, for `asOf`, every actor whose rows changed since it was planned (the queue) and
 * every actor whose plan does not hold on `asOf` (its interval ended, or a run for an earlier date),
 * in chunks, each one READ COMMITTED transaction: a write committed after a chunk's first statement
 * leaves its own mark in the queue, which the chunk does not take, so it is planned again next
 * time. Returns how many actors were planned and whether nothing is left.
 */
export async function drainSchedule(client: Client, options: DrainOptions): Promise<{ replanned: number; complete: boolean }> {
  const chunk = options.chunkActors ?? PLAN_CHUNK_ACTORS;
  let replanned = 0;
  // The queue first, then the plans that do not hold on the date.
  for (const source of ['queue', 'interval'] as const) {
    for (;;) {
      if (options.shouldStop?.()) return { replanned, complete: false };
      await client.query('begin');
      try {
        const ids =
          source === 'queue'
            ? (
                await client.query<{ actor_id: number }>(
                  `delete from retention_dirty where id in (select id from retention_dirty order by id limit $1) returning actor_id`,
                  [chunk],
                )
              ).rows.map((r) => r.actor_id)
            : (
                await client.query<{ actor_id: number }>(
                  `select actor_id from retention_schedule where ${await outOfIntervalSql(client, options.asOf)} order by actor_id limit $2`,
                  [options.asOf, chunk],
                )
              ).rows.map((r) => r.actor_id);
        if (ids.length === 0) {
          await client.query('commit');
          break;
        }
        const unique = [...new Set(ids)];
        await planActorsAnew(client, unique, options.settings, options.asOf);
        await client.query('commit');
        replanned += unique.length;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      }
    }
  }
  return { replanned, complete: true };
}

/**
 * After a run that changed many plans (the first backlog, a rebuild after a settings change), the
 * planner's statistics of the schedule describe the plans before it: at 1M actors the next run's
 * pick of due actors then estimated most of the schedule due, read all of it (2 s, every run until
 * autovacuum came by) instead of the index (10 ms). The run analyzes the schedule itself when it
 * changed at least a tenth of the plans, so the next run, started a minute or ten minutes later,
 * does not depend on autovacuum's timing. Smaller changes are left to autovacuum, which analyzes
 * the schedule after 2 % of it changed (migration 0017).
 * Returns whether it analyzed.
 */
export async function refreshScheduleStatistics(client: Client, plansChanged: number): Promise<boolean> {
  if (plansChanged <= 0) return false;
  const r = await client.query<{ rows: number }>(`select reltuples::float8 as rows from pg_class where oid = 'retention_schedule'::regclass`);
  const rows = Number(r.rows[0]?.rows ?? -1);
  // -1: never analyzed (a new database).
  if (rows >= 0 && plansChanged < Math.max(1000, rows * 0.1)) return false;
  // The plan's arrays have no statistics (migration 0017): sampling them took 85 % of the analyze
  // (310 ms instead of 45 ms at 27,000 actors), and no query estimates on them.
  await client.query('analyze retention_schedule');
  return true;
}

/** The actors whose plan says something is due on or before `asOf`, by id. */
export async function getDueActorIds(client: Client, asOf: IsoDate): Promise<number[]> {
  const r = await client.query<{ actor_id: number }>('select actor_id from retention_schedule where next_on <= $1 order by actor_id', [asOf]);
  return r.rows.map((x) => x.actor_id);
}

/**
 * The batch's side of the schedule, in the batch's transaction, after its rules and removals: the
 * processed days (on or before the run's date $1) come off the plans of the batch's actors ($3,
 * those of them in cleanup_batch: locked and worked on), the plans of the actors removed ($2) go,
 * the totals follow. Returns what the plans said the batch would do, for the caller to compare
 * with what it did.
 */
export const APPLY_BATCH_TO_SCHEDULE_SQL = `
  with proc as materialized (
    select s.actor_id, s.days, s.categories, s.counts, s.removal_on, s.on_request, s.kept_from, s.kept_codes, s.kept_untils,
      s.actor_id = any($2::bigint[]) as removed,
      -- How many of the plan's entries come off: a removed actor's all; else those the run
      -- processed, its days on or before $1, which come first (a plan's days are sorted), counted
      -- by width_bucket's binary search.
      case when s.actor_id = any($2::bigint[]) then cardinality(s.days) else width_bucket($1::date, s.days) end as done
    from retention_schedule s join cleanup_batch b on b.actor_id = s.actor_id
    where s.actor_id = any($3::bigint[])
  ), gone as (
    -- The entries that come off, summed per day and category. Unnested in the select list (a
    -- ProjectSet, the three parallel arrays in step) rather than by a lateral unnest per plan,
    -- whose function scan costs about twice as much (54 against 28 ms for 5,000 plans).
    select day, category, sum(n)::bigint as n from (
      select unnest(p.days[:p.done]) as day, unnest(p.categories[:p.done]) as category, unnest(p.counts[:p.done]) as n
        from proc p where p.done > 0
    ) e group by 1, 2
  ), delta as (
    select day, category, -n as n from gone
    union all select removal_on, ${TOTAL_ACTORS_REMOVED}::smallint, -count(*) from proc where removed and removal_on is not null group by 1
    union all select removal_on, ${TOTAL_REMOVED_ON_REQUEST}::smallint, -count(*) from proc where removed and removal_on is not null and on_request group by 1
    union all select '${PLAN_EPOCH}'::date, ${TOTAL_ACTORS_PLANNED}::smallint, -count(*) from proc where removed having count(*) > 0
    union all select p.kept_from, (${TOTAL_KEPT_BASE} - k.code)::smallint, -count(*)
      from proc p cross join lateral unnest(p.kept_codes, p.kept_untils) as k(code, until)
     where p.removed and p.kept_from is not null and (k.until is null or k.until > p.kept_from) group by 1, 2
    union all select k.until, (${TOTAL_KEPT_BASE} - k.code)::smallint, count(*)
      from proc p cross join lateral unnest(p.kept_codes, p.kept_untils) as k(code, until)
     where p.removed and p.kept_from is not null and k.until > p.kept_from group by 1, 2
  ), totals as (
    insert into retention_plan_totals (day, category, count) select day, category, sum(n) from delta group by 1, 2
    on conflict (day, category) do update set count = retention_plan_totals.count + excluded.count
  ), dropped as (
    delete from retention_schedule s using proc p where s.actor_id = p.actor_id and p.removed
  ), kept as (
    update retention_schedule s set days = s.days[p.done + 1:], categories = s.categories[p.done + 1:], counts = s.counts[p.done + 1:],
        next_on = least(s.days[p.done + 1], s.removal_on),
        -- What the run deleted (a membership role, say) no longer tells the days before it: a later
        -- run for an earlier date plans the actor anew from its rows.
        valid_from = greatest(s.valid_from, $1::date)
      from proc p
     where s.actor_id = p.actor_id and not p.removed and p.done > 0
  )
  select
    coalesce((select json_object_agg(category, n) from (select category, sum(n)::int as n from gone group by 1) g), '{}'::json) as records,
    coalesce((select array_agg(actor_id order by actor_id) from proc where removal_on <= $1::date), '{}') as planned_removals`;
