import { CATEGORIES, CATEGORY_IDS, type CategoryAction, type CategoryId } from '../retention/categories';
import {
  DELETION_CONDITION_CODES,
  EDUB_DEREGISTRATION_MONTHS,
  MEMBERSHIP_END_MONTHS,
  NOT_DUE_CODES,
  type DeletionConditionCode,
  type NotDueCode,
} from '../retention/conditions';
import { SETTING_UNIT, type RetentionSettings, type SettingName } from '../retention/settings';

/*
 * The retention policy: the overview table of the source document ("When is information
 * deleted", one row per category, a column for active and one for inactive customers) computed
 * from the settings in force, plus the actor-removal rule and the deletion conditions. Pure: the
 * screen, the JSON API and the CSV export all build from this, so they cannot disagree.
 */

/** One rule of a category with the setting that drives it and its value now. */
export type PolicyRule = {
  setting: SettingName;
  /** The setting's value now; 0 means the rule is switched off. */
  value: number;
  unit: 'months' | 'days';
  /** False when the setting is 0: the rule deletes nothing (never "0 months"). */
  inForce: boolean;
};

export type PolicyRow = {
  category: CategoryId;
  /** The source document's row, in its words. */
  sourceRow: string;
  action: CategoryAction;
  /**
   * The age rule ("information older than …"; the source's "Customer Active" column). It applies
   * to every actor, active or not. null: the category has none.
   */
  ageRule: PolicyRule | null;
  /** The cancellation rule ("… after cancellation"; the source's "Customer Inactive" column). */
  cancellationRule: PolicyRule | null;
  /** Only loan_history: loans of an actor with loan history off go this long after their return. */
  optOutRule: PolicyRule | null;
  /** Records no rule of the category ever processes (they go only with the actor), or null. */
  keptUntilRemoval: string | null;
  /** True when at least one rule of the category is in force now. */
  deletedByARule: boolean;
};

/** Actor removal: cancellation date + inactiveActorMonths, unless a deletion condition holds. */
export type RemovalPolicy = PolicyRule & { setting: 'inactiveActorMonths' };

export type ConditionPolicy = {
  code: DeletionConditionCode;
  /** The source document's wording (its table name), where it gives one. */
  source: string | null;
  /** A period that ends the condition by itself: a setting's or a fixed one from RETENTION.md. */
  period: { setting: SettingName | null; months: number } | null;
  /**
   * False only for RECENT_FINANCIAL_ARCHIVE with financialMonths = 0 ("never holds when
   * financialMonths is 0"); every other condition always applies.
   */
  inForce: boolean;
};

export type PolicyTable = {
  settings: RetentionSettings;
  categories: PolicyRow[];
  removal: RemovalPolicy;
  conditions: ConditionPolicy[];
  notDueReasons: NotDueCode[];
};

function rule(settings: RetentionSettings, setting: SettingName | null): PolicyRule | null {
  if (!setting) return null;
  const value = settings[setting];
  return { setting, value, unit: SETTING_UNIT[setting], inForce: value > 0 };
}

/** The source wording of each condition (RETENTION.md, "Deletion conditions", in brackets). */
const CONDITION_SOURCE: Record<DeletionConditionCode, string | null> = {
  OPEN_FINANCIAL_ITEMS: 'fin_posten',
  RECENT_FINANCIAL_ARCHIVE: 'fin_posten_archive younger than financial_inactive',
  CURRENT_LOANS: 'borrowed more copies',
  RECENT_EDUB_DEREGISTRATION: null,
  RECENT_MEMBERSHIP_END: null,
  BRANCH_OR_EXTERNAL_ROLE: null,
  STAFF_ROLE: 'wise_rol',
  GENERAL_OR_BAILIFF_BLOCK: 'actor_blockade',
  SUPPLIER_ROLE: 'role_supplier',
  EXTERNAL_SUPPLIER_ROLE: 'role_levr_external',
  SIP_PORT_USERNAME: 'actor_auth_agent',
  LOCATION_ROLE: 'role_location',
  EXTERNAL_ROLE: 'role_external',
  EXTERNAL_BRANCH_ROLE: 'role_vest_extern',
  PERSONNEL_ROLE: 'role_personnel',
  OPEN_ENDED_SUBSCRIPTION: null,
  RUNNING_MEMBERSHIP_STATUS: null,
  SPECIAL_MEMBERSHIP: null,
  LEGAL_HOLD: null,
};

