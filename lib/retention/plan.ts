import { CATEGORY_IDS, MEMBERSHIP_TYPES, type CategoryId } from './categories';
import { NOT_DUE_CODES, type DeletionConditionCode } from './conditions';
import { MIN_DATE_YEAR, type IsoDate } from './dates';
import { evaluateActor, removalRequestState } from './report';
import type { RetentionSettings } from './settings';
import type { ActorData } from './types';

/*
 * An actor's retention plan: every day on which the rules will process something of theirs, and
 * the day they are removed, if nothing changes. It is what the retention schedule keeps per actor
 * (lib/cleanup/schedule.ts), so that a run finds what is due on its date without reading the
 * others, and the backlog, the circuit breaker's count and the forecast are sums over plans.
 *
 * Why one plan serves many as-of dates. The actor report on a date D depends on D in two ways:
 *   - through the actor's *state* on D: which memberships run (end date after D), whether a removal
 *     request applies (dated on or before D), whether a legal hold holds (until after D);
 *   - through clamping: a reason's `until`, the removal date and each record's day of going are
 *     "never before D", and reasons whose end is on or before D are left out.
 * The state changes only on the boundary days below; between two of them it is constant, and there
 * the report on a later day D equals the report on the plan's day with every date clamped to D (a
 * reason left out on D ended on or before D, so it cannot move a date that is clamped to D anyway).
 * So the plan is the actor evaluated on its as-of date, and it holds from that day up to the next
 * boundary: a record goes on D when its planned day is on or before D, later on its planned day.
 * Everything already due on the plan's day is planned on that day (the backlog is one day of the
 * schedule, whatever the records' own dates). Outside its interval (the next boundary passed, or a
 * run for an earlier date) the actor is planned anew. tests/plan.test.ts checks this equality on
 * every scenario actor on many days.
 */

/** The day a plan with no lower boundary is evaluated on: before every date a scenario may hold. */
export const PLAN_EPOCH: IsoDate = `${MIN_DATE_YEAR}-01-01`;

/** One entry of a plan: `count` records of `category` go on `day`. */
export type PlanEntry = { day: IsoDate; category: CategoryId; count: number };

export type ActorPlan = {
  actorId: number;
  /** The as-of date the plan was made for. */
  plannedFor: IsoDate;
  /** First day the plan holds: the day it was made for (a run for an earlier day plans anew). */
  validFrom: IsoDate;
  /** First day the plan no longer holds (`null`: no upper bound): the actor is planned anew on it. */
  validTo: IsoDate | null;
  /** The day the actor is removed (`null`: a reason without end holds, or the cleanup is disabled). */
  removalOn: IsoDate | null;
  /** The removal is the actor's own request (it uses up no approval of the circuit breaker). */
  onRequest: boolean;
  /** Distinct (day, category), by day then category order; days never before `plannedFor`. */
  entries: PlanEntry[];
  /** The first day anything of the plan happens (a record goes or the actor is removed). */
  nextOn: IsoDate | null;
  /**
   * The first day the actor would be removed but for its deletion conditions (inactive long
   * enough, or a removal request applies); `null` when it never is while the plan holds (a member,
   * or the cleanup disabled).
   */
  keptFrom: IsoDate | null;
  /** The deletion conditions holding from `keptFrom`, each until its end (`null`: no end). */
  keptBy: { code: DeletionConditionCode; until: IsoDate | null }[];
};

const isMembership = (type: string) => (MEMBERSHIP_TYPES as readonly string[]).includes(type);

/**
 * The days on which the actor's state can change by the calendar alone: the end date of each
 * membership (running means an end date after the as-of date), the day a removal request applies,
 * the day a legal hold stops holding. Sorted, distinct.
 */
