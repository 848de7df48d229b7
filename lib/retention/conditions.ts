/** The deletion conditions of RETENTION.md: any one of them keeps an actor. */
export const DELETION_CONDITION_CODES = [
  'OPEN_FINANCIAL_ITEMS',
  'RECENT_FINANCIAL_ARCHIVE',
  'CURRENT_LOANS',
  'RECENT_EDUB_DEREGISTRATION',
  'RECENT_MEMBERSHIP_END',
  'BRANCH_OR_EXTERNAL_ROLE',
  'STAFF_ROLE',
  'GENERAL_OR_BAILIFF_BLOCK',
  'SUPPLIER_ROLE',
  'EXTERNAL_SUPPLIER_ROLE',
  'SIP_PORT_USERNAME',
  'LOCATION_ROLE',
  'EXTERNAL_ROLE',
  'EXTERNAL_BRANCH_ROLE',
  'PERSONNEL_ROLE',
  'OPEN_ENDED_SUBSCRIPTION',
  'RUNNING_MEMBERSHIP_STATUS',
  'SPECIAL_MEMBERSHIP',
  'LEGAL_HOLD',
] as const;

/** Why an actor is not yet due, besides the deletion conditions. */
export const NOT_DUE_CODES = ['CLEANUP_DISABLED', 'ACTIVE_MEMBERSHIP', 'NOT_INACTIVE_LONG_ENOUGH'] as const;

export type DeletionConditionCode = (typeof DELETION_CONDITION_CODES)[number];
export type NotDueCode = (typeof NOT_DUE_CODES)[number];
export type ReasonCode = DeletionConditionCode | NotDueCode;

export const OTHER_ROLE_KINDS = [
  'staff',
  'supplier',
  'external_supplier',
  'location',
  'external',
  'external_branch',
  'personnel',
] as const;
export type OtherRoleKind = (typeof OTHER_ROLE_KINDS)[number];

/** Which condition each of the other role kinds is. */
export const OTHER_ROLE_CONDITION: Record<OtherRoleKind, DeletionConditionCode> = {
  staff: 'STAFF_ROLE',
  supplier: 'SUPPLIER_ROLE',
  external_supplier: 'EXTERNAL_SUPPLIER_ROLE',
  location: 'LOCATION_ROLE',
  external: 'EXTERNAL_ROLE',
  external_branch: 'EXTERNAL_BRANCH_ROLE',
  personnel: 'PERSONNEL_ROLE',
};

/** Role types that keep an actor whatever their end date (BRANCH_OR_EXTERNAL_ROLE). */
export const BRANCH_OR_EXTERNAL_ROLE_TYPES = ['VEST', 'EXTR', 'XTRN'] as const;
/** ABON subtypes that keep an actor (SPECIAL_MEMBERSHIP). */
export const SPECIAL_MEMBERSHIP_SUBTYPES = ['SPEC', 'ADMI'] as const;
/** ABON roles with a status below this keep an actor (RUNNING_MEMBERSHIP_STATUS). */
export const RUNNING_STATUS_BELOW = 8;
/** Fixed periods of two conditions, in months (RETENTION.md gives them as numbers, not settings). */
export const EDUB_DEREGISTRATION_MONTHS = 3;
export const MEMBERSHIP_END_MONTHS = 24;