function condition(settings: RetentionSettings, code: DeletionConditionCode): ConditionPolicy {
  const source = CONDITION_SOURCE[code];
  switch (code) {
    case 'RECENT_FINANCIAL_ARCHIVE':
      return {
        code,
        source,
        period: { setting: 'financialMonths', months: settings.financialMonths },
        inForce: settings.financialMonths > 0,
      };
    case 'RECENT_EDUB_DEREGISTRATION':
      return { code, source, period: { setting: null, months: EDUB_DEREGISTRATION_MONTHS }, inForce: true };
    case 'RECENT_MEMBERSHIP_END':
      return { code, source, period: { setting: null, months: MEMBERSHIP_END_MONTHS }, inForce: true };
    default:
      return { code, source, period: null, inForce: true };
  }
}

/** The policy as the settings make it now: every category, the removal rule, every condition. */
export function buildPolicyTable(settings: RetentionSettings): PolicyTable {
  const categories = CATEGORY_IDS.map((id): PolicyRow => {
    const c = CATEGORIES[id];
    const ageRule = rule(settings, c.ageSetting);
    const cancellationRule = rule(settings, c.cancellationSetting);
    const optOutRule = id === 'loan_history' ? rule(settings, 'optOutLoanDays') : null;
    return {
      category: id,
      sourceRow: c.source,
      action: c.action,
      ageRule,
      cancellationRule,
      optOutRule,
      keptUntilRemoval: c.keptUntilRemoval,
      deletedByARule: [ageRule, cancellationRule, optOutRule].some((r) => r?.inForce === true),
    };
  });
  return {
    settings: { ...settings },
    categories,
    removal: { ...rule(settings, 'inactiveActorMonths')!, setting: 'inactiveActorMonths' },
    conditions: DELETION_CONDITION_CODES.map((code) => condition(settings, code)),
    notDueReasons: [...NOT_DUE_CODES],
  };
}

/** The CSV columns, in order: stable names for machines (a change here breaks their readers). */
export const POLICY_CSV_COLUMNS = [
  'category',
  'source_row',
  'action',
  'age_setting',
  'age_period',
  'age_unit',
  'age_in_force',
  'cancellation_setting',
  'cancellation_period',
  'cancellation_unit',
  'cancellation_in_force',
  'opt_out_setting',
  'opt_out_period',
  'opt_out_unit',
  'opt_out_in_force',
  'deleted_by_a_rule',
  'kept_until_removal',
] as const;

export type PolicyCsvColumn = (typeof POLICY_CSV_COLUMNS)[number];
export type PolicyCsvRow = Record<PolicyCsvColumn, string>;

function ruleCells<P extends string>(prefix: P, r: PolicyRule | null) {
  // A category without the rule has empty cells; a disabled rule shows its 0 and in_force=false.
  return {
    [`${prefix}_setting`]: r?.setting ?? '',
    [`${prefix}_period`]: r ? String(r.value) : '',
    [`${prefix}_unit`]: r?.unit ?? '',
    [`${prefix}_in_force`]: r ? String(r.inForce) : '',
  } as Record<`${P}_${'setting' | 'period' | 'unit' | 'in_force'}`, string>;
}

/** The category rows as plain cells (strings), one per category, in the table's order. */
export function policyCsvRows(table: PolicyTable): PolicyCsvRow[] {
  return table.categories.map((row) => ({
    category: row.category,
    source_row: row.sourceRow,
    action: row.action,
    ...ruleCells('age', row.ageRule),
    ...ruleCells('cancellation', row.cancellationRule),
    ...ruleCells('opt_out', row.optOutRule),
    deleted_by_a_rule: String(row.deletedByARule),
    kept_until_removal: row.keptUntilRemoval ?? '',
  }));
}

/** The columns of the conditions CSV, in order. */
export const CONDITIONS_CSV_COLUMNS = ['code', 'source', 'period_setting', 'period_months', 'in_force'] as const;
export type ConditionsCsvRow = Record<(typeof CONDITIONS_CSV_COLUMNS)[number], string>;

/** The deletion conditions as plain cells, one per code, in RETENTION.md's order. */
export function conditionsCsvRows(table: PolicyTable): ConditionsCsvRow[] {
  return table.conditions.map((c) => ({
    code: c.code,
    source: c.source ?? '',
    period_setting: c.period?.setting ?? '',
    period_months: c.period ? String(c.period.months) : '',
    in_force: String(c.inForce),
  }));
}

/** Whole years of a number of months, or null when it is not a whole number of years. */
export function wholeYears(months: number): number | null {
  return months > 0 && months % 12 === 0 ? months / 12 : null;
}
