import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { SelectField } from '@/components/ui/select-field';
import { DateField } from '@/components/ui/date-field';
import { AUDIT_KINDS } from '@/lib/validation/audit';

export type AuditFilterValues = { kind: string; from: string; to: string };

/**
 * The filters as a plain GET form: the chosen filters stay in the address, so a filtered view can
 * be bookmarked or shared, and it works without JavaScript.
 */
export function AuditFiltersForm({ values, errors, timeZone }: { values: AuditFilterValues; errors: Record<string, string[]>; timeZone: string }) {
  const t = useTranslations('adminAudit');
  return (
    <form method="get" action="/admin/audit" className="space-y-2">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto] lg:items-end">
        <SelectField
          name="kind"
          label={t('kind')}
          defaultValue={values.kind || 'all'}
          options={(['all', ...AUDIT_KINDS] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          errors={errors.kind}
        />
        <DateField name="from" label={t('from')} defaultValue={values.from} errors={errors.from} className="" />
        <DateField name="to" label={t('to')} defaultValue={values.to} errors={errors.to} className="" />
        <button type="submit" className={buttonClass('primary')}>
          {t('apply')}
        </button>
        <Link href="/admin/audit" className={buttonClass('secondary')}>
          {t('clear')}
        </Link>
      </div>
      <p className="text-xs text-muted">{t('datesHint', { timeZone })}</p>
    </form>
  );
}
