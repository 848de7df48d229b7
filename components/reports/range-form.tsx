import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button-styles';
import { DateField } from '@/components/ui/date-field';
import { lastDays, REPORT_MAX_DAYS } from '@/lib/reports/deleted-per-day';

export const QUICK_DAYS = [7, 30, 90] as const;

type Props = {
  /** The values to show in the fields: what the URL asked for (even when bad), else the range shown. */
  from: string;
  to: string;
  today: string;
  /** The range shown, to mark the quick choice that matches it. */
  shown: { from: string; to: string } | null;
  errors: { from?: string[]; to?: string[] };
};

/**
 * The range controls: two date fields in a GET form, so the range lives in the URL
 * (`/reports?from=…&to=…`) and can be bookmarked, and quick choices as plain links. Works by keyboard
 * and without JavaScript; next/form navigates on the client when it can.
 */
export async function RangeForm({ from, to, today, shown, errors }: Props) {
  const t = await getTranslations('reports.range');
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
      <Form action="/reports" className="flex flex-wrap items-end gap-3">
        <DateField name="from" label={t('from')} defaultValue={from} errors={errors.from} className="w-52" />
        <DateField name="to" label={t('to')} defaultValue={to} errors={errors.to} className="w-52" />
        <button type="submit" className={buttonClass('primary')}>
          {t('show')}
        </button>
      </Form>
      <nav aria-label={t('quickLabel')}>
        <p className="text-sm font-medium text-ink" aria-hidden="true">
          {t('quickLabel')}
        </p>
        <ul className="mt-1 flex flex-wrap gap-2">
          {QUICK_DAYS.map((days) => {
            const range = lastDays(today, days);
            const current = shown?.from === range.from && shown.to === range.to;
            return (
              <li key={days}>
                <Link
                  href={`/reports?from=${range.from}&to=${range.to}`}
                  aria-current={current ? 'page' : undefined}
                  className={`${buttonClass('secondary', 'sm')} aria-[current=page]:border-brand aria-[current=page]:bg-brand-soft aria-[current=page]:text-brand`}
                >
                  {t('lastDays', { days })}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="w-full text-xs text-muted">{t('hint', { max: REPORT_MAX_DAYS })}</p>
    </div>
  );
}
