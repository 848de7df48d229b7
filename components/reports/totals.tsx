import { getLocale, getTranslations } from 'next-intl/server';
import { formatCount } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import { ACTORS_CATEGORY, seriesKey, type DayTable } from '@/lib/reports/deleted-per-day';
import { ACTORS_COLOR, categoryColor, swatchBackground } from './category-colors';

/** "Marketing/newsletter" may wrap after its slash on a phone instead of widening the table. */
const breakAfterSlash = (text: string) => text.replaceAll('/', '/\u200B');

/**
 * The totals of the range: overall (records deleted, records anonymized, actors removed) and per
 * category, with the colours of the chart so this list is also its legend with numbers.
 */
export async function ReportTotals({ table, labels }: { table: DayTable; labels: Record<string, string> }) {
  const [t, locale] = await Promise.all([getTranslations('reports'), getLocale() as Promise<AppLocale>]);
  const categories = [...new Set(table.series.map((s) => s.category))];
  const tiles = [
    { id: 'deleted', label: t('totals.deleted'), hint: t('totals.deletedHint'), value: table.totals.deleted },
    { id: 'anonymized', label: t('totals.anonymized'), hint: t('totals.anonymizedHint'), value: table.totals.anonymized },
    { id: 'actors', label: t('totals.actors'), hint: t('totals.actorsHint'), value: table.totals.actors },
  ];
  const cell = (n: number | undefined) => (n ? formatCount(locale, n) : <span className="text-muted">0</span>);
  return (
    <div className="space-y-5">
      <dl className="grid gap-3 sm:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.id} className="rounded-md border border-line bg-canvas px-4 py-3">
            <dt className="text-sm text-muted">{tile.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-ink" data-testid={`total-${tile.id}`}>
              {formatCount(locale, tile.value)}
            </dd>
            <dd className="text-xs text-muted">{tile.hint}</dd>
          </div>
        ))}
      </dl>
      {table.series.length === 0 && table.totals.actors === 0 ? <p className="text-sm text-muted">{t('totals.nothing')}</p> : null}
      <div className="overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-brand" tabIndex={0} role="region" aria-label={t('totals.caption')}>
        <table className="w-full max-w-3xl text-sm tabular-nums" data-testid="totals-table">
          <caption className="sr-only">{t('totals.caption')}</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                {t('totals.category')}
              </th>
              <th scope="col" className="w-px px-2 py-1.5 text-right font-medium">
                {t('kinds.deleted')}
              </th>
              <th scope="col" className="w-px px-2 py-1.5 text-right font-medium">
                {t('kinds.anonymized')}
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => {
              const deleted = table.totals.values[seriesKey(category, 'deleted')];
              const anonymized = table.totals.values[seriesKey(category, 'anonymized')];
              return (
                <tr key={category} data-category={category} className="border-b border-line/60">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <span className="flex items-start gap-2">
                      <span
                        aria-hidden="true"
                        className="mt-1 inline-block size-3 shrink-0 rounded-sm"
                        style={{ background: swatchBackground(categoryColor(category), anonymized && !deleted ? 'anonymized' : 'deleted') }}
                      />
                      <span className="min-w-0">
                        <span className="font-mono text-xs [overflow-wrap:anywhere]">{category}</span>{' '}
                        <span className="block text-muted [overflow-wrap:anywhere] sm:inline">{breakAfterSlash(labels[category] ?? category)}</span>
                      </span>
                    </span>
                  </th>
                  <td className="px-2 py-1.5 text-right">{cell(deleted)}</td>
                  <td className="px-2 py-1.5 text-right">{cell(anonymized)}</td>
                </tr>
              );
            })}
            <tr data-category={ACTORS_CATEGORY} className="border-b border-line/60">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                <span className="flex items-start gap-2">
                  <span aria-hidden="true" className="mt-1 inline-block size-3 shrink-0 rounded-sm" style={{ background: ACTORS_COLOR }} />
                  <span className="min-w-0">
                    <span className="font-mono text-xs">{ACTORS_CATEGORY}</span> <span className="block text-muted sm:inline">{t('actorsLabel')}</span>
                  </span>
                </span>
              </th>
              <td className="px-2 py-1.5 text-right">{cell(table.totals.actors)}</td>
              <td className="px-2 py-1.5 text-right">
                <span className="text-muted">—</span>
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line font-semibold" data-category="all">
              <th scope="row" className="py-1.5 pr-3 text-left">
                {t('totals.all')}
              </th>
              <td className="px-2 py-1.5 text-right">{formatCount(locale, table.totals.deleted)}</td>
              <td className="px-2 py-1.5 text-right">{formatCount(locale, table.totals.anonymized)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
