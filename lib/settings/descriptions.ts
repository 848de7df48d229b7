import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../retention/categories';
import { SETTING_UNIT, type SettingName } from '../retention/settings';

/** What each setting drives, in the words of RETENTION.md ("Settings", "used by"). */
export const SETTING_DRIVES: Record<SettingName, string> = {
  inactiveActorMonths: 'actor removal; the after-cancellation rules of the 2-year categories',
  financialMonths: 'financial transactions; the recent-financial-archive deletion condition',
  historyMonths: 'information older than the period (memberships, loan history, holds, …)',
  personalDataMonths: 'personal details, documents, account changes',
  optOutLoanDays: 'anonymizing loans of actors with loan history switched off',
};

/** The categories whose age or cancellation rule uses the setting (optOutLoanDays: loan_history). */
export function categoriesUsingSetting(name: SettingName): CategoryId[] {
  if (name === 'optOutLoanDays') return ['loan_history'];
  return CATEGORY_IDS.filter((id) => CATEGORIES[id].ageSetting === name || CATEGORIES[id].cancellationSetting === name);
}

/** "24 months", "90 days", or "disabled" for 0. */
export function formatSettingValue(name: SettingName, value: number): string {
  if (value === 0) return 'disabled';
  const unit = SETTING_UNIT[name];
  return `${value} ${value === 1 ? unit.slice(0, -1) : unit}`;
}
