import type { SettingName } from './settings';

/** Every category id of RETENTION.md, in the order of its table. */
export const CATEGORY_IDS = [
  'personal_details',
  'memberships',
  'titles_previously_borrowed',
  'asset_profiles',
  'loan_history',
  'instance_history',
  'holds',
  'marketing',
  'ksm',
  'customer_notifications',
  'to_inform',
  'tickets',
  'account_changes',
  'blocks',
  'documents',
  'credentials',
  'relationships',
  'collection_records',
  'collections_agency',
  'financial_transactions',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];
export type CategoryAction = 'delete' | 'anonymize' | 'erase';

export type CategoryRule = {
  id: CategoryId;
  /** The source document's row. */
  source: string;
  /** What the record date is, for categories with an age rule. */
  recordDate: string | null;
  /** Setting of the age rule: records older than it are processed, active actor or not. */
  ageSetting: SettingName | null;
  /** Setting of the cancellation rule: all records go once cancellation date + it has passed. */
  cancellationSetting: SettingName | null;
  action: CategoryAction;
  /** Records the rules never process; they go only with the actor. */
  keptUntilRemoval: string | null;
};

/** The category table of RETENTION.md. */
export const CATEGORIES: Record<CategoryId, CategoryRule> = {
  personal_details: {
    id: 'personal_details',
    source: 'Name and address + phone + e-mail',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'personalDataMonths',
    action: 'erase',
    keptUntilRemoval: null,
  },
  memberships: {
    id: 'memberships',
    source: 'Membership (roles)',
    recordDate: 'end date of an ABON, EDUB or EDUV role (EDUB without one: the deregistration date)',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: 'roles without an end date (or, for EDUB, a deregistration date)',
  },
  titles_previously_borrowed: {
    id: 'titles_previously_borrowed',
    source: 'Title previously borrowed',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  asset_profiles: {
    id: 'asset_profiles',
    source: 'Asset Profiles',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  loan_history: {
    id: 'loan_history',
    source: 'Loan history',
    recordDate: 'return date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'anonymize',
    keptUntilRemoval: 'current loans (not returned)',
  },
  instance_history: {
    id: 'instance_history',
    source: 'Instance history',
    recordDate: 'event date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  holds: {
    id: 'holds',
    source: 'Holds',
    recordDate: 'closing date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: 'open holds',
  },
  marketing: {
    id: 'marketing',
    source: 'Marketing/Newsletter',
    recordDate: 'event date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  ksm: {
    id: 'ksm',
    source: 'KSM',
    recordDate: 'event date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  customer_notifications: {
    id: 'customer_notifications',
    source: 'Customer notifications',
    recordDate: 'sent date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  to_inform: {
    id: 'to_inform',
    source: 'To inform',
    recordDate: 'created date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  tickets: {
    id: 'tickets',
    source: 'Tickets',
    recordDate: 'closing date',
    ageSetting: 'historyMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: 'open tickets',
  },
  account_changes: {
    id: 'account_changes',
    source: 'Customer account changes',
    recordDate: 'change date',
    ageSetting: 'personalDataMonths',
    cancellationSetting: null,
    action: 'delete',
    keptUntilRemoval: null,
  },
  blocks: {
    id: 'blocks',
    source: 'Blocks',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: 'blocks of type ALG and DEU',
  },
  documents: {
    id: 'documents',
    source: 'Documents (permission)',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'personalDataMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  credentials: {
    id: 'credentials',
    source: 'Pass/Username',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: 'usernames used as a SIP port id',
  },
  relationships: {
    id: 'relationships',
    source: 'Relationships',
    recordDate: null,
    ageSetting: null,
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  collection_records: {
    id: 'collection_records',
    source: 'Collection records',
    recordDate: 'record date',
    ageSetting: 'historyMonths',
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  collections_agency: {
    id: 'collections_agency',
    source: 'Collections agency',
    recordDate: 'hand-over date',
    ageSetting: 'historyMonths',
    cancellationSetting: 'inactiveActorMonths',
    action: 'delete',
    keptUntilRemoval: null,
  },
  financial_transactions: {
    id: 'financial_transactions',
    source: 'Financial Transactions (membership fees, fines, payments)',
    recordDate: 'booking date',
    ageSetting: 'financialMonths',
    cancellationSetting: 'financialMonths',
    action: 'delete',
    keptUntilRemoval: 'open (unsettled) financial items',
  },
};

/**
 * The categories whose records are plain dated rows in a table of their own (named by the
 * category id), with no other field a rule looks at than the date and, for holds and tickets,
 * whether the record is still open.
 */
export const RECORD_TABLE_CATEGORIES = [
  'titles_previously_borrowed',
  'asset_profiles',
  'instance_history',
  'holds',
  'marketing',
  'ksm',
  'customer_notifications',
  'to_inform',
  'tickets',
  'account_changes',
  'documents',
  'relationships',
  'collection_records',
  'collections_agency',
] as const satisfies readonly CategoryId[];

export type RecordTableCategory = (typeof RECORD_TABLE_CATEGORIES)[number];

/** Record-table categories whose rows can be open (never processed by a rule while open). */
export const OPENABLE_CATEGORIES: ReadonlySet<CategoryId> = new Set(['holds', 'tickets']);

/** Membership roles (RETENTION.md "membership"): their end dates decide whether an actor is active. */
export const MEMBERSHIP_TYPES = ['ABON', 'EDUV'] as const;
/** Role types of the `memberships` category. */
export const MEMBERSHIP_CATEGORY_TYPES = ['ABON', 'EDUB', 'EDUV'] as const;
/** Block types that are deletion conditions and never go by a rule. */
export const KEPT_BLOCK_TYPES = ['ALG', 'DEU'] as const;
