import { CATEGORIES, type CategoryAction, type CategoryId } from '../retention/categories';
import type { IsoDate } from '../retention/dates';
import type { ActorEvaluation, EvaluatedRecord } from '../retention/report';
import type { ActorData } from '../retention/types';

/** Why a record no rule reaches is kept, as a code the screen translates. */
export type KeptCode = 'currentLoan' | 'open' | 'keptBlock' | 'sipUsername' | 'noEndDate' | 'openItem';

/** How a record goes: by its own rule, only with the actor's removal, or (as far as is known now) never. */
export type GoesBy = 'rule' | 'removal' | 'never';

/**
 * One record as the timeline draws it: the evaluation's record (its category, date and day of
 * going, unchanged) with the few facts that say what it is. `amountCents` and `itemId` are only
 * ever filled for callers who may see them (see `stripDetails`).
 */
export type TimelineRecord = {
  category: CategoryId;
  action: CategoryAction;
  /** The record's own date, the one its rule counts from (the evaluation's `date`). */
  date: IsoDate | null;
  /** Where its bar starts: its date, else another date the record carries (a block's creation), else null (not recorded). */
  start: IsoDate | null;
  /** The day it goes (the evaluation's `goDate`); null when it never goes as things stand. */
  goDate: IsoDate | null;
  /** The day its own rule reaches it (the evaluation's `ruleDate`). */
  ruleDate: IsoDate | null;
  goesBy: GoesBy;
  kept?: KeptCode;
  /** Financial kind (membership_fee, fine, …), role or block type: codes, shown to every caller. */
  kind?: string;
  /** Loans: the day it was lent. */
  loanedOn?: IsoDate;
  /** Admin only: the amount of a financial item, the item of a loan. */
  amountCents?: number;
  itemId?: string;
};

function keptCode(record: EvaluatedRecord): KeptCode | undefined {
  const k = record.keptBecause;
  if (!k) return undefined;
  if (k === 'current loan') return 'currentLoan';
  if (k === 'open item') return 'openItem';
  if (k === 'open') return 'open';
  if (k === 'no end date') return 'noEndDate';
  if (k === 'SIP port username') return 'sipUsername';
  return 'keptBlock';
}

/**
 * The evaluation's records with what each one is. evaluateActor keeps, per category, the order of
 * the actor data's lists (financial items, loans, membership roles, blocks), so the n-th record of
 * a category is the n-th item of its list; a date that does not match drops the extra facts
 * rather than show another record's (never a wrong amount or item).
 */
export function timelineRecords(data: ActorData, evaluation: ActorEvaluation): TimelineRecord[] {
  const { records } = evaluation;
  const removalDate = evaluation.report.removal.date;
  const seen = new Map<CategoryId, number>();
  const memberships = data.roles.filter((r) => r.type === 'ABON' || r.type === 'EDUB' || r.type === 'EDUV');
  return records.map((record) => {
    const n = seen.get(record.category) ?? 0;
    seen.set(record.category, n + 1);
    let goesBy: GoesBy = 'never';
    if (record.goDate !== null) {
      goesBy = record.ruleDate !== null && (removalDate === null || record.ruleDate <= removalDate) ? 'rule' : 'removal';
    }
    const out: TimelineRecord = {
      category: record.category,
      action: CATEGORIES[record.category].action,
      date: record.date,
      start: record.date,
      goDate: record.goDate,
      ruleDate: record.ruleDate,
      goesBy,
    };
    const kept = keptCode(record);
    if (kept) out.kept = kept;
    if (record.category === 'financial_transactions') {
      const item = data.financial[n];
      if (item && item.bookedOn === record.date) {
        if (item.kind !== undefined) out.kind = item.kind;
        if (item.amountCents !== undefined) out.amountCents = item.amountCents;
      }
    } else if (record.category === 'loan_history') {
      const loan = data.loans[n];
      if (loan && (loan.returnedOn ?? null) === record.date) {
        if (loan.loanedOn !== undefined) out.loanedOn = loan.loanedOn;
        if (loan.itemId !== undefined) out.itemId = loan.itemId;
        // A current loan has no date of its own to count from; its bar starts when it was lent.
        if (record.date === null && loan.loanedOn) out.start = loan.loanedOn;
      }
    } else if (record.category === 'memberships') {
      const role = memberships[n];
      if (role) out.kind = role.type;
    } else if (record.category === 'blocks') {
      const block = data.blocks[n];
      if (block) {
        out.kind = block.type;
        if (record.date === null && block.createdOn) out.start = block.createdOn;
      }
    }
    return out;
  });
}

/**
 * What a caller without `actor.details` may receive: loan items and financial amounts are removed
 * (support sees dates, categories and kinds, never what was borrowed or what was paid).
 */
export function stripDetails(records: TimelineRecord[]): TimelineRecord[] {
  return records.map(({ amountCents: _amount, itemId: _item, ...rest }) => rest);
}
