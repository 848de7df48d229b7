import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { getActorDataForIds } from '@/db/queries/actor-data';
import { getSettings } from '@/db/queries/settings';
import { countDue } from '@/lib/cleanup/count-due';
import { planTotals } from '@/lib/cleanup/schedule-plans';
import { readStoredPlans, sumSchedule, type DueCounts } from '@/lib/cleanup/schedule-sums';
import { addDays, maxDate, type IsoDate } from '@/lib/retention/dates';
import { keptOn, planActor, planHoldsOn, type ActorPlan } from '@/lib/retention/plan';

/** What a plan says on `day` (a day it holds on): per category the records due and the next day one goes, the removal, the conditions keeping the actor. */
function planSays(plan: ActorPlan, day: IsoDate) {
  const categories: Record<string, { due: number; next: IsoDate | null }> = {};
  for (const e of plan.entries) {
    const c = (categories[e.category] ??= { due: 0, next: null });
    if (e.day <= day) c.due += e.count;
    else if (c.next === null || e.day < c.next) c.next = e.day;
  }
  return { categories, removal: plan.removalOn === null ? null : maxDate(plan.removalOn, day), onRequest: plan.onRequest, kept: keptOn(plan, day).sort() };
}

/**
 * The schedule's invariants: the totals are the sum of the stored plans, entry for entry; every
 * actor has a plan and every plan an actor; each stored plan says, on `from` (the last run's date)
 * and on days after it, what the rules engine says from the rows now. (A stored plan may differ in
 * what no longer matters: a run deleted a record, a membership role, that told the days before.)
 * Call it when no write is queued.
 */
export async function expectScheduleConsistent(db: Db, from: IsoDate): Promise<void> {
  const ids = (await db.$client.query<{ actor_id: number }>('select actor_id from retention_schedule order by actor_id')).rows.map((r) => r.actor_id);
  const actors = (await db.$client.query<{ id: number }>('select id from actors order by id')).rows.map((r) => r.id);
  expect(ids, 'one plan per actor').toEqual(actors);
  const client = await db.$client.connect();
  try {
    const plans = await readStoredPlans(client, ids);
    const expected = new Map<string, number>();
    for (const plan of plans)
      planTotals(plan, (day, category, n) => {
        const key = `${day}|${category}`;
        expected.set(key, (expected.get(key) ?? 0) + n);
      });
    const totals = new Map<string, number>();
    for (const row of (await client.query<{ day: string; category: number; count: number }>('select day, category, count from retention_plan_totals')).rows) {
      totals.set(`${row.day}|${row.category}`, row.count);
    }
    const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(nonZero(totals), 'totals = the sum of the plans').toEqual(nonZero(expected));

    const settings = await getSettings(db);
    const data = new Map((await getActorDataForIds(db, ids)).map((d) => [d.actorId, d]));
    for (const stored of plans) {
      // A run took the processed days off; the records they stood for are gone from the rows, so
      // the engine, asked again for the same date, says exactly what is left.
      const fresh = planActor(data.get(stored.actorId)!, settings, from);
      for (const day of [from, addDays(from, 1), addDays(from, 31), addDays(from, 400), addDays(from, 3000)]) {
        if (!planHoldsOn(stored, day) || !planHoldsOn(fresh, day)) continue;
        expect(planSays(stored, day), `plan of ${stored.actorId} on ${day}`).toEqual(planSays(fresh, day));
      }
      expect(planHoldsOn(stored, from) || stored.validFrom! > from, `plan of ${stored.actorId} holds on ${from} or is planned anew`).toBe(true);
    }
  } finally {
    client.release();
  }
}

/** What the schedule says is due on `asOf` equals what walking the library with the run's own SQL counts. */
export async function expectScheduleDueEqualsWalk(db: Db, asOf: IsoDate): Promise<DueCounts> {
  const client = await db.$client.connect();
  let sums;
  try {
    sums = await sumSchedule(client, { asOf, months: 1 });
  } finally {
    client.release();
  }
  expect(sums, 'the schedule is up to date').not.toBeNull();
  const walked = await countDue(db, { asOf });
  expect(sums!.due, `due on ${asOf}: schedule vs walk`).toEqual(walked);
  return walked;
}
