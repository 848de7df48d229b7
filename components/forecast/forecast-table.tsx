import { getLocale, getTranslations } from 'next-intl/server';
import { FAMILY_SWATCH } from '@/components/ui/family-colors';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatCount, formatMonth } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { ForecastView, ForecastViewCounts } from '@/lib/forecast/view';
import { FAMILY_IDS } from '@/lib/retention/families';

const CELL = 'px-2 py-1.5 text-right';
const HEAD = 'px-2 py-2 text-right align-bottom font-medium';

/**
 * The forecast's numbers as a table (for screen readers, for copying, and for anyone who cannot
 * tell the colours apart): what is due now, one row per month of the horizon, and the horizon's
 * totals; a column per family, all records, and the actors removed. Rows carry their month
 * (data-month, `now` for what is due now) and columns their family (data-column), for the tests
 * that compare it with GET forecast.
 */
export async function ForecastTable({ view, familyLabels }: { view: ForecastView; familyLabels: Record<string, string> }) {
  const [t, locale] = await Promise.all([getTranslations('forecast'), getLocale() as Promise<AppLocale>]);
  const count = (n: number) => (n === 0 ? <span className="text-muted">0</span> : formatCount(locale, n));
  const cells = (c: ForecastViewCounts) => (
    <>
      {FAMILY_IDS.map((f) => (
        <td key={f} className={CELL}>
          {count(c.records[f])}
        </td>
      ))}
      <td className={`${CELL} font-medium`}>{count(c.recordsTotal)}</td>
      <td className={CELL}>{count(c.actorsRemoved)}</td>
    </>
  );
  // The month column stays in view while the table scrolls sideways; each use gives its background.
  const rowHead = 'sticky left-0 py-1.5 pr-3 pl-2 text-left whitespace-nowrap';
  return (
    <ScrollRegion labelledBy="forecast-table-caption" className="rounded-md border border-line/60">
      <table className="w-full text-sm tabular-nums" data-testid="forecast-table">
        <caption id="forecast-table-caption" className="sr-only">
          {t('caption', { asOf: view.asOf })}
        </caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" data-column="month" className="sticky left-0 bg-surface py-2 pr-3 pl-2 text-left align-bottom font-medium">
              {t('month')}
            </th>
            {FAMILY_IDS.map((f) => (
              <th key={f} scope="col" data-column={f} className={HEAD}>
                <span className="inline-flex items-center gap-1.5">
                  <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-sm ${FAMILY_SWATCH[f]}`} />
                  {familyLabels[f] ?? f}
                </span>
              </th>
            ))}
            <th scope="col" data-column="records" className={HEAD}>
              {t('allRecords')}
            </th>
            <th scope="col" data-column="actors" className={HEAD}>
              {t('actorsRemoved')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-month="now" className="border-b-2 border-line bg-canvas">
            <th scope="row" className={`${rowHead} bg-canvas font-normal`}>
              <span className="block">{t('dueNowRow')}</span>
              <span className="block text-xs text-muted">{t('dueNowRowHint')}</span>
            </th>
            {cells(view.dueNow)}
          </tr>
          {view.entries.map((e) => (
            <tr key={e.month} data-month={e.month} className="border-b border-line/60 hover:bg-canvas">
              <th scope="row" className={`${rowHead} bg-surface font-normal`}>
                <time dateTime={e.month} title={e.month}>
                  {formatMonth(locale, e.month)}
                </time>
              </th>
              {cells(e)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-month="total" className="font-semibold">
            <th scope="row" className={`${rowHead} bg-surface font-semibold shadow-[inset_0_2px_0_var(--color-line)]`}>
              {t('totalRow', { months: view.months })}
            </th>
            {FAMILY_IDS.map((f) => (
              <td key={f} className={`${CELL} shadow-[inset_0_2px_0_var(--color-line)]`}>
                {formatCount(locale, view.totals.records[f])}
              </td>
            ))}
            <td className={`${CELL} shadow-[inset_0_2px_0_var(--color-line)]`}>{formatCount(locale, view.totals.recordsTotal)}</td>
            <td className={`${CELL} shadow-[inset_0_2px_0_var(--color-line)]`}>{formatCount(locale, view.totals.actorsRemoved)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
