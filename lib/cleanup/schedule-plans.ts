import type pg from 'pg';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import { DELETION_CONDITION_CODES, type DeletionConditionCode } from '../retention/conditions';
import type { IsoDate } from '../retention/dates';
import { PLAN_EPOCH, type ActorPlan } from '../retention/plan';

/*
 * The stored plans of the retention schedule (lib/cleanup/schedule.ts) and their totals:
 * retention_schedule holds one row per actor, retention_plan_totals the sum of all plans per day
 * and category (with pseudo-categories for removals, actors planned and the days each deletion
 * condition starts and stops keeping an actor). replacePlans changes both in the caller's
 * transaction; planTotals is the one definition of what a plan adds.
 */

/** Pseudo-categories of retention_plan_totals beside the CATEGORY_IDS indexes. */
export const TOTAL_ACTORS_REMOVED = -1;
export const TOTAL_REMOVED_ON_REQUEST = -2;
/** The number of actors planned, kept on PLAN_EPOCH (so the breaker's share needs no count of actors). */
export const TOTAL_ACTORS_PLANNED = -3;
/**
 * Deletion condition i (DELETION_CONDITION_CODES) is kept as TOTAL_KEPT_BASE - i: +1 on the day it
 * starts keeping an actor that would otherwise be removed, -1 on the day it stops; the actors it
 * keeps on a day are the sum of its rows up to that day (the run's `skipped`).
 */
export const TOTAL_KEPT_BASE = -100;
const CODE_INDEX = new Map<DeletionConditionCode, number>(DELETION_CONDITION_CODES.map((c, i) => [c, i]));

const CATEGORY_INDEX = new Map<CategoryId, number>(CATEGORY_IDS.map((id, i) => [id, i]));

export type Client = pg.ClientBase;

const SUBTRACT_OLD_PLANS_SQL = `
  with old as (
    delete from retention_schedule s where s.actor_id = any($1::bigint[])
    returning s.days, s.categories, s.counts, s.removal_on, s.on_request, s.kept_from, s.kept_codes, s.kept_untils
  ), delta as (
    select e.day, e.category, -sum(e.n)::bigint as n
      from old cross join lateral unnest(old.days, old.categories, old.counts) as e(day, category, n) group by 1, 2
    union all select removal_on, ${TOTAL_ACTORS_REMOVED}::smallint, -count(*) from old where removal_on is not null group by 1
    union all select removal_on, ${TOTAL_REMOVED_ON_REQUEST}::smallint, -count(*) from old where removal_on is not null and on_request group by 1
    union all select '${PLAN_EPOCH}'::date, ${TOTAL_ACTORS_PLANNED}::smallint, -count(*) from old having count(*) > 0
    union all select old.kept_from, (${TOTAL_KEPT_BASE} - k.code)::smallint, -count(*)
      from old cross join lateral unnest(old.kept_codes, old.kept_untils) as k(code, until)
     where old.kept_from is not null and (k.until is null or k.until > old.kept_from) group by 1, 2
    union all select k.until, (${TOTAL_KEPT_BASE} - k.code)::smallint, count(*)
      from old cross join lateral unnest(old.kept_codes, old.kept_untils) as k(code, until)
     where old.kept_from is not null and k.until > old.kept_from group by 1, 2
  )
  insert into retention_plan_totals (day, category, count) select day, category, sum(n) from delta group by 1, 2
  on conflict (day, category) do update set count = retention_plan_totals.count + excluded.count`;

// Each plan's lists come as one array literal per plan ($8-$10, $12, $13: text, cast here), so the
// statement groups nothing: with one flat list of entries for the whole chunk, grouped back per
// actor by array_agg, it took 42 µs a plan.
const INSERT_PLANS_SQL = `
  insert into retention_schedule (actor_id, planned_for, valid_from, valid_to, next_on, removal_on, on_request, days, categories, counts,
                                  kept_from, kept_codes, kept_untils)
  select p.actor_id, p.planned_for, p.valid_from, p.valid_to, p.next_on, p.removal_on, p.on_request,
         p.days::date[], p.categories::smallint[], p.counts::int[], p.kept_from, p.kept_codes::smallint[], p.kept_untils::date[]
    from unnest($1::bigint[], $2::date[], $3::date[], $4::date[], $5::date[], $6::date[], $7::boolean[], $8::text[], $9::text[], $10::text[],
                $11::date[], $12::text[], $13::text[])
      as p(actor_id, planned_for, valid_from, valid_to, next_on, removal_on, on_request, days, categories, counts, kept_from, kept_codes, kept_untils)`;

const ADD_TOTALS_SQL = `
  insert into retention_plan_totals (day, category, count)
  select day, category, n from unnest($1::date[], $2::smallint[], $3::bigint[]) as t(day, category, n)
  on conflict (day, category) do update set count = retention_plan_totals.count + excluded.count`;

/**
 * What one plan adds to retention_plan_totals, entry by entry (`add(day, category, n)`): its records
 * per day, its removal, itself as one actor planned, and the days its conditions start and stop
 * keeping it. The one definition of the totals: replacePlans writes it, sumSchedule corrects with it.
 */
