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
 * Evaluates the rules of RETENTION.md for one actor on `asOf`: the actor report of INTERFACES.md
 * and, per record, the day it goes. Pure: no I/O, no clock.
 */
export function evaluateActor(data: ActorData, settings: RetentionSettings, asOf: IsoDate): ActorEvaluation {
  const s = settings;
  const active = data.roles.some((r) => isRunningMembership(r, asOf));
  const cancellationDate = cancellationDateOf(data);
  // An inactive actor who never had a membership counts "after cancellation" from registration.
  const cancellationBase = cancellationDate ?? data.registeredOn;
  // Active actors: report dates assume they stay active, so cancellation rules give no date.
  const afterCancellation = (months: number) => (active ? null : after(cancellationBase, months));

  const records: EvaluatedRecord[] = [];
  const push = (category: CategoryId, date: IsoDate | null, ruleDate: IsoDate | null, keptBecause?: string) =>
    records.push({ category, date, ruleDate, goDate: null, ...(keptBecause ? { keptBecause } : {}) });

  // Rule dates by category (min of the age rule and the cancellation rule where both apply).
  const ageOrCancellation = (category: CategoryId, date: IsoDate | null): IsoDate | null => {
    const rule = CATEGORIES[category];
    const age = rule.ageSetting ? after(date, s[rule.ageSetting]) : null;
    const cancel = rule.cancellationSetting ? afterCancellation(s[rule.cancellationSetting]) : null;
    return minDate(age, cancel);
  };

  if (data.hasPersonalDetails) push('personal_details', null, ageOrCancellation('personal_details', null));

  const roleRuleDate = (role: ActorRole) => after(membershipRecordDate(role), s.historyMonths);
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
    push('loan_history', loan.returnedOn, rule);
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
  const reasons: Reason[] = [];
  const enabled = s.inactiveActorMonths > 0;
  if (!enabled) reasons.push({ code: 'CLEANUP_DISABLED', until: null });
  if (active) reasons.push({ code: 'ACTIVE_MEMBERSHIP', until: null });
  if (enabled && !active) {
    const eligible = addMonths(cancellationBase, s.inactiveActorMonths);
    if (eligible > asOf) reasons.push({ code: 'NOT_INACTIVE_LONG_ENOUGH', until: eligible });
  }

  const condition = (code: DeletionConditionCode, untils: (IsoDate | null)[]) => {
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
      settled.map((f) => ageOrCancellation('financial_transactions', f.bookedOn)),
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
    removal: { due, date: removalDate, reasons },
    categories,
  };
  return { report, records, cancellationBase };
}

/** The actor report of INTERFACES.md for one actor on `asOf`. */
export function buildActorReport(data: ActorData, settings: RetentionSettings, asOf: IsoDate): FoundActorReport {
  return evaluateActor(data, settings, asOf).report;
}
