import { getLocale, getTranslations } from 'next-intl/server';
import { LocalDate } from '@/components/ui/local-date';
import { formatCount } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { ACTORS_CATEGORY, type DayTable } from '@/lib/reports/deleted-per-day';

/**
 * The numbers of the charts as a table (for screen readers, for copying, and what the CSV of the
 * screen holds): one row per day of the range with zeros where nothing happened, a column per
 * category and kind with a count in the range, the actors removed, and a totals row. Each column
 * header carries the CSV column it matches (data-column), each row its ISO day (data-date).
 */
export async function DayTableView({ table, labels }: { table: DayTable; labels: Record<string, string> }) {
  const [t, locale] = await Promise.all([getTranslations('reports'), getLocale() as Promise<AppLocale>]);
  const count = (n: number) => (n === 0 ? <span className="text-muted">0</span> : formatCount(locale, n));
  const header = (column: string, category: string, label: string, kind: string) => (
    <th key={column} scope="col" data-column={column} className="sticky top-0 z-10 bg-surface px-2 py-2 text-right align-bottom font-medium shadow-[inset_0_-1px_0_var(--color-line)]">
      <span className="block font-mono text-xs text-ink">{category}</span> <span className="block text-xs font-normal text-muted">{label}</span>{' '}
      <span className="block text-xs font-normal text-muted">({kind})</span>
    </th>
  );
  return (
    // A long range scrolls inside its box with the header row and the date column kept in view.
    <div className="max-h-[40rem] overflow-auto rounded-md border border-line/60 focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="region" aria-label={t('table.scrollLabel')}>
      <table className="w-full text-sm tabular-nums" data-testid="day-table">
        <caption className="sr-only">{t('table.caption', { from: table.from, to: table.to })}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" data-column="date" className="sticky top-0 left-0 z-20 bg-surface py-2 pr-3 pl-2 text-left align-bottom font-medium shadow-[inset_0_-1px_0_var(--color-line)]">
              {t('table.date')}
            </th>
            {table.series.map((s) => header(s.key, s.category, labels[s.category] ?? s.category, t(`kinds.${s.kind}`)))}
            {header(`${ACTORS_CATEGORY}.removed`, ACTORS_CATEGORY, t('actorsLabel'), t('kinds.removed'))}
          </tr>
        </thead>
        <tbody>
          {table.days.map((d) => (
            <tr key={d.date} data-date={d.date} className="border-b border-line/60 hover:bg-canvas">
              <th scope="row" className="sticky left-0 bg-surface py-1.5 pr-3 pl-2 text-left font-normal whitespace-nowrap">
                <LocalDate date={d.date} />
              </th>
              {table.series.map((s) => (
                <td key={s.key} className="px-2 py-1.5 text-right">
                  {count(d.values[s.key] ?? 0)}
                </td>
              ))}
              <td className="px-2 py-1.5 text-right">{count(d.actors)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold" data-testid="day-table-totals">
            <th scope="row" className="sticky bottom-0 left-0 z-20 bg-surface py-2 pr-3 pl-2 text-left shadow-[inset_0_2px_0_var(--color-line)]">
              {t('table.total')}
            </th>
            {table.series.map((s) => (
              <td key={s.key} className="sticky bottom-0 bg-surface px-2 py-2 text-right shadow-[inset_0_2px_0_var(--color-line)]">
                {formatCount(locale, table.totals.values[s.key] ?? 0)}
              </td>
            ))}
            <td className="sticky bottom-0 bg-surface px-2 py-2 text-right shadow-[inset_0_2px_0_var(--color-line)]">{formatCount(locale, table.totals.actors)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
