import { CATEGORIES } from '../retention/categories';
import {
  BRANCH_OR_EXTERNAL_ROLE_TYPES,
  EDUB_DEREGISTRATION_MONTHS,
  MEMBERSHIP_END_MONTHS,
  OTHER_ROLE_CONDITION,
  RUNNING_STATUS_BELOW,
  SPECIAL_MEMBERSHIP_SUBTYPES,
  type ReasonCode,
} from '../retention/conditions';
import { addMonths, maxDate, minDate, type IsoDate } from '../retention/dates';
import { cancellationDateOf, membershipRecordDate, removalRequestState } from '../retention/report';
import type { RetentionSettings } from '../retention/settings';
import type { ActorData, ActorRole, Reason } from '../retention/types';

/**
 * The record behind a reason, in terms the screen can put into words: what it is (a role, a
 * financial item, a loan, …), its date, and the day it stops holding by itself (`null`: it holds
 * until someone acts). Never an amount, an item or a username.
 */
export type ReasonEvidence =
  | { kind: 'setting'; setting: 'inactiveActorMonths' }
  | { kind: 'cancellation'; date: IsoDate; fromRegistration: boolean; until: IsoDate }
  | { kind: 'role'; type: string; subtype: string | null; status: number; startDate: IsoDate | null; endDate: IsoDate | null; deregistrationDate: IsoDate | null; until: IsoDate | null }
  | { kind: 'financial'; financialKind: string | null; bookedOn: IsoDate; settled: boolean; until: IsoDate | null }
  | { kind: 'loan'; loanedOn: IsoDate | null; until: null }
  | { kind: 'block'; type: string; createdOn: IsoDate | null; until: null }
  | { kind: 'sipUsername'; until: null }
  | { kind: 'otherRole'; roleKind: string; until: null }
  | { kind: 'legalHold'; until: IsoDate | null };

export type ExplainedReason = Reason & { evidence: ReasonEvidence[] };

const after = (date: IsoDate | null, months: number) => (date !== null && months > 0 ? addMonths(date, months) : null);

/**
 * Every reason of the report (code and `until` unchanged, in the report's order) with the records
 * it rests on. Mirrors the conditions of `evaluateActor` (lib/retention/report.ts); the report stays
 * the one source of the codes and dates, this only says which records they are about.
 */
