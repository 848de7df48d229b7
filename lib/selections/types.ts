import type { IsoDate } from '../retention/dates';

/*
 * Selections of one instance's customers (RETENTION.md, "Selections and exports (the second
 * source)"). The words here are the spec's, unchanged, in the CLI, the API, the CSV and the screen.
 */

/** Each customer of instance I is in exactly one of these on the as-of date. */
export const MEMBERSHIP_STATES = ['active_here', 'active_elsewhere', 'inactive'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/**
 * The `membership` criterion: `member` (the default) for all three states, one state, or
 * `wise_active` (active_here and active_elsewhere together: the source system's "active customers").
 */
export const MEMBERSHIP_FILTERS = ['member', ...MEMBERSHIP_STATES, 'wise_active'] as const;
export type MembershipFilter = (typeof MEMBERSHIP_FILTERS)[number];

/** The states a membership filter keeps. */
export function statesOf(filter: MembershipFilter): readonly MembershipState[] {
  if (filter === 'member') return MEMBERSHIP_STATES;
  if (filter === 'wise_active') return ['active_here', 'active_elsewhere'];
  return [filter];
}

/** The personal columns an export may add, each only when asked for, in the order asked. */
export const PERSONAL_COLUMNS = ['name', 'street', 'postal_code', 'city', 'district', 'email', 'phone'] as const;
export type PersonalColumn = (typeof PERSONAL_COLUMNS)[number];

/** The two exports of a selection. */
export const EXPORT_SETS = ['customers', 'items'] as const;
export type ExportSet = (typeof EXPORT_SETS)[number];

/** The fixed leading columns of each export (RETENTION.md), before the personal ones. */
export const EXPORT_BASE_COLUMNS: { readonly [S in ExportSet]: readonly string[] } = {
  customers: ['actor_id', 'membership', 'loan_history_opt_in', 'registered_on', 'loans'],
  items: ['item_id', 'loans', 'anonymized_loans', 'last_borrower'],
};

/** The criteria of a selection, as the JSON answer's `criteria` gives them. */
export type SelectionCriteria = {
  membership: MembershipFilter;
  loanHistoryOptIn: boolean | null;
  borrowedFrom: IsoDate | null;
  borrowedTo: IsoDate | null;
};

/** Everything a selection is asked with. */
export type SelectionQuery = SelectionCriteria & { instanceId: number; asOf: IsoDate };

/** The loans of instance I loaned in the borrowing period, whatever the other criteria. */
export type LoanCoverage = { from: IsoDate; to: IsoDate; total: number; linked: number; anonymized: number };

/** A selection's answer (`select --json`, `GET selections`). */
export type Selection = {
  asOf: IsoDate;
  instanceId: number;
  criteria: SelectionCriteria;
  actors: number;
  byMembership: Record<MembershipState, number>;
  loans: LoanCoverage | null;
};

/** The loans of one month of the period: all, still linked to a customer, anonymized. */
export type LoanMonth = { month: string; total: number; linked: number; anonymized: number };
