import type { SettingName } from '@/lib/retention/settings';

/** The category family a setting belongs to; each has a colour token (--color-cat-*). */
export type CategoryFamily = 'actor' | 'financial' | 'history' | 'personal' | 'loans';

/** What each setting of RETENTION.md ("Settings") belongs to; its label and use are in messages (overview.settings.<name>). */
export const SETTING_INFO: Record<SettingName, { family: CategoryFamily; typical: number }> = {
  inactiveActorMonths: { family: 'actor', typical: 24 },
  financialMonths: { family: 'financial', typical: 84 },
  historyMonths: { family: 'history', typical: 24 },
  personalDataMonths: { family: 'personal', typical: 84 },
  optOutLoanDays: { family: 'loans', typical: 90 },
};

/** Tailwind classes of a family's colour swatch (spelled out so Tailwind finds them). */
export const FAMILY_SWATCH: Record<CategoryFamily, string> = {
  actor: 'bg-cat-actor',
  financial: 'bg-cat-financial',
  history: 'bg-cat-history',
  personal: 'bg-cat-personal',
  loans: 'bg-cat-loans',
};
