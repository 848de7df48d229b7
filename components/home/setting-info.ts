import type { SettingName } from '@/lib/retention/settings';

/** The category family a setting belongs to; each has a colour token (--color-cat-*). */
export type CategoryFamily = 'actor' | 'financial' | 'history' | 'personal' | 'loans';

type SettingInfo = { label: string; family: CategoryFamily; usedBy: string; typical: number };

/** What each setting of RETENTION.md ("Settings") is used for, as shown on the screens. */
export const SETTING_INFO: Record<SettingName, SettingInfo> = {
  inactiveActorMonths: {
    label: 'Inactive actors',
    family: 'actor',
    usedBy: 'Actor removal after the cancellation date; the "after cancellation" rules of the 2-year categories.',
    typical: 24,
  },
  financialMonths: {
    label: 'Financial transactions',
    family: 'financial',
    usedBy: 'Settled financial items; the recent-financial-archive deletion condition.',
    typical: 84,
  },
  historyMonths: {
    label: 'History',
    family: 'history',
    usedBy: 'The "information older than 2 years" rules: loan history, holds, memberships, notifications, …',
    typical: 24,
  },
  personalDataMonths: {
    label: 'Personal data',
    family: 'personal',
    usedBy: 'Personal details (name, address, phone, e-mail), documents, account changes.',
    typical: 84,
  },
  optOutLoanDays: {
    label: 'Opt-out loans',
    family: 'loans',
    usedBy: 'Loans of actors whose loan history is switched off are anonymized this long after they ended.',
    typical: 90,
  },
};

/** Tailwind classes of a family's colour swatch (spelled out so Tailwind finds them). */
export const FAMILY_SWATCH: Record<CategoryFamily, string> = {
  actor: 'bg-cat-actor',
  financial: 'bg-cat-financial',
  history: 'bg-cat-history',
  personal: 'bg-cat-personal',
  loans: 'bg-cat-loans',
};
