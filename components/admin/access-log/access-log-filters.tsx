import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { TextField } from '@/components/ui/text-field';
import { DateField } from '@/components/ui/date-field';

export type AccessLogFilterValues = { actorId: string; caller: string; from: string; to: string };

/** The filters as a plain GET form: a filtered view stays in the address and works without JavaScript. */
export function AccessLogFiltersForm({ values, errors, timeZone }: { values: AccessLogFilterValues; errors: Record<string, string[]>; timeZone: string }) {
  const t = useTranslations('adminAccessLog');
  return (
    <form method="get" action="/admin/access-log" className="space-y-2">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto_auto] lg:items-end">
        <TextField name="actorId" label={t('actorId')} inputMode="numeric" defaultValue={values.actorId} errors={errors.actorId} />
        <TextField name="caller" label={t('caller')} defaultValue={values.caller} errors={errors.caller} />
        <DateField name="from" label={t('from')} defaultValue={values.from} errors={errors.from} className="" />
        <DateField name="to" label={t('to')} defaultValue={values.to} errors={errors.to} className="" />
        <button type="submit" className={buttonClass('primary')}>
          {t('apply')}
        </button>
        <Link href="/admin/access-log" className={buttonClass('secondary')}>
          {t('clear')}
        </Link>
      </div>
      <p className="text-xs text-muted">{t('datesHint', { timeZone })}</p>
    </form>
  );
}
