/** The retention settings of RETENTION.md. Every value is a whole number; 0 disables the rules that use it. */
export type RetentionSettings = {
  inactiveActorMonths: number;
  financialMonths: number;
  historyMonths: number;
  personalDataMonths: number;
  optOutLoanDays: number;
};

export type SettingName = keyof RetentionSettings;

export const SETTING_NAMES = [
  'inactiveActorMonths',
  'financialMonths',
  'historyMonths',
  'personalDataMonths',
  'optOutLoanDays',
] as const satisfies readonly SettingName[];

/** Narrows a stored name (an audit entry's subject, say) to a setting's. */
export const isSettingName = (name: string): name is SettingName => (SETTING_NAMES as readonly string[]).includes(name);

/** Upper bounds of the scenario format: months up to 1200, days up to 36500. */
export const SETTING_MAX: Record<SettingName, number> = {
  inactiveActorMonths: 1200,
  financialMonths: 1200,
  historyMonths: 1200,
  personalDataMonths: 1200,
  optOutLoanDays: 36500,
};

export const SETTING_UNIT: Record<SettingName, 'months' | 'days'> = {
  inactiveActorMonths: 'months',
  financialMonths: 'months',
  historyMonths: 'months',
  personalDataMonths: 'months',
  optOutLoanDays: 'days',
};

/** All rules off: the default of a new system (RETENTION.md, "Settings"). */
export const DISABLED_SETTINGS: RetentionSettings = {
  inactiveActorMonths: 0,
  financialMonths: 0,
  historyMonths: 0,
  personalDataMonths: 0,
  optOutLoanDays: 0,
};

/** The typical values of RETENTION.md (24/84/24/84 months, 90 days). */
export const TYPICAL_SETTINGS: RetentionSettings = {
  inactiveActorMonths: 24,
  financialMonths: 84,
  historyMonths: 24,
  personalDataMonths: 84,
  optOutLoanDays: 90,
};
