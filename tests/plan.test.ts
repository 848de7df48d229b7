/*
 * The retention plan (lib/retention/plan.ts) against the actor report it stands for: on every
 * scenario actor and many as-of dates D (each expectation's date, every boundary day and its
 * neighbours, month ends, a leap day), the plan made for D holds on D and, on D and on later days
 * of its interval, says what evaluateActor says on that day: per category the records due and the
 * next day one goes, the last day where every record goes, and the removal date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { addDays, maxDate, type IsoDate } from '@/lib/retention/dates';
import { NOT_DUE_CODES } from '@/lib/retention/conditions';
import { keptOn, planActor, planBoundaries, planHoldsOn, type ActorPlan } from '@/lib/retention/plan';
import { evaluateActor } from '@/lib/retention/report';
import { DISABLED_SETTINGS, TYPICAL_SETTINGS, type RetentionSettings } from '@/lib/retention/settings';
import type { ActorData } from '@/lib/retention/types';
import { scenarioActorToData } from '@/lib/scenario/actor-data';
import { parseScenarioText } from '@/lib/scenario/schema';

const SCENARIO_DIR = path.resolve(import.meta.dirname, '../../shared/spec/scenarios');
const files = [
  ...fs.readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(path.join(SCENARIO_DIR, 'extended')).filter((f) => f.endsWith('.json')).map((f) => `extended/${f}`),
];

const FIXED_DATES: IsoDate[] = ['2010-06-15', '2020-02-29', '2023-01-31', '2024-02-29', '2025-12-31', '2026-12-06', '2028-02-29', '2035-07-01'];

/** What the plan says on `day` (a day its interval holds), in the actor report's words. */
function planSays(plan: ActorPlan, day: IsoDate) {
  const categories: Record<string, { due: number; nextDate: IsoDate | null; last: IsoDate | null }> = {};
  for (const id of CATEGORY_IDS) categories[id] = { due: 0, nextDate: null, last: null };
  for (const e of plan.entries) {
    const c = categories[e.category]!;
    if (e.day <= day) c.due += e.count;
    else if (c.nextDate === null || e.day < c.nextDate) c.nextDate = e.day;
    const go = maxDate(e.day, day);
    if (c.last === null || go > c.last) c.last = go;
  }
  return { categories, removalDate: plan.removalOn === null ? null : maxDate(plan.removalOn, day) };
}

function checkDay(data: ActorData, settings: RetentionSettings, plan: ActorPlan, day: IsoDate, label: string) {
  const report = evaluateActor(data, settings, day).report;
  const says = planSays(plan, day);
  expect(says.removalDate, `${label}: removal date`).toBe(report.removal.date);
  for (const id of CATEGORY_IDS) {
    const r = report.categories[id];
    const p = says.categories[id]!;
    expect(p.due, `${label}: ${id} due`).toBe(r.due);
    expect(p.nextDate, `${label}: ${id} nextDate`).toBe(r.nextDate);
    // lastDate is null in the report when a record never goes; the plan keeps no such record.
    if (r.lastDate !== null) expect(p.last, `${label}: ${id} lastDate`).toBe(r.lastDate);
  }
  // What a run on the day counts in `skipped`: the conditions of a removal candidate that still
  // hold once the day's records are gone (their end after the day, or none).
  const waiting = report.removal.reasons.some((r) => (NOT_DUE_CODES as readonly string[]).includes(r.code));
  const kept = waiting ? [] : report.removal.reasons.filter((r) => r.until === null || r.until > day).map((r) => r.code);
  expect(keptOn(plan, day).sort(), `${label}: kept by`).toEqual(kept.sort());
}