export function explainReasons(input: ActorData, settings: RetentionSettings, reasons: Reason[], asOf: IsoDate): ExplainedReason[] {
  const s = settings;
  const isMembership = (r: ActorRole) => r.type === 'ABON' || r.type === 'EDUV';
  // As the engine reads a removal request that applies: every membership not ended by its date ends on it.
  const request = removalRequestState(input, asOf);
  const requestedOn = request.applies ? request.requestedOn! : null;
  const data: ActorData =
    requestedOn === null
      ? input
      : {
          ...input,
          roles: input.roles.map((r) => (isMembership(r) && (r.endDate === null || r.endDate > requestedOn) ? { ...r, endDate: requestedOn } : r)),
          storedCancellationDate: input.storedCancellationDate === null ? null : minDate(input.storedCancellationDate, requestedOn),
        };
  const active = data.roles.some((r) => isMembership(r) && (r.endDate === null || r.endDate > asOf));
  const cancellationDate = cancellationDateOf(data);
  const base = cancellationDate ?? data.registeredOn;
  const roleRule = (r: ActorRole) => after(membershipRecordDate(r), s.historyMonths);
  const role = (r: ActorRole, until: IsoDate | null): ReasonEvidence => ({
    kind: 'role',
    type: r.type,
    subtype: r.subtype,
    status: r.status,
    startDate: r.startDate ?? null,
    endDate: r.endDate,
    deregistrationDate: r.deregistrationDate,
    until: until === null ? null : maxDate(until, asOf),
  });
  const financialRule = (bookedOn: IsoDate) => {
    const rule = CATEGORIES.financial_transactions;
    return minDate(after(bookedOn, s[rule.ageSetting!]), active ? null : after(base, s[rule.cancellationSetting!]));
  };

  const evidenceOf = (code: ReasonCode): ReasonEvidence[] => {
    switch (code) {
      case 'LEGAL_HOLD':
        return [{ kind: 'legalHold', until: data.legalHold?.until ?? null }];
      case 'CLEANUP_DISABLED':
        return [{ kind: 'setting', setting: 'inactiveActorMonths' }];
      case 'ACTIVE_MEMBERSHIP':
        return data.roles.filter((r) => isMembership(r) && (r.endDate === null || r.endDate > asOf)).map((r) => role(r, null));
      case 'NOT_INACTIVE_LONG_ENOUGH':
        return [{ kind: 'cancellation', date: base, fromRegistration: cancellationDate === null, until: addMonths(base, s.inactiveActorMonths) }];
      case 'OPEN_FINANCIAL_ITEMS':
        return data.financial.filter((f) => !f.settled).map((f) => ({ kind: 'financial', financialKind: f.kind ?? null, bookedOn: f.bookedOn, settled: false, until: null }));
      case 'RECENT_FINANCIAL_ARCHIVE':
        return data.financial
          .filter((f) => f.settled && s.financialMonths > 0 && addMonths(f.bookedOn, s.financialMonths) > asOf)
          .map((f) => {
            const until = financialRule(f.bookedOn);
            return { kind: 'financial', financialKind: f.kind ?? null, bookedOn: f.bookedOn, settled: true, until: until === null ? null : maxDate(until, asOf) };
          });
      case 'CURRENT_LOANS':
        return data.loans.filter((l) => l.returnedOn === null).map((l) => ({ kind: 'loan', loanedOn: l.loanedOn ?? null, until: null }));
      case 'RECENT_EDUB_DEREGISTRATION':
        return data.roles
          .filter((r) => r.type === 'EDUB' && r.deregistrationDate !== null && addMonths(r.deregistrationDate, EDUB_DEREGISTRATION_MONTHS) > asOf)
          .map((r) => role(r, minDate(addMonths(r.deregistrationDate!, EDUB_DEREGISTRATION_MONTHS), roleRule(r))));
      case 'RECENT_MEMBERSHIP_END':
        return data.roles
          .filter((r) => isMembership(r) && r.endDate !== null && addMonths(r.endDate, MEMBERSHIP_END_MONTHS) > asOf)
          .map((r) => role(r, minDate(addMonths(r.endDate!, MEMBERSHIP_END_MONTHS), roleRule(r))));
      case 'BRANCH_OR_EXTERNAL_ROLE':
        return data.roles.filter((r) => (BRANCH_OR_EXTERNAL_ROLE_TYPES as readonly string[]).includes(r.type)).map((r) => role(r, null));
      case 'GENERAL_OR_BAILIFF_BLOCK':
        return data.blocks.filter((b) => b.type === 'ALG' || b.type === 'DEU').map((b) => ({ kind: 'block', type: b.type, createdOn: b.createdOn ?? null, until: null }));
      case 'SIP_PORT_USERNAME':
        return data.credentials.filter((c) => c.sipPort).map(() => ({ kind: 'sipUsername', until: null }));
      case 'OPEN_ENDED_SUBSCRIPTION':
        return data.roles.filter((r) => r.type === 'SUBSCRIBE' && r.endDate === null).map((r) => role(r, null));
      case 'RUNNING_MEMBERSHIP_STATUS':
        return data.roles.filter((r) => r.type === 'ABON' && r.status < RUNNING_STATUS_BELOW).map((r) => role(r, roleRule(r)));
      case 'SPECIAL_MEMBERSHIP':
        return data.roles
          .filter((r) => r.type === 'ABON' && r.subtype !== null && (SPECIAL_MEMBERSHIP_SUBTYPES as readonly string[]).includes(r.subtype))
          .map((r) => role(r, roleRule(r)));
      default: {
        // The other-role conditions (staff, supplier, location, …).
        const kinds = Object.entries(OTHER_ROLE_CONDITION).filter(([, c]) => c === code).map(([k]) => k);
        return data.otherRoles.filter((o) => kinds.includes(o.kind)).map((o) => ({ kind: 'otherRole', roleKind: o.kind, until: null }));
      }
    }
  };

  return reasons.map((r) => ({ ...r, evidence: evidenceOf(r.code) }));
}