export function planTotals(plan: ActorPlan, add: (day: IsoDate, category: number, n: number) => void): void {
  for (const e of plan.entries) add(e.day, CATEGORY_INDEX.get(e.category)!, e.count);
  if (plan.removalOn !== null) {
    add(plan.removalOn, TOTAL_ACTORS_REMOVED, 1);
    if (plan.onRequest) add(plan.removalOn, TOTAL_REMOVED_ON_REQUEST, 1);
  }
  add(PLAN_EPOCH, TOTAL_ACTORS_PLANNED, 1);
  if (plan.keptFrom === null) return;
  for (const k of plan.keptBy) {
    if (k.until !== null && k.until <= plan.keptFrom) continue;
    const category = TOTAL_KEPT_BASE - CODE_INDEX.get(k.code)!;
    add(plan.keptFrom, category, 1);
    if (k.until !== null) add(k.until, category, -1);
  }
}

/**
 * Replaces the plans of the actors of `ids` by `plans` (an id without a plan has no actor any
 * more: its plan goes), keeping the totals: the old plans are taken off, the new ones added.
 * Three statements in the caller's transaction.
 */
export async function replacePlans(client: Client, ids: readonly number[], plans: readonly ActorPlan[]): Promise<void> {
  if (ids.length > 0) await client.query(SUBTRACT_OLD_PLANS_SQL, [toArray(ids)]);
  if (plans.length === 0) return;
  const cols = {
    actor: [] as number[],
    planned: [] as string[],
    from: [] as (string | null)[],
    to: [] as (string | null)[],
    next: [] as (string | null)[],
    removal: [] as (string | null)[],
    request: [] as boolean[],
    keptFrom: [] as (string | null)[],
  };
  // One PostgreSQL array literal per plan and list (dates and numbers: nothing to quote).
  const lists = { days: [] as string[], categories: [] as string[], counts: [] as string[], keptCodes: [] as string[], keptUntils: [] as string[] };
  const totals = new Map<string, number>();
  const total = (day: string, category: number, n: number) => {
    const key = `${day}|${category}`;
    totals.set(key, (totals.get(key) ?? 0) + n);
  };
  for (const p of plans) {
    cols.actor.push(p.actorId);
    cols.planned.push(p.plannedFor);
    cols.from.push(p.validFrom);
    cols.to.push(p.validTo);
    cols.next.push(p.nextOn);
    cols.removal.push(p.removalOn);
    cols.request.push(p.onRequest);
    cols.keptFrom.push(p.keptFrom);
    let days = '';
    let categories = '';
    let counts = '';
    for (const e of p.entries) {
      const sep = days === '' ? '' : ',';
      days += sep + e.day;
      categories += sep + CATEGORY_INDEX.get(e.category)!;
      counts += sep + e.count;
    }
    lists.days.push(`{${days}}`);
    lists.categories.push(`{${categories}}`);
    lists.counts.push(`{${counts}}`);
    lists.keptCodes.push(`{${p.keptBy.map((k) => CODE_INDEX.get(k.code)!).join(',')}}`);
    lists.keptUntils.push(`{${p.keptBy.map((k) => k.until ?? 'NULL').join(',')}}`);
    planTotals(p, total);
  }
  await client.query(INSERT_PLANS_SQL, [
    toArray(cols.actor),
    toArray(cols.planned),
    toArray(cols.from),
    toArray(cols.to),
    toArray(cols.next),
    toArray(cols.removal),
    toArray(cols.request),
    toArray(lists.days),
    toArray(lists.categories),
    toArray(lists.counts),
    toArray(cols.keptFrom),
    toArray(lists.keptCodes),
    toArray(lists.keptUntils),
  ]);
  const t = { day: [] as string[], category: [] as number[], n: [] as number[] };
  for (const [key, n] of totals) {
    const [day, category] = key.split('|');
    t.day.push(day!);
    t.category.push(Number(category));
    t.n.push(n);
  }
  await client.query(ADD_TOTALS_SQL, [toArray(t.day), toArray(t.category), toArray(t.n)]);
  const latest = plans.reduce((m, p) => (p.plannedFor > m ? p.plannedFor : m), plans[0]!.plannedFor);
  await client.query(`update cleanup_state set plan_latest = $1 where id = 1 and (plan_latest is null or plan_latest < $1)`, [latest]);
}

/**
 * Drops the totals that came to zero (every reader skips them; this keeps the table small). A run's
 * batches empty the days up to its date, a few hundred rows on the primary key (2 ms at a million
 * actors); re-planning can empty any day, so `upTo` null, for a run that changed many plans or a
 * rebuild, sweeps the whole table (a scan of it: 25-75 ms at a million actors, every run before).
 */
export async function dropEmptyTotals(client: Client, upTo: IsoDate | null): Promise<void> {
  if (upTo === null) await client.query('delete from retention_plan_totals where count = 0');
  else await client.query('delete from retention_plan_totals where day <= $1 and count = 0', [upTo]);
}

/** A JavaScript list as a PostgreSQL array literal: one parameter of any length. */
export function toArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `"${v}"` : String(v))).join(',')}}`;
}
