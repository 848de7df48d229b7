import {
  CATEGORIES,
  CATEGORY_IDS,
  KEPT_BLOCK_TYPES,
  MEMBERSHIP_CATEGORY_TYPES,
  MEMBERSHIP_TYPES,
  OPENABLE_CATEGORIES,
  RECORD_TABLE_CATEGORIES,
  type CategoryId,
} from './categories';
import {
  BRANCH_OR_EXTERNAL_ROLE_TYPES,
  EDUB_DEREGISTRATION_MONTHS,
  MEMBERSHIP_END_MONTHS,
  OTHER_ROLE_CONDITION,
  RUNNING_STATUS_BELOW,
  SPECIAL_MEMBERSHIP_SUBTYPES,
  type DeletionConditionCode,
} from './conditions';
import { addDays, addMonths, maxDate, minDate, type IsoDate } from './dates';
import type { RetentionSettings } from './settings';
import type { ActorData, ActorRole, CategoryReport, FoundActorReport, Reason } from './types';

/**
 * One record as the rules see it: its category, the date it goes by its own rule (`null`: no rule
 * ever reaches it), and the day it goes once the actor's removal is taken into account.
 */
export type EvaluatedRecord = {
  category: CategoryId;
  /** The record's own date (booking, return, end, …) where it has one; for the timeline. */
  date: IsoDate | null;
  ruleDate: IsoDate | null;
  goDate: IsoDate | null;
  /** Why a record no rule reaches is kept (open item, current loan, ALG block, …). */
  keptBecause?: string;
};

export type ActorEvaluation = {
  report: FoundActorReport;
  records: EvaluatedRecord[];
  /** cancellation date, or the registration date for an actor who never had a membership. */
  cancellationBase: IsoDate;
};

const has = <T extends string>(list: readonly T[], value: string | null): boolean =>
  value !== null && (list as readonly string[]).includes(value);

/** Date + months when the setting is on; `null` (never) when it is 0. */
function after(date: IsoDate | null, months: number): IsoDate | null {
  return date !== null && months > 0 ? addMonths(date, months) : null;
}

/** True when an ABON or EDUV role is running on `asOf` (no end date, or one after it). */
function isRunningMembership(role: ActorRole, asOf: IsoDate): boolean {
  return has(MEMBERSHIP_TYPES, role.type) && (role.endDate === null || role.endDate > asOf);
}

/** The date of a role in the `memberships` category; roles without one are never due. */
export function membershipRecordDate(role: ActorRole): IsoDate | null {
  if (!has(MEMBERSHIP_CATEGORY_TYPES, role.type)) return null;
  if (role.endDate !== null) return role.endDate;
  return role.type === 'EDUB' ? role.deregistrationDate : null;
}

/** The actor's cancellation date: the latest membership end date, kept on the actor. */
export function cancellationDateOf(data: ActorData): IsoDate | null {
  let latest = data.storedCancellationDate;
  for (const role of data.roles) {
    if (has(MEMBERSHIP_TYPES, role.type) && role.endDate !== null) {
      latest = latest === null || role.endDate > latest ? role.endDate : latest;
    }
  }
  return latest;
}

/**
 * The latest `until` over the records a condition rests on: each record's own end, or the day
 * its rule deletes it if earlier, never before `asOf`; `null` as soon as one of them never ends.
 */
function latestUntil(untils: (IsoDate | null)[], asOf: IsoDate): IsoDate | null {
  let latest: IsoDate = asOf;
  for (const u of untils) {
    if (u === null) return null;
    latest = maxDate(latest, u);
  }
  return latest;
}

/**
 * The removal request as the rules see it (RETENTION.md, "Removal on request"): `void` once the
 * actor holds a membership that started after the request (the customer came back), `applies`
 * from its date on.
 */
export function removalRequestState(data: ActorData, asOf: IsoDate): { requestedOn: IsoDate | null; applies: boolean } {
  const requested = data.removalRequestedOn ?? null;
  if (requested === null) return { requestedOn: null, applies: false };
  const cameBack = data.roles.some((r) => has(MEMBERSHIP_TYPES, r.type) && r.startDate != null && r.startDate > requested);
  if (cameBack) return { requestedOn: null, applies: false };
  return { requestedOn: requested, applies: requested <= asOf };
}

