import type { useTranslations } from 'next-intl';
import { wholeYears, type PolicyRule } from '@/lib/policy/table';

type PolicyT = ReturnType<typeof useTranslations<'policy'>>;

/** "24 months (2 years)", "90 days": a period in force, in words. */
export function periodText(t: PolicyT, rule: Pick<PolicyRule, 'value' | 'unit'>): string {
  if (rule.unit === 'days') return t('period.days', { days: rule.value });
  const years = wholeYears(rule.value);
  return years === null ? t('period.months', { months: rule.value }) : t('period.monthsYears', { months: rule.value, years });
}
