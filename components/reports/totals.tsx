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
  const amount = (kind: 'deleted' | 'anonymized' | 'removed', n: number) => (
    <span className="flex flex-wrap items-baseline justify-end gap-x-2">
      <span className="text-xs font-normal text-muted">{t(`kinds.${kind}`)}</span>
      <span data-kind={kind} className={`min-w-16 ${n === 0 ? 'text-muted' : ''}`}>
        {formatCount(locale, n)}
      </span>
    </span>
  );
  const name = (id: string, label: string, swatch: string) => (
    <span className="flex items-start gap-2">
      <span aria-hidden="true" className="mt-1 inline-block size-3 shrink-0 rounded-sm" style={{ background: swatch }} />
      <span className="min-w-0">
        <span className="font-mono text-xs">{id}</span> <span className="block text-muted sm:inline">{breakAfterSlash(label)}</span>
      </span>
    </span>
  );
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
      {/* One column of numbers, each with its kind, so the table fits a phone with the ids whole. */}
      <table className="w-full max-w-3xl text-sm tabular-nums" data-testid="totals-table">
        <caption className="sr-only">{t('totals.caption')}</caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {t('totals.category')}
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              {t('totals.records')}
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
                  {name(category, labels[category] ?? category, swatchBackground(categoryColor(category), anonymized && !deleted ? 'anonymized' : 'deleted'))}
                </th>
                <td className="py-1.5 text-right align-top">
                  {deleted ? amount('deleted', deleted) : null}
                  {anonymized ? amount('anonymized', anonymized) : null}
                </td>
              </tr>
            );
          })}
          <tr data-category={ACTORS_CATEGORY} className="border-b border-line/60">
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              {name(ACTORS_CATEGORY, t('actorsLabel'), ACTORS_COLOR)}
            </th>
            <td className="py-1.5 text-right align-top">{amount('removed', table.totals.actors)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-line font-semibold" data-category="all">
            <th scope="row" className="py-1.5 pr-3 text-left align-top">
              {t('totals.all')}
            </th>
            <td className="py-1.5 text-right">
              {amount('deleted', table.totals.deleted)}
              {amount('anonymized', table.totals.anonymized)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