/**
 * The roles as the rules see them: from the day a removal request applies, every membership that
 * had not ended by then counts as ended on that day (a membership that ended earlier keeps its own
 * end date). EDUB roles are no memberships and keep their dates.
 */
function effectiveRoles(roles: ActorRole[], requestedOn: IsoDate | null): ActorRole[] {
  if (requestedOn === null) return roles;
  return roles.map((r) =>
    has(MEMBERSHIP_TYPES, r.type) && (r.endDate === null || r.endDate > requestedOn) ? { ...r, endDate: requestedOn } : r,
  );
}

/** True while a legal hold holds on `asOf`: no end date, or one after it. */
export function isLegalHoldActive(hold: ActorData['legalHold'], asOf: IsoDate): hold is { until: IsoDate | null } {
  return hold != null && (hold.until === null || hold.until > asOf);
}

/**
 * Evaluates the rules of RETENTION.md for one actor on `asOf`: the actor report of INTERFACES.md
 * and, per record, the day it goes. Pure: no I/O, no clock.
 */
export function evaluateActor(input: ActorData, settings: RetentionSettings, asOf: IsoDate): ActorEvaluation {
  const s = settings;
  const request = removalRequestState(input, asOf);
  const requestApplies = request.applies;
  const data: ActorData = requestApplies ? { ...input, roles: effectiveRoles(input.roles, request.requestedOn) } : input;
  const hold = isLegalHoldActive(data.legalHold, asOf) ? data.legalHold : null;
  const active = data.roles.some((r) => isRunningMembership(r, asOf));
  // The kept cancellation date may lie after the request (a membership that was to end later): the
  // request ended it on its date.
  const cancellationDate = requestApplies
    ? cancellationDateOf({
        ...data,
        storedCancellationDate: data.storedCancellationDate === null ? null : minDate(data.storedCancellationDate, request.requestedOn),
      })
    : cancellationDateOf(data);
  // An inactive actor who never had a membership counts "after cancellation" from registration.
  const cancellationBase = cancellationDate ?? data.registeredOn;
  // Active actors: report dates assume they stay active, so cancellation rules give no date.
  // One date per setting, worked out once (every record of a category asks for it).
  const cancellationDates = new Map<number, IsoDate | null>();
  const afterCancellation = (months: number): IsoDate | null => {
    if (active) return null;
    let date = cancellationDates.get(months);
    if (date === undefined) cancellationDates.set(months, (date = after(cancellationBase, months)));
    return date;
  };

  const records: EvaluatedRecord[] = [];
  const push = (category: CategoryId, date: IsoDate | null, ruleDate: IsoDate | null, keptBecause?: string) => {
    const record: EvaluatedRecord = { category, date, ruleDate, goDate: null };
    if (keptBecause) record.keptBecause = keptBecause;
    records.push(record);
  };

  // A legal hold holds every record back: its rule date becomes the later of its own and the
  // hold's end, and never while the hold has no end.
  const held = (ruleDate: IsoDate | null): IsoDate | null => {
    if (ruleDate === null || hold === null) return ruleDate;
    return hold.until === null ? null : maxDate(ruleDate, hold.until);
  };

  // Rule dates by category (min of the age rule and the cancellation rule where both apply).
  const ageOrCancellation = (category: CategoryId, date: IsoDate | null): IsoDate | null => {
    const rule = CATEGORIES[category];
    const age = rule.ageSetting ? after(date, s[rule.ageSetting]) : null;
    const cancel = rule.cancellationSetting ? afterCancellation(s[rule.cancellationSetting]) : null;
    return held(minDate(age, cancel));
  };

  if (data.hasPersonalDetails) push('personal_details', null, ageOrCancellation('personal_details', null));

  const roleRuleDate = (role: ActorRole) => held(after(membershipRecordDate(role), s.historyMonths));
  for (const role of data.roles) {
    if (!has(MEMBERSHIP_CATEGORY_TYPES, role.type)) continue;
    const date = membershipRecordDate(role);
    push('memberships', date, roleRuleDate(role), date === null ? 'no end date' : undefined);
  }

  for (const loan of data.loans) {
    if (loan.returnedOn === null) {
      push('loan_history', null, null, 'current loan');
      continue;
    }
    let rule = after(loan.returnedOn, s.historyMonths);
    if (!data.loanHistoryOptIn && s.optOutLoanDays > 0) rule = minDate(rule, addDays(loan.returnedOn, s.optOutLoanDays));
    push('loan_history', loan.returnedOn, held(rule));
  }

  for (const category of RECORD_TABLE_CATEGORIES) {
    for (const record of data.records[category] ?? []) {
      if (OPENABLE_CATEGORIES.has(category) && record.open) {
        push(category, record.date, null, 'open');
        continue;
      }
      push(category, record.date, ageOrCancellation(category, record.date));
    }
  }

  for (const block of data.blocks) {
    if (has(KEPT_BLOCK_TYPES, block.type)) push('blocks', null, null, `block of type ${block.type}`);
    else push('blocks', null, ageOrCancellation('blocks', null));
  }

  for (const credential of data.credentials) {
    if (credential.sipPort) push('credentials', null, null, 'SIP port username');
    else push('credentials', null, ageOrCancellation('credentials', null));
  }

  for (const item of data.financial) {
    if (!item.settled) push('financial_transactions', item.bookedOn, null, 'open item');
    else push('financial_transactions', item.bookedOn, ageOrCancellation('financial_transactions', item.bookedOn));
  }

  // ---- Removal: the not-yet-due reasons and the deletion conditions, on the records held now.
  // A removal request removes the waiting periods that exist so a customer can come back: no
  // CLEANUP_DISABLED, NOT_INACTIVE_LONG_ENOUGH, RECENT_MEMBERSHIP_END, RECENT_EDUB_DEREGISTRATION or
  // RUNNING_MEMBERSHIP_STATUS; every other condition still holds.
  const reasons: Reason[] = [];
  const enabled = s.inactiveActorMonths > 0;
  if (!enabled && !requestApplies) reasons.push({ code: 'CLEANUP_DISABLED', until: null });
  if (active) reasons.push({ code: 'ACTIVE_MEMBERSHIP', until: null });
  if (enabled && !active && !requestApplies) {
    const eligible = addMonths(cancellationBase, s.inactiveActorMonths);
    if (eligible > asOf) reasons.push({ code: 'NOT_INACTIVE_LONG_ENOUGH', until: eligible });
  }

  const WAIVED_BY_REQUEST: readonly DeletionConditionCode[] = ['RECENT_EDUB_DEREGISTRATION', 'RECENT_MEMBERSHIP_END', 'RUNNING_MEMBERSHIP_STATUS'];
  const condition = (code: DeletionConditionCode, untils: (IsoDate | null)[]) => {
    if (requestApplies && WAIVED_BY_REQUEST.includes(code)) return;
    if (untils.length > 0) reasons.push({ code, until: latestUntil(untils, asOf) });
  };

  condition(
    'OPEN_FINANCIAL_ITEMS',
    data.financial.filter((f) => !f.settled).map(() => null),
  );
  if (s.financialMonths > 0) {
    const settled = data.financial.filter((f) => f.settled && addMonths(f.bookedOn, s.financialMonths) > asOf);
    condition(
      'RECENT_FINANCIAL_ARCHIVE',
      // Its own end (booking + financialMonths), or earlier when the item goes earlier by its
      // cancellation rule; a legal hold keeps the item, not the condition.
      settled.map((f) => minDate(addMonths(f.bookedOn, s.financialMonths), ageOrCancellation('financial_transactions', f.bookedOn))),
    );
  }
  condition(
    'CURRENT_LOANS',
    data.loans.filter((l) => l.returnedOn === null).map(() => null),
  );
  condition(
    'RECENT_EDUB_DEREGISTRATION',
    data.roles
      .filter((r) => r.type === 'EDUB' && r.deregistrationDate !== null)
      .filter((r) => addMonths(r.deregistrationDate as IsoDate, EDUB_DEREGISTRATION_MONTHS) > asOf)
      .map((r) => minDate(addMonths(r.deregistrationDate as IsoDate, EDUB_DEREGISTRATION_MONTHS), roleRuleDate(r))),
  );
  condition(
    'RECENT_MEMBERSHIP_END',
    data.roles
      .filter((r) => has(MEMBERSHIP_TYPES, r.type) && r.endDate !== null)
      .filter((r) => addMonths(r.endDate as IsoDate, MEMBERSHIP_END_MONTHS) > asOf)
      .map((r) => minDate(addMonths(r.endDate as IsoDate, MEMBERSHIP_END_MONTHS), roleRuleDate(r))),
  );
  condition(
    'BRANCH_OR_EXTERNAL_ROLE',
    data.roles.filter((r) => has(BRANCH_OR_EXTERNAL_ROLE_TYPES, r.type)).map(() => null),
  );
  const otherKinds = new Map<DeletionConditionCode, null[]>();
  for (const other of data.otherRoles) {
    const code = OTHER_ROLE_CONDITION[other.kind];
    otherKinds.set(code, [...(otherKinds.get(code) ?? []), null]);
  }
  condition(
    'GENERAL_OR_BAILIFF_BLOCK',
    data.blocks.filter((b) => has(KEPT_BLOCK_TYPES, b.type)).map(() => null),
  );
  condition(
    'SIP_PORT_USERNAME',
    data.credentials.filter((c) => c.sipPort).map(() => null),
  );
  for (const [code, untils] of otherKinds) condition(code, untils);
  condition(
    'OPEN_ENDED_SUBSCRIPTION',
    data.roles.filter((r) => r.type === 'SUBSCRIBE' && r.endDate === null).map(() => null),
  );
  condition(
    'RUNNING_MEMBERSHIP_STATUS',
    data.roles.filter((r) => r.type === 'ABON' && r.status < RUNNING_STATUS_BELOW).map(roleRuleDate),
  );
  condition(
    'SPECIAL_MEMBERSHIP',
    data.roles.filter((r) => r.type === 'ABON' && has(SPECIAL_MEMBERSHIP_SUBTYPES, r.subtype)).map(roleRuleDate),
  );
  if (hold) condition('LEGAL_HOLD', [hold.until]);

  const due = reasons.length === 0;
  let removalDate: IsoDate | null = asOf;
  if (!due) {
    removalDate = latestUntil(
      reasons.map((r) => r.until),
      asOf,
    );
  }

  // ---- The day each record goes: its rule or the removal, whichever is first, never before asOf.
  for (const record of records) {
    const go = due ? asOf : minDate(record.ruleDate, removalDate);
    record.goDate = go === null ? null : maxDate(go, asOf);
  }

  const categories = {} as Record<CategoryId, CategoryReport>;
  for (const id of CATEGORY_IDS) {
    categories[id] = { records: 0, due: 0, nextDate: null, lastDate: null, action: CATEGORIES[id].action };
  }
  const neverGoes = new Set<CategoryId>();
  for (const record of records) {
    const c = categories[record.category];
    c.records += 1;
    if (record.goDate === null) {
      neverGoes.add(record.category);
      continue;
    }
    if (record.goDate === asOf) c.due += 1;
    else c.nextDate = minDate(c.nextDate, record.goDate);
    c.lastDate = c.lastDate === null ? record.goDate : maxDate(c.lastDate, record.goDate);
  }
  for (const id of neverGoes) categories[id].lastDate = null;

  const report: FoundActorReport = {
    actorId: data.actorId,
    asOf,
    found: true,
    active,
    cancellationDate: active ? null : cancellationDate,
    loanHistoryOptIn: data.loanHistoryOptIn,
    removal: { due, date: removalDate, reasons, requestedOn: request.requestedOn },
    categories,
  };
  return { report, records, cancellationBase };
}

/** The actor report of INTERFACES.md for one actor on `asOf`. */
export function buildActorReport(data: ActorData, settings: RetentionSettings, asOf: IsoDate): FoundActorReport {
  return evaluateActor(data, settings, asOf).report;
}
