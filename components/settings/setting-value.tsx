import { useTranslations } from 'next-intl';

/** A setting's value in words: "24 months", "90 days", "0 · disabled" (the overview's wording). Server and client. */
export function useSettingValueText() {
  const t = useTranslations('overview');
  return (unit: 'months' | 'days', value: number | null) => {
    if (value === null) return t('notSet');
    if (value === 0) return t('disabled');
    return unit === 'months' ? t('valueMonths', { value }) : t('valueDays', { value });
  };
}