describe.each(files)('%s: the plan says what the report says', (file) => {
  const scenario = parseScenarioText(fs.readFileSync(path.join(SCENARIO_DIR, file), 'utf8'));
  const settings = { ...DISABLED_SETTINGS, ...scenario.settings };
  const asOfs = [...new Set(((scenario.expectations ?? []) as { asOf: string }[]).map((e) => e.asOf))];
  it('on every actor and many days', () => {
    let checked = 0;
    for (const actor of scenario.actors) {
      const data = scenarioActorToData(actor);
      const days = new Set<IsoDate>([...FIXED_DATES, ...asOfs]);
      for (const b of planBoundaries(data)) for (const d of [addDays(b, -1), b, addDays(b, 1)]) days.add(d);
      for (const day of days) {
        const plan = planActor(data, settings, day);
        expect(planHoldsOn(plan, day), `${actor.actorId} on ${day}: plan holds`).toBe(true);
        checkDay(data, settings, plan, day, `${actor.actorId} planned and checked on ${day}`);
        // Later days of the same interval: the same plan, clamped to the day.
        for (const later of [addDays(day, 1), addDays(day, 45), addDays(day, 400), addDays(day, 3000)]) {
          if (!planHoldsOn(plan, later)) continue;
          checkDay(data, settings, plan, later, `${actor.actorId} planned on ${day}, checked on ${later}`);
          checked += 1;
        }
        // An earlier day: a plan never holds before the day it was made for.
        expect(planHoldsOn(plan, addDays(day, -1))).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(scenario.actors.length);
  });
});

describe('planActor', () => {
  const base: ActorData = {
    actorId: 7,
    registeredOn: '2015-01-01',
    loanHistoryOptIn: true,
    storedCancellationDate: null,
    hasPersonalDetails: true,
    roles: [{ type: 'ABON', subtype: null, status: 9, startDate: '2015-01-01', endDate: '2027-03-31', deregistrationDate: null }],
    otherRoles: [],
    blocks: [],
    credentials: [],
    financial: [{ bookedOn: '2020-01-01', settled: true }],
    loans: [{ returnedOn: '2024-05-02' }, { returnedOn: '2024-05-02' }, { returnedOn: null }],
    records: {},
  };

  it('bounds the plan by the membership end: a member until then, planned anew on that day', () => {
    const plan = planActor(base, TYPICAL_SETTINGS, '2026-12-06');
    expect(plan.validFrom).toBe('2026-12-06');
    expect(plan.validTo).toBe('2027-03-31');
    expect(plan.removalOn).toBeNull();
    expect(plan.entries).toEqual([
      // Due since 2026-05-02: the backlog, planned on the plan's own day.
      { day: '2026-12-06', category: 'loan_history', count: 2 },
      { day: '2027-01-01', category: 'financial_transactions', count: 1 },
      // The membership ends on 2027-03-31 and goes 24 months later by the age rule.
      { day: '2029-03-31', category: 'memberships', count: 1 },
    ]);
    expect(plan.nextOn).toBe('2026-12-06');
    const after = planActor(base, TYPICAL_SETTINGS, '2027-03-31');
    expect(after.validFrom).toBe('2027-03-31');
    expect(after.validTo).toBeNull();
    // A copy is still on loan: the actor stays, every other record goes by its rule.
    expect(after.removalOn).toBeNull();
  });

  it('a removal request applies from its day and marks the removal as requested', () => {
    const data = { ...base, loans: [], removalRequestedOn: '2027-01-10' };
    const before = planActor(data, TYPICAL_SETTINGS, '2026-12-06');
    expect(before.validTo).toBe('2027-01-10');
    expect(before.onRequest).toBe(false);
    const after = planActor(data, TYPICAL_SETTINGS, '2027-02-01');
    expect(after.validFrom).toBe('2027-02-01');
    expect(after.validTo).toBe('2027-03-31');
    // The fee booked 2020-01-01 kept the customer until 2027-01-01; nothing keeps them any more.
    expect(after.removalOn).toBe('2027-02-01');
    expect(after.onRequest).toBe(true);
  });

  it('a legal hold without end keeps everything: no day at all', () => {
    const data = { ...base, loans: [], roles: [{ ...base.roles[0]!, endDate: '2018-01-01' }], legalHold: { until: null } };
    const plan = planActor(data, TYPICAL_SETTINGS, '2026-12-06');
    expect(plan.entries).toEqual([]);
    expect(plan.removalOn).toBeNull();
    expect(plan.nextOn).toBeNull();
  });
});