export function planBoundaries(data: ActorData): IsoDate[] {
  const days = new Set<IsoDate>();
  for (const role of data.roles) if (isMembership(role.type) && role.endDate !== null) days.add(role.endDate);
  // A request that a later membership made void never applies; one that applies does so from its date.
  const request = removalRequestState(data, '9999-12-31');
  if (request.requestedOn !== null) days.add(request.requestedOn);
  if (data.legalHold?.until) days.add(data.legalHold.until);
  return [...days].sort();
}

const CATEGORY_ORDER = new Map<CategoryId, number>(CATEGORY_IDS.map((id, i) => [id, i]));

/**
 * The plan of one actor for the as-of date `asOf` (RETENTION.md's rules through evaluateActor, so
 * the plan says exactly what the actor report says). Pure: no I/O, no clock.
 */
export function planActor(data: ActorData, settings: RetentionSettings, asOf: IsoDate): ActorPlan {
  const validTo = planBoundaries(data).find((day) => day > asOf) ?? null;
  const evaluatedOn = asOf;
  const evaluation = evaluateActor(data, settings, evaluatedOn);
  // Records per day and category, by day then category order (a count per category for each day:
  // the schedule plans a library's records by the million, and this keeps it to one small array a day).
  const perDay = new Map<IsoDate, number[]>();
  for (const record of evaluation.records) {
    if (record.goDate === null) continue;
    let counts = perDay.get(record.goDate);
    if (counts === undefined) perDay.set(record.goDate, (counts = new Array<number>(CATEGORY_IDS.length).fill(0)));
    counts[CATEGORY_ORDER.get(record.category)!]! += 1;
  }
  const entries: PlanEntry[] = [];
  for (const day of [...perDay.keys()].sort()) {
    const counts = perDay.get(day)!;
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) entries.push({ day, category: CATEGORY_IDS[i]!, count: counts[i]! });
  }
  const removalOn = evaluation.report.removal.date;
  // From when, and by what, a run on a day of the interval finds the actor kept (the run's
  // `skipped`): a removal candidate once no waiting reason holds, kept by each condition until it ends.
  const reasons = evaluation.report.removal.reasons;
  const waiting = reasons.filter((r) => (NOT_DUE_CODES as readonly string[]).includes(r.code));
  let keptFrom: IsoDate | null = evaluatedOn;
  if (waiting.some((r) => r.code !== 'NOT_INACTIVE_LONG_ENOUGH')) keptFrom = null;
  else if (waiting.length > 0) keptFrom = waiting[0]!.until;
  const keptBy = reasons
    .filter((r) => !(NOT_DUE_CODES as readonly string[]).includes(r.code))
    .map((r) => ({ code: r.code as DeletionConditionCode, until: r.until }));
  let nextOn = entries[0]?.day ?? null;
  if (removalOn !== null && (nextOn === null || removalOn < nextOn)) nextOn = removalOn;
  return {
    actorId: data.actorId,
    plannedFor: asOf,
    validFrom: asOf,
    validTo,
    removalOn,
    onRequest: removalOn !== null && removalRequestState(data, evaluatedOn).applies,
    entries,
    nextOn,
    keptFrom,
    keptBy: keptFrom === null ? [] : keptBy,
  };
}

/**
 * The deletion conditions that keep the actor on `asOf` (a day the plan holds on), as a run counts
 * them in `skipped`: none unless the actor is a removal candidate; then each condition that still
 * holds after the run's rules ran (its end is after `asOf`, or it has none).
 */
export function keptOn(plan: Pick<ActorPlan, 'keptFrom' | 'keptBy'>, asOf: IsoDate): DeletionConditionCode[] {
  if (plan.keptFrom === null || plan.keptFrom > asOf) return [];
  return plan.keptBy.filter((k) => k.until === null || k.until > asOf).map((k) => k.code);
}

/** True when the plan holds on `asOf` (the actor's state on `asOf` is the one it was made for). */
export function planHoldsOn(plan: Pick<ActorPlan, 'validFrom' | 'validTo'>, asOf: IsoDate): boolean {
  return plan.validFrom <= asOf && (plan.validTo === null || asOf < plan.validTo);
}
